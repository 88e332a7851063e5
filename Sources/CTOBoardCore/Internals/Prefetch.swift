import Dispatch

/// A value computed on another thread from the moment it is made, for when the caller has
/// other work to do first (a sync reads its base snapshot while it parses the documents).
final class Prefetch<Value: Sendable>: @unchecked Sendable {
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// The value, waiting for it if it is not ready. Called once.
    func wait() -> Value {
        done.wait()
        return result!
    }
}

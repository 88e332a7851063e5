import Foundation
import CTOBoardUI
import CTOBoardTerminal

/// An in-memory ``Terminal``: plays a script of keys, resizes and actions, records every frame.
/// Once the script is done it answers Ctrl-C (quit).
final class FakeTerminal: Terminal {
    enum Step {
        case key(KeyEvent)
        case resize(width: Int, height: Int)
        /// Idle moments (key timeouts) until the last frame contains the text; after `timeout`
        /// seconds the wait is recorded in ``failedWaits`` and the board is quit.
        case waitFor(String, timeout: Double = 5)
        /// Runs between two reads, e.g. an external edit.
        case run(() throws -> Void)
    }

    private(set) var size: (width: Int, height: Int)
    let hasColors = false
    private(set) var frames: [ScreenBuffer] = []
    private(set) var restoreCount = 0
    private(set) var suspendCount = 0
    private(set) var failedWaits: [String] = []
    private var steps: [Step]
    private var waitingSince: Date?

    init(width: Int = 100, height: Int = 30, _ steps: [Step]) {
        size = (width, height)
        self.steps = steps
    }

    /// The text of the last frame.
    var screen: String { frames.last?.plainText() ?? "" }

    func draw(_ buffer: ScreenBuffer) { frames.append(buffer) }

    func readKey(timeoutMs: Int) -> KeyEvent? {
        while let step = steps.first {
            switch step {
            case .key(let key):
                steps.removeFirst()
                return key
            case .resize(let width, let height):
                steps.removeFirst()
                size = (width, height)
                return .resize
            case .run(let body):
                steps.removeFirst()
                do { try body() } catch { failedWaits.append("run: \(error)") }
            case .waitFor(let text, let timeout):
                if screen.contains(text) {
                    steps.removeFirst()
                    waitingSince = nil
                    continue
                }
                let since = waitingSince ?? Date()
                waitingSince = since
                if Date().timeIntervalSince(since) > timeout {
                    failedWaits.append("\(text) (screen:\n\(screen))")
                    steps.removeAll()
                    return .ctrl("c")
                }
                // Like a real terminal, no key within the timeout.
                usleep(UInt32(max(1, timeoutMs)) * 1000)
                return nil
            }
        }
        return .ctrl("c")
    }

    func suspend<T>(_ body: () throws -> T) rethrows -> T {
        suspendCount += 1
        return try body()
    }

    func restore() { restoreCount += 1 }
}

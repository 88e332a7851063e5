/// A document or state file that could not be written. Nothing was changed.
public struct WriteError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        "\(path): cannot be written (\(reason)); neither document was changed"
    }
}

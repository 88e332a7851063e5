/// The exact terminator of one line. A document's last line may have none.
public enum LineEnding: Sendable, Hashable {
    case lf
    case crlf
    case none

    /// The terminator's bytes.
    public var bytes: [UInt8] {
        switch self {
        case .lf: return [0x0A]
        case .crlf: return [0x0D, 0x0A]
        case .none: return []
        }
    }
}

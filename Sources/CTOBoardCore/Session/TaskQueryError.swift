/// A TASK argument that names no task, or more than one.
public enum TaskQueryError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound(String)
    case ambiguous(String, candidates: [String])

    public var description: String {
        switch self {
        case .notFound(let q):
            return "no task matches \"\(q)\"; run `ctoboard list` to see ids and titles"
        case .ambiguous(let q, let candidates):
            let shown = candidates.prefix(8).joined(separator: "; ")
            let more = candidates.count > 8 ? "; and \(candidates.count - 8) more" : ""
            return "\"\(q)\" matches \(candidates.count) tasks: \(shown)\(more); use an id or a longer fragment"
        }
    }
}

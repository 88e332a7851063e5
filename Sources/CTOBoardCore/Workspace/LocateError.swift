/// Why the pair of documents cannot be found. Each message says how to pass it.
public enum LocateError: Error, Equatable, Sendable, CustomStringConvertible {
    case noOwnerDoc
    case noSyncLine(ownerDoc: String)
    case todoNotFound(ownerDoc: String, syncPath: String, tried: [String])
    case unknownOwner(String, known: [String])
    case document(DocumentError)
    /// A path the repository names (`place`: the config key or the sync line, with file and
    /// line) that leads outside it; `option` is how to pass it deliberately.
    case outside(place: String, path: String, why: String, option: String)

    public var description: String {
        switch self {
        case .noOwnerDoc:
            return "no owner document given: pass --owner-doc PATH (and --todo PATH), or list the pairs in .ctoboard.toml"
        case .noSyncLine(let doc):
            return "\(doc): has no sync line (\"synchronized with `docs/.../TODO.md`\"); pass --todo PATH"
        case .todoNotFound(let doc, let sync, let tried):
            return "\(doc): its sync line names `\(sync)`, which is not at \(tried.joined(separator: " or ")); pass --todo PATH"
        case .unknownOwner(let name, let known):
            return "owner \(name) is not in .ctoboard.toml (it lists \(known.joined(separator: ", "))); pass --owner-doc PATH or add a [[pairs]] entry"
        case .document(let error):
            return error.description
        case .outside(let place, let path, let why, let option):
            return "\(place) `\(path)` \(why); a repository's paths must stay inside it: pass \(option) PATH to use that file deliberately"
        }
    }
}

import TOMLKit

/// Key bindings: which keys trigger which ``Action``. Defaults follow taskell/lazygit habits and
/// can be overridden from a TOML `[keys]` table.
public struct KeyMap: Hashable, Sendable {
    /// A problem in a key-binding file.
    public struct LoadError: Error, Hashable, Sendable, CustomStringConvertible {
        /// What went wrong, naming the offending key.
        public var message: String
        /// 1-based line in the file, when known.
        public var line: Int?
        public var description: String {
            if let line { return "line \(line): \(message)" }
            return message
        }
    }

    /// Keys per action, in display order.
    public private(set) var bindings: [Action: [KeyEvent]]
    private var lookup: [KeyEvent: Action]

    /// Creates a key map from explicit bindings. A key bound to several actions triggers the one
    /// that comes first in ``Action/allCases``.
    public init(bindings: [Action: [KeyEvent]]) {
        self.bindings = bindings
        self.lookup = [:]
        rebuildLookup()
    }

    private mutating func rebuildLookup() {
        lookup = [:]
        for action in Action.allCases.reversed() {
            for key in bindings[action] ?? [] { lookup[key] = action }
        }
    }

    /// The default bindings.
    public static let `default` = KeyMap(bindings: [
        .up: [.up, .char("k")],
        .down: [.down, .char("j")],
        .prevPane: [.left, .char("h"), .backTab],
        .nextPane: [.right, .char("l"), .tab],
        .pane1: [.char("1")],
        .pane2: [.char("2")],
        .pane3: [.char("3")],
        .pane4: [.char("4")],
        .pane5: [.char("5")],
        .first: [.char("g"), .home],
        .last: [.char("G"), .end],
        .pageUp: [.pageUp],
        .pageDown: [.pageDown],
        .toggle: [.char(" ")],
        .verify: [.char("v")],
        .complete: [.char("c")],
        .start: [.char("s")],
        .movePrev: [.char("H")],
        .moveNext: [.char("L")],
        .reorderDown: [.char("J")],
        .reorderUp: [.char("K")],
        .priorityUp: [.char("+"), .char("=")],
        .priorityDown: [.char("-")],
        .critical: [.char("!")],
        .add: [.char("a")],
        .edit: [.char("e")],
        .delete: [.char("d")],
        .undo: [.char("u")],
        .redo: [.ctrl("r")],
        .filter: [.char("/")],
        .nextMatch: [.char("n")],
        .prevMatch: [.char("N")],
        .sync: [.char("r")],
        .review: [.char("R")],
        .details: [.char("i")],
        .zoom: [.char("z")],
        .help: [.char("?")],
        .quit: [.char("q"), .ctrl("c")],
        .open: [.enter],
        .switchOwner: [.char("o")],
        .allOwners: [.char("A")],
        .openOwnerDoc: [.char("E")],
        .openTodo: [.char("T")],
    ])

    /// The action bound to a key, if any.
    public func action(for key: KeyEvent) -> Action? { lookup[key] }

    /// The keys bound to an action.
    public func keys(for action: Action) -> [KeyEvent] { bindings[action] ?? [] }

    /// The keys of an action as text, e.g. "q/Ctrl-c".
    public func keyNames(for action: Action, separator: String = "/") -> String {
        keys(for: action).map(\.displayName).joined(separator: separator)
    }

    /// Returns a copy with `action` bound to exactly `keys`. The keys are removed from any other
    /// action, so the new binding always wins.
    public func rebinding(_ action: Action, to keys: [KeyEvent]) -> KeyMap {
        var copy = self
        for other in Action.allCases where other != action {
            copy.bindings[other]?.removeAll { keys.contains($0) }
        }
        copy.bindings[action] = keys
        copy.rebuildLookup()
        return copy
    }

    /// Applies the `[keys]` table of a TOML document over these bindings.
    ///
    /// ```toml
    /// [keys]
    /// toggle = "x"
    /// quit = ["q", "ctrl-c"]
    /// ```
    /// A document without a `[keys]` table leaves the bindings unchanged.
    /// - Throws: ``LoadError`` naming the key (and its line) for an unknown action, an unknown key
    ///   name, a value of the wrong type, or a TOML syntax error.
    public func applying(toml text: String) throws -> KeyMap {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw LoadError(message: "TOML syntax error: \(error.description)", line: error.source.begin.line)
        }
        guard let keysValue = root["keys"] else { return self }
        guard let table = keysValue.table else {
            throw LoadError(message: "keys: expected a table [keys]", line: TOMLLines.line(ofKey: "keys", in: text))
        }
        var result = self
        for (name, value) in table {
            let line = TOMLLines.line(ofKey: name, inTable: "keys", in: text)
            guard let action = Action(name: name) else {
                let known = Action.allCases.map(\.rawValue).joined(separator: ", ")
                throw LoadError(message: "keys.\(name): unknown action \"\(name)\" (known: \(known))", line: line)
            }
            var names: [String] = []
            if let string = value.string {
                names = [string]
            } else if let array = value.array {
                for element in array {
                    guard let string = element.string else {
                        throw LoadError(message: "keys.\(name): expected strings, found \(element.type)", line: line)
                    }
                    names.append(string)
                }
            } else {
                throw LoadError(message: "keys.\(name): expected a key name or an array of key names", line: line)
            }
            var events: [KeyEvent] = []
            for keyName in names {
                guard let event = KeyEvent(name: keyName) else {
                    throw LoadError(message: "keys.\(name): unknown key \"\(keyName)\"", line: line)
                }
                events.append(event)
            }
            result = result.rebinding(action, to: events)
        }
        return result
    }
}

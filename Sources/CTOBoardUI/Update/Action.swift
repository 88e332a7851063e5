/// A board command that keys are bound to. The raw value is the name used in the `[keys]`
/// table of a key-binding file.
public enum Action: String, CaseIterable, Hashable, Sendable {
    case up
    case down
    case prevPane = "prev-pane"
    case nextPane = "next-pane"
    case pane1 = "pane-1"
    case pane2 = "pane-2"
    case pane3 = "pane-3"
    case pane4 = "pane-4"
    case pane5 = "pane-5"
    case first
    case last
    case pageUp = "page-up"
    case pageDown = "page-down"
    case toggle
    case verify
    case complete
    case start
    case movePrev = "move-prev"
    case moveNext = "move-next"
    case reorderDown = "reorder-down"
    case reorderUp = "reorder-up"
    case priorityUp = "priority-up"
    case priorityDown = "priority-down"
    case critical
    case add
    case edit
    case delete
    case undo
    case redo
    case filter
    case nextMatch = "next-match"
    case prevMatch = "prev-match"
    case sync
    case review
    case details
    case zoom
    case help
    case quit
    case open
    case switchOwner = "switch-owner"
    case allOwners = "all-owners"
    case openOwnerDoc = "open-owner-doc"
    case openTodo = "open-todo"

    /// Parses an action name; accepts kebab-case, snake_case and camelCase (`move_next`, `moveNext`).
    public init?(name: String) {
        if let action = Action(rawValue: name) { self = action; return }
        var kebab = ""
        for character in name {
            if character == "_" || character == " " {
                kebab.append("-")
            } else if character.isUppercase {
                kebab.append("-")
                kebab.append(contentsOf: character.lowercased())
            } else {
                kebab.append(character)
            }
        }
        // "pane1" → "pane-1"
        if kebab.hasPrefix("pane"), kebab.count == 5 { kebab.insert("-", at: kebab.index(kebab.startIndex, offsetBy: 4)) }
        guard let action = Action(rawValue: kebab) else { return nil }
        self = action
    }

    /// What the action does, for the help overlay.
    public var summary: String {
        switch self {
        case .up: return "select previous task"
        case .down: return "select next task"
        case .prevPane: return "previous pane"
        case .nextPane: return "next pane"
        case .pane1: return "go to Completed"
        case .pane2: return "go to In Progress"
        case .pane3: return "go to Pending · High"
        case .pane4: return "go to Pending · Medium"
        case .pane5: return "go to Pending · Low"
        case .first: return "first task"
        case .last: return "last task"
        case .pageUp: return "page up"
        case .pageDown: return "page down"
        case .toggle: return "toggle done"
        case .verify: return "verify (confirm completed)"
        case .complete: return "complete (to Completed · Verify)"
        case .start: return "start (to In Progress)"
        case .movePrev: return "move task to previous pane"
        case .moveNext: return "move task to next pane"
        case .reorderDown: return "move task down"
        case .reorderUp: return "move task up"
        case .priorityUp: return "raise priority"
        case .priorityDown: return "lower priority"
        case .critical: return "mark or unmark CRITICAL"
        case .add: return "add a task"
        case .edit: return "edit title"
        case .delete: return "delete task (asks y/n)"
        case .undo: return "undo"
        case .redo: return "redo"
        case .filter: return "filter: titles, critical, verify, conflict"
        case .nextMatch: return "next match of the filter"
        case .prevMatch: return "previous match of the filter"
        case .sync: return "sync now"
        case .review: return "weekly review"
        case .details: return "show/hide details"
        case .zoom: return "zoom: only this pane"
        case .help: return "this help"
        case .quit: return "quit"
        case .open: return "resolve conflict"
        case .switchOwner: return "switch owner"
        case .allOwners: return "every owner's tasks (read-only)"
        case .openOwnerDoc: return "open task in $EDITOR (owner doc)"
        case .openTodo: return "open task in $EDITOR (TODO.md)"
        }
    }
}

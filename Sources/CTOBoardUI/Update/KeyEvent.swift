/// A key press (or a terminal resize) as the board sees it, independent of ncurses.
public enum KeyEvent: Hashable, Sendable {
    /// A printable character (a grapheme cluster), including " ".
    case char(Character)
    /// A control key: `.ctrl("r")` is Ctrl-R (lowercase letter).
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case tab, backTab
    case enter, escape, backspace, delete, insert
    /// A function key F1–F12.
    case function(Int)
    /// The terminal was resized.
    case resize
    /// A mouse click, release or wheel step (see ``InputDecoder/decodeMouse(_:)``).
    case mouse(MouseEvent)

    /// Parses a key name as used in key-binding files: a single character (`"x"`, `"J"`, `"?"`),
    /// `space`, `ctrl-x`, `up`, `down`, `left`, `right`, `pgup`/`pageup`, `pgdn`/`pagedown`,
    /// `home`, `end`, `tab`, `shift-tab`/`backtab`, `enter`/`return`, `esc`/`escape`,
    /// `backspace`, `delete`/`del`, `insert`, `f1`…`f12`. Case matters only for single characters.
    public init?(name: String) {
        if name.count == 1, let character = name.first {
            if character == "\t" { self = .tab; return }
            self = .char(character)
            return
        }
        let lower = name.lowercased()
        switch lower {
        case "space": self = .char(" ")
        case "up", "↑": self = .up
        case "down", "↓": self = .down
        case "left", "←": self = .left
        case "right", "→": self = .right
        case "pgup", "pageup", "page-up", "page_up": self = .pageUp
        case "pgdn", "pgdown", "pagedown", "page-down", "page_down": self = .pageDown
        case "home": self = .home
        case "end": self = .end
        case "tab": self = .tab
        case "shift-tab", "backtab", "s-tab", "shift+tab": self = .backTab
        case "enter", "return": self = .enter
        case "esc", "escape": self = .escape
        case "backspace", "bs": self = .backspace
        case "delete", "del": self = .delete
        case "insert", "ins": self = .insert
        case "plus": self = .char("+")
        case "minus": self = .char("-")
        default:
            for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) {
                let rest = lower.dropFirst(prefix.count)
                if rest.count == 1, let c = rest.first, c.isLetter, c.isASCII {
                    self = .ctrl(c)
                    return
                }
                return nil
            }
            if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) {
                self = .function(n)
                return
            }
            return nil
        }
    }

    /// A short human name, as the help overlay and footer show it (e.g. "↑", "Ctrl-r", "Space").
    public var displayName: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-\(c)"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .insert: return "Insert"
        case .function(let n): return "F\(n)"
        case .resize: return "resize"
        case .mouse: return "mouse"
        }
    }
}

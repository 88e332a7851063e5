/// Maps raw input from curses' `get_wch` (a status and a code) to a ``KeyEvent``. Pure, so it is
/// testable without a terminal; the terminal backend fills ``KeyCodes`` from the real curses
/// constants.
public struct InputDecoder: Sendable {
    /// The curses function-key codes (`KEY_UP`, ...). ``standard`` holds ncurses' values.
    public struct KeyCodes: Hashable, Sendable {
        public var up: Int32, down: Int32, left: Int32, right: Int32
        public var home: Int32, end: Int32, pageUp: Int32, pageDown: Int32
        public var backspace: Int32, delete: Int32, insert: Int32, enter: Int32, backTab: Int32
        public var shiftLeft: Int32, shiftRight: Int32
        public var resize: Int32
        /// `KEY_F(1)`; F2… follow.
        public var f1: Int32

        /// Creates key codes.
        public init(up: Int32, down: Int32, left: Int32, right: Int32, home: Int32, end: Int32,
                    pageUp: Int32, pageDown: Int32, backspace: Int32, delete: Int32, insert: Int32,
                    enter: Int32, backTab: Int32, shiftLeft: Int32, shiftRight: Int32, resize: Int32, f1: Int32) {
            self.up = up; self.down = down; self.left = left; self.right = right
            self.home = home; self.end = end; self.pageUp = pageUp; self.pageDown = pageDown
            self.backspace = backspace; self.delete = delete; self.insert = insert; self.enter = enter
            self.backTab = backTab; self.shiftLeft = shiftLeft; self.shiftRight = shiftRight
            self.resize = resize; self.f1 = f1
        }

        /// ncurses' values (curses.h, octal): KEY_DOWN 0402, KEY_UP 0403, ...
        public static let standard = KeyCodes(
            up: 0o403, down: 0o402, left: 0o404, right: 0o405, home: 0o406, end: 0o550,
            pageUp: 0o523, pageDown: 0o522, backspace: 0o407, delete: 0o512, insert: 0o513,
            enter: 0o527, backTab: 0o541, shiftLeft: 0o611, shiftRight: 0o622, resize: 0o632, f1: 0o411)
    }

    /// What `get_wch` returned.
    public enum Status: Sendable {
        /// `OK`: `code` is a character (a Unicode scalar value).
        case character
        /// `KEY_CODE_YES`: `code` is a function-key code.
        case functionKey
    }

    /// The key codes in use.
    public var codes: KeyCodes

    /// Creates a decoder.
    public init(codes: KeyCodes = .standard) { self.codes = codes }

    /// Decodes one `get_wch` result. Returns nil for codes the board does not use.
    public func decode(status: Status, code: UInt32) -> KeyEvent? {
        switch status {
        case .functionKey:
            return decodeFunctionKey(Int32(bitPattern: code))
        case .character:
            switch code {
            case 0x09: return .tab
            case 0x0A, 0x0D: return .enter
            case 0x1B: return .escape
            case 0x7F, 0x08: return .backspace
            case 0x00: return .ctrl(" ") // Ctrl-Space / Ctrl-@
            case 0x01...0x1A:
                let letter = Character(Unicode.Scalar(UInt8(0x60 + code)))
                return .ctrl(letter)
            case 0x1C...0x1F: return nil
            default:
                guard let scalar = Unicode.Scalar(code), code >= 0x20, !(0x80..<0xA0).contains(code) else { return nil }
                return .char(Character(scalar))
            }
        }
    }

    private func decodeFunctionKey(_ code: Int32) -> KeyEvent? {
        let c = codes
        switch code {
        case c.up: return .up
        case c.down: return .down
        case c.left, c.shiftLeft: return .left
        case c.right, c.shiftRight: return .right
        case c.home: return .home
        case c.end: return .end
        case c.pageUp: return .pageUp
        case c.pageDown: return .pageDown
        case c.backspace: return .backspace
        case c.delete: return .delete
        case c.insert: return .insert
        case c.enter: return .enter
        case c.backTab: return .backTab
        case c.resize: return .resize
        default:
            if code >= c.f1, code < c.f1 + 12 { return .function(Int(code - c.f1) + 1) }
            return nil
        }
    }
}

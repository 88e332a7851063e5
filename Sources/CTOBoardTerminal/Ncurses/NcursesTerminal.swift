import CNcurses
import CTOBoardUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// True while curses owns the terminal; read by the signal handlers.
nonisolated(unsafe) private var cursesActive = false
/// True while the terminal reports the mouse; read by the signal handlers.
nonisolated(unsafe) private var mouseReporting = false

/// Writes escape sequences straight to the terminal (async-signal-safe).
private func writeRaw(_ text: StaticString) {
    _ = write(STDOUT_FILENO, text.utf8Start, text.utf8CodeUnitCount)
}

/// Turns mouse reporting off, if it is on.
private func mouseReportingOff() {
    if mouseReporting {
        mouseReporting = false
        writeRaw("\u{1B}[?1006l\u{1B}[?1000l")
    }
}

/// Restores the terminal and exits; installed for SIGINT, SIGTERM and SIGHUP.
private func restoreAndExit(_ signalNumber: Int32) {
    mouseReportingOff()
    if cursesActive {
        cursesActive = false
        endwin()
    }
    _exit(128 + signalNumber)
}

/// The ncurses terminal backend: the only code that talks to curses.
///
/// ```swift
/// let terminal = try NcursesTerminal()
/// defer { terminal.restore() }
/// terminal.draw(BoardView.render(state, width: terminal.size.width, height: terminal.size.height, theme: theme))
/// if let key = terminal.readKey(timeoutMs: 250) { ... }
/// ```
/// Raw mode: Ctrl-C arrives as the key `.ctrl("c")` (bound to quit). `KEY_RESIZE` arrives as
/// ``KeyEvent/resize``; no SIGWINCH handler is installed. Not thread-safe: use from one thread.
public final class NcursesTerminal: Terminal {
    private var isOpen = false
    private var pairs: [PairKey: Int16] = [:]
    private var nextPair: Int32 = 1
    private var previous: ScreenBuffer?
    private let decoder: InputDecoder
    private let colorCount: Int
    private let pairLimit: Int
    private let attrBold: attr_t
    private let attrReverse: attr_t
    private let attrUnderline: attr_t
    private let attrDim: attr_t
    /// Whether the board asked for mouse reports.
    private let mouse: Bool
    /// The key code curses returns for ``InputDecoder/sgrMousePrefix`` (any code no key uses).
    private static let sgrMouseCode: Int32 = 0x7E00

    /// Whether the terminal can show colors (false means: use ``Theme/mono``).
    public let hasColors: Bool

    private struct PairKey: Hashable {
        var fg: Int16
        var bg: Int16
    }

    /// Takes over the terminal: locale, curses screen, raw mode, no echo, keypad, hidden cursor,
    /// default colors, a 25 ms Escape delay, and signal handlers that restore the terminal.
    /// With `mouse`, the terminal reports clicks and the wheel (SGR 1006 encoding) while the
    /// board runs; reporting is turned off while an editor runs and on exit.
    /// - Throws: ``TerminalError/notATerminal(stream:)`` when stdin or stdout is not a tty,
    ///   ``TerminalError/initializationFailed(_:)`` when curses cannot start.
    public init(mouse: Bool = true) throws {
        guard isatty(STDIN_FILENO) == 1 else { throw TerminalError.notATerminal(stream: "stdin") }
        guard isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal(stream: "stdout") }
        ctob_setlocale_all()
        guard ctob_newterm() != nil else {
            let term = getenv("TERM").map { String(cString: $0) } ?? ""
            throw TerminalError.initializationFailed("unknown terminal type (TERM=\(term))")
        }
        isOpen = true
        cursesActive = true
        raw()
        noecho()
        nonl()
        _ = ctob_keypad_on()
        _ = set_escdelay(25)
        _ = ctob_curs_set(0)
        _ = ctob_leaveok_on()
        var colors = false
        if has_colors() {
            if start_color() == ctob_ok() {
                _ = use_default_colors()
                colors = true
            }
        }
        hasColors = colors
        colorCount = colors ? Int(ctob_colors()) : 0
        pairLimit = colors ? Int(ctob_color_pairs()) : 0
        attrBold = ctob_a_bold()
        attrReverse = ctob_a_reverse()
        attrUnderline = ctob_a_underline()
        attrDim = ctob_a_dim()
        decoder = InputDecoder(codes: .init(
            up: ctob_key_up(), down: ctob_key_down(), left: ctob_key_left(), right: ctob_key_right(),
            home: ctob_key_home(), end: ctob_key_end(), pageUp: ctob_key_ppage(), pageDown: ctob_key_npage(),
            backspace: ctob_key_backspace(), delete: ctob_key_dc(), insert: ctob_key_ic(), enter: ctob_key_enter(),
            backTab: ctob_key_btab(), shiftLeft: ctob_key_sleft(), shiftRight: ctob_key_sright(),
            resize: ctob_key_resize(), f1: ctob_key_f(1)))
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { restoreAndExit($0) }
        }
        self.mouse = mouse
        if mouse {
            // Replaces a terminfo `kmous` of "\e[<": the board decodes the reports itself.
            _ = define_key(InputDecoder.sgrMousePrefix, Self.sgrMouseCode)
            mouseReportingOn()
        }
    }

    private func mouseReportingOn() {
        guard mouse, !mouseReporting else { return }
        mouseReporting = true
        writeRaw("\u{1B}[?1000h\u{1B}[?1006h")
    }

    /// Reads the rest of a mouse report: SGR `b;x;yM` (after ``InputDecoder/sgrMousePrefix``),
    /// or the three bytes of an X10 report (after curses' `KEY_MOUSE`, "\e[M"), which are
    /// dropped so that they are not taken for keys.
    private func readMouseReport(sgr: Bool) -> KeyEvent? {
        var report = ""
        ctob_timeout(50)
        for _ in 0..<(sgr ? 16 : 3) {
            var code: wint_t = 0
            guard ctob_get_wch(&code) == ctob_ok(), let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
            report.unicodeScalars.append(scalar)
            if sgr, scalar == "M" || scalar == "m" { return InputDecoder.decodeMouse(report) }
        }
        return nil
    }

    deinit { restore() }

    /// The terminal size in cells.
    public var size: (width: Int, height: Int) {
        guard isOpen else { return (0, 0) }
        return (Int(ctob_maxx()), Int(ctob_maxy()))
    }

    /// Copies a buffer to the screen. Only rows that changed since the last draw are sent to
    /// curses (which then sends only the differences to the terminal); a size change repaints
    /// everything.
    public func draw(_ buffer: ScreenBuffer) {
        guard isOpen else { return }
        let (width, height) = size
        if let previous, previous.width != buffer.width || previous.height != buffer.height {
            self.previous = nil
            wclear(ctob_stdscr())
        }
        let old = previous
        let w = min(width, buffer.width), h = min(height, buffer.height)
        var scalars: [wchar_t] = []
        scalars.reserveCapacity(8)
        for y in 0..<h {
            // Rows are compared as a whole and redrawn as a whole: redrawing single cells next to
            // wide characters can leave stale halves on screen.
            if let old, (0..<w).allSatisfy({ old[$0, y] == buffer[$0, y] }) { continue }
            for x in 0..<w {
                let cell = buffer[x, y]
                if cell.isContinuation { continue }
                // A wide character that would spill over the right edge is drawn as a blank.
                let text = (cell.width == 2 && x + 1 >= width) ? " " : cell.text
                let (attrs, pair) = attributes(for: cell.style)
                if let letters = NcursesTerminal.flagLetters(text) {
                    // A flag curses cannot store in one cell: its country code, one letter per cell.
                    for (offset, letter) in letters.enumerated() {
                        var one: [wchar_t] = [letter]
                        _ = ctob_put_cluster(Int32(y), Int32(x + offset), &one, 1, attrs, pair)
                    }
                    continue
                }
                scalars.removeAll(keepingCapacity: true)
                NcursesTerminal.cursesScalars(for: text, into: &scalars)
                _ = scalars.withUnsafeBufferPointer { pointer in
                    ctob_put_cluster(Int32(y), Int32(x), pointer.baseAddress, Int32(pointer.count), attrs, pair)
                }
            }
        }
        wrefresh(ctob_stdscr())
        previous = buffer
    }

    /// The country code of a flag cluster ("🇫🇷" → "FR"), or nil for other clusters.
    static func flagLetters(_ text: String) -> [wchar_t]? {
        guard text.utf8.count >= 8, let first = text.unicodeScalars.first, (0x1F1E6...0x1F1FF).contains(first.value) else { return nil }
        let regional = text.unicodeScalars.filter { (0x1F1E6...0x1F1FF).contains($0.value) }
        guard regional.count >= 2 else { return nil }
        return regional.prefix(2).map { wchar_t(0x41 + $0.value - 0x1F1E6) }
    }

    /// The scalars curses can store for one cell. A `cchar_t` holds one spacing character followed
    /// by non-spacing ones, so clusters made of several spacing scalars are simplified, keeping the
    /// cell width the board computed: a ZWJ sequence keeps its first emoji, and extra spacing
    /// scalars (such as skin-tone modifiers) are dropped. Flags are handled by ``flagLetters(_:)``.
    static func cursesScalars(for text: String, into scalars: inout [wchar_t]) {
        let view = text.unicodeScalars
        if let first = view.first, view.index(after: view.startIndex) == view.endIndex {
            scalars.append(wchar_t(bitPattern: first.value))
            return
        }
        let all = Array(view)
        let limit = Int(ctob_ccharw_max())
        for (index, scalar) in all.enumerated() {
            if scalar.value == 0x200D { break }                       // stop at the first ZWJ
            if index > 0 && DisplayWidth.scalarWidth(scalar) > 0 { continue }
            if scalars.count >= limit { break }
            scalars.append(wchar_t(bitPattern: scalar.value))
        }
        if scalars.isEmpty { scalars.append(0x20) }
    }

    /// Forces the next ``draw(_:)`` to repaint every cell (e.g. after another program used the screen).
    public func invalidate() {
        previous = nil
        if isOpen { wclear(ctob_stdscr()) }
    }

    /// Waits up to `timeoutMs` milliseconds for a key (negative waits forever).
    /// - Returns: the key, ``KeyEvent/resize`` after a terminal resize, or nil on timeout or for
    ///   keys the board does not use.
    public func readKey(timeoutMs: Int) -> KeyEvent? {
        guard isOpen else { return nil }
        ctob_timeout(Int32(clamping: timeoutMs))
        var code: wint_t = 0
        let status = ctob_get_wch(&code)
        if status == ctob_key_code_yes() {
            if Int32(bitPattern: code) == Self.sgrMouseCode { return readMouseReport(sgr: true) }
            if Int32(bitPattern: code) == ctob_key_mouse() { return readMouseReport(sgr: false) }
            let event = decoder.decode(status: .functionKey, code: UInt32(code))
            if event == .resize { invalidate() }
            return event
        }
        if status == ctob_ok() {
            return decoder.decode(status: .character, code: UInt32(code))
        }
        return nil
    }

    /// Leaves curses temporarily (e.g. to run `$EDITOR`), then takes the screen back.
    public func suspend<T>(_ body: () throws -> T) rethrows -> T {
        guard isOpen else { return try body() }
        def_prog_mode()
        mouseReportingOff()
        endwin()
        cursesActive = false
        defer {
            reset_prog_mode()
            mouseReportingOn()
            cursesActive = true
            invalidate()
            wrefresh(ctob_stdscr())
        }
        return try body()
    }

    /// Gives the terminal back (endwin). Safe to call more than once; also runs on deinit.
    public func restore() {
        guard isOpen else { return }
        isOpen = false
        cursesActive = false
        mouseReportingOff()
        endwin()
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_DFL)
        }
    }

    // MARK: Styles

    private func attributes(for style: Style) -> (attr_t, Int32) {
        var attrs: attr_t = 0
        if style.attributes.contains(.bold) { attrs |= attrBold }
        if style.attributes.contains(.reverse) { attrs |= attrReverse }
        if style.attributes.contains(.underline) { attrs |= attrUnderline }
        if style.attributes.contains(.dim) { attrs |= attrDim }
        guard hasColors else { return (attrs, 0) }
        let key = PairKey(fg: colorNumber(style.fg), bg: colorNumber(style.bg))
        if key.fg == -1 && key.bg == -1 { return (attrs, 0) }
        if let pair = pairs[key] { return (attrs, Int32(pair)) }
        guard Int(nextPair) < pairLimit, nextPair <= Int32(Int16.max) else { return (attrs, 0) }
        let pair = Int16(nextPair)
        nextPair += 1
        init_pair(pair, key.fg, key.bg)
        pairs[key] = pair
        return (attrs, Int32(pair))
    }

    private func colorNumber(_ color: TermColor) -> Int16 {
        switch color {
        case .default: return -1
        case .indexed(let index):
            let i = Int(index)
            if i < colorCount { return Int16(i) }
            // Fewer colors than asked: bright variants fall back to the base colors.
            return Int16(i < 16 ? i % 8 : 7)
        }
    }
}

/// How a cell is drawn: foreground and background colors plus text attributes.
public struct Style: Hashable, Sendable {
    /// Text attributes that can be combined.
    public struct Attributes: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// Bold (or bright) text.
        public static let bold = Attributes(rawValue: 1 << 0)
        /// Swapped foreground and background.
        public static let reverse = Attributes(rawValue: 1 << 1)
        /// Underlined text.
        public static let underline = Attributes(rawValue: 1 << 2)
        /// Dim (half-bright) text.
        public static let dim = Attributes(rawValue: 1 << 3)
    }

    /// Foreground color.
    public var fg: TermColor
    /// Background color.
    public var bg: TermColor
    /// Text attributes.
    public var attributes: Attributes

    /// Creates a style; every part defaults to the terminal's plain text.
    public init(fg: TermColor = .default, bg: TermColor = .default, attributes: Attributes = []) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }

    /// The terminal's plain text style.
    public static let plain = Style()

    /// This style with extra attributes added.
    public func adding(_ extra: Attributes) -> Style {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }

    /// This style drawn over a background: keeps `bg` when this style has none.
    public func over(_ background: Style) -> Style {
        var copy = self
        if copy.bg == .default { copy.bg = background.bg }
        return copy
    }
}

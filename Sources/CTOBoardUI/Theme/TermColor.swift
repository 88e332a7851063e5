import Foundation

/// A terminal color: the terminal's default, or an index in the 256-color palette
/// (0–7 the basic colors, 8–15 their bright variants).
public enum TermColor: Hashable, Sendable {
    /// The terminal's own foreground or background (ncurses color -1).
    case `default`
    /// A palette index, 0–255.
    case indexed(UInt8)

    /// The color names a theme file accepts, with their palette index.
    public static let names: [String: TermColor] = {
        let base = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        var result: [String: TermColor] = ["default": .default, "none": .default]
        for (index, name) in base.enumerated() {
            result[name] = .indexed(UInt8(index))
            result["bright-" + name] = .indexed(UInt8(index + 8))
            result["bright_" + name] = .indexed(UInt8(index + 8))
            result["bright" + name] = .indexed(UInt8(index + 8))
        }
        result["gray"] = .indexed(8)
        result["grey"] = .indexed(8)
        return result
    }()

    /// Parses a color name (case-insensitive, e.g. `bright-blue`) or a decimal index 0–255.
    public init?(name: String) {
        let key = name.lowercased().trimmingCharacters(in: .whitespaces)
        if let color = TermColor.names[key] {
            self = color
        } else if let index = Int(key), (0...255).contains(index) {
            self = .indexed(UInt8(index))
        } else {
            return nil
        }
    }
}

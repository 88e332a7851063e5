/// Display width of text in terminal cells, computed per grapheme cluster
/// (not with the C library's `wcwidth`, which is out of date for emoji and
/// sums the scalars of a ZWJ sequence).
///
/// Rules, for one grapheme cluster:
/// - control characters (C0, DEL, C1) are 0 wide; a tab is handled by ``width(of:)-swift.type.method``:
///   it advances to the next multiple of ``tabSize`` columns, counted from the start of the string;
/// - a cluster made only of zero-width scalars (combining marks, format characters such as
///   U+200B, variation selectors) is 0 wide;
/// - emoji sequences are 2 wide as a whole: ZWJ sequences (👨‍👩‍👧), flags (a pair of regional
///   indicators), keycaps, skin-tone modified emoji and a base followed by U+FE0F;
/// - an emoji followed by U+FE0E (text presentation) is 1 wide;
/// - a lone regional indicator is 2 wide (it has default emoji presentation);
/// - otherwise the width of the first scalar: 2 for East Asian Wide and Fullwidth characters and for
///   emoji with default emoji presentation, 1 for everything else (East Asian Ambiguous counts as 1).
///   Combining marks after the base add nothing, so "e\u{301}" is 1 wide.
///
/// Mojibake such as "‚úÖ" is measured as what it is: three ordinary scalars, 3 cells.
public enum DisplayWidth {
    /// Tab stops are every `tabSize` columns.
    public static let tabSize = 4

    /// The ellipsis appended by ``truncate(_:toWidth:)``.
    public static let ellipsis = "…"

    /// Display width of one grapheme cluster (0, 1 or 2). A tab counts as ``tabSize``.
    public static func width(of cluster: Character) -> Int {
        let scalars = cluster.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.count == 1 {
            if first.value == 0x09 { return tabSize }
            return scalarWidth(first)
        }
        // "\r\n" is one Character: a control sequence, 0 wide.
        if first.value < 0x20 || first.value == 0x7F { return 0 }
        var hasZWJ = false
        var hasVS16 = false
        var hasVS15 = false
        var hasModifier = false
        var hasKeycap = false
        var regionalCount = 0
        var hasEmoji = false
        for scalar in scalars {
            switch scalar.value {
            case 0x200D: hasZWJ = true
            case 0xFE0F: hasVS16 = true
            case 0xFE0E: hasVS15 = true
            case 0x20E3: hasKeycap = true
            case 0x1F3FB...0x1F3FF: hasModifier = true
            case 0x1F1E6...0x1F1FF: regionalCount += 1
            default:
                if scalar.properties.isEmoji { hasEmoji = true }
            }
        }
        if regionalCount >= 2 { return 2 }
        if hasKeycap { return 2 }
        if hasZWJ && hasEmoji { return 2 }
        if hasModifier { return 2 }
        if hasVS15 {
            // Text presentation: the base is drawn narrow unless it is East Asian wide.
            let base = firstSpacingScalar(scalars) ?? first
            return isEastAsianWide(base.value) && !base.properties.isEmoji ? 2 : min(scalarWidth(base), 1)
        }
        if hasVS16 && hasEmoji { return 2 }
        // Base character plus combining marks: the width of the first non-zero-width scalar.
        if let base = firstSpacingScalar(scalars) { return scalarWidth(base) }
        return 0
    }

    /// Display width of a string: the sum of its clusters, with tabs expanded to the next
    /// multiple of ``tabSize`` counted from the start of the string.
    public static func width<S: StringProtocol>(of string: S) -> Int {
        var total = 0
        for character in string {
            if character == "\t" {
                total += tabSize - total % tabSize
            } else {
                total += width(of: character)
            }
        }
        return total
    }

    /// Cuts `string` at a grapheme-cluster boundary so that it is at most `width` cells wide.
    /// When text was cut, the result ends with "…" (which takes one cell). A string that fits is
    /// returned unchanged.
    public static func truncate(_ string: String, toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        if string.utf8.count <= width && string.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return string
        }
        var used = 0
        var endOfFit = string.startIndex       // end of the longest prefix fitting in width - 1
        var index = string.startIndex
        while index < string.endIndex {
            let character = string[index]
            let w = character == "\t" ? tabSize - used % tabSize : self.width(of: character)
            if used + w > width {
                return String(string[..<endOfFit]) + ellipsis
            }
            used += w
            index = string.index(after: index)
            if used <= width - 1 { endOfFit = index }
        }
        return string
    }

    /// Width of a single scalar: 0, 1 or 2.
    public static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        if isZeroWidth(scalar) { return 0 }
        if isEastAsianWide(v) { return 2 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    private static func firstSpacingScalar(_ scalars: Character.UnicodeScalarView) -> Unicode.Scalar? {
        scalars.first { scalarWidth($0) > 0 }
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        switch v {
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F, 0xFEFF, 0xFE00...0xFE0F,
             0xE0000...0xE0FFF, 0x1160...0x11FF, 0xD7B0...0xD7FF:
            return true
        default:
            break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return true
        default:
            return false
        }
    }

    /// East Asian Width W or F (Unicode 15 EastAsianWidth.txt, condensed).
    static func isEastAsianWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        for range in wideRanges {
            if v < range.lowerBound { return false }
            if v <= range.upperBound { return true }
        }
        return false
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
        0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
        0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
        0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
        0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
        0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x16FF0...0x16FF1, 0x17000...0x18CD5,
        0x18D00...0x18D08, 0x1AFF0...0x1B2FF, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF,
        0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F202, 0x1F210...0x1F23B,
        0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265, 0x1F300...0x1F320,
        0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA,
        0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E,
        0x1F440...0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E,
        0x1F550...0x1F567, 0x1F57A...0x1F57A, 0x1F595...0x1F596, 0x1F5A4...0x1F5A4,
        0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC, 0x1F6D0...0x1F6D2,
        0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC,
        0x1F7E0...0x1F7EB, 0x1F7F0...0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945,
        0x1F947...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}

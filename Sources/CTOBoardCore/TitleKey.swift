import Foundation

/// The identity of a task across the two documents: its title, normalized.
///
/// Emphasis markers (`*`, `~~`, `_` at word edges) and white-space differences are removed, case is
/// folded and Unicode is put in NFC, so NFC and NFD spellings match. Markers and tags are already
/// gone from ``TaskText/titleBytes``.
public enum TitleKey {
    /// The key of a title given as bytes.
    public static func make(_ title: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(title.count)
        var ascii = true
        var pendingSpace = false
        let n = title.count
        var i = 0
        while i < n {
            let b = title[i]
            if b == 0x2A { i += 1; continue }                         // *
            if b == 0x7E, i + 1 < n, title[i + 1] == 0x7E { i += 2; continue } // ~~
            if b == 0x5F {                                          // _ at a word edge
                let before = i == 0 || ByteSearch.isSpace(title[i - 1]) || title[i - 1] == 0x5F
                let after = i + 1 == n || ByteSearch.isSpace(title[i + 1]) || title[i + 1] == 0x5F
                if before || after { i += 1; continue }
            }
            if ByteSearch.isSpace(b) || b == 0x0D || b == 0x0A {
                pendingSpace = !out.isEmpty
                i += 1
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            if b >= 0x80 { ascii = false }
            out.append(ByteSearch.lower(b))
            i += 1
        }
        // Trailing punctuation left over by marker removal ("Title:" vs "Title") does not count.
        while let last = out.last, last == 0x3A || last == 0x20 { out.removeLast() }
        let s = String(decoding: out, as: UTF8.self)
        if ascii || !needsUnicodeFolding(out) { return s }
        return s.lowercased().precomposedStringWithCanonicalMapping
    }

    /// Whether UTF-8 text may hold cased letters beyond ASCII or characters that NFC changes.
    ///
    /// Cased scripts (Latin, Greek, Cyrillic, ...) and combining marks are all in two-byte
    /// sequences, Latin Extended Additional, Greek Extended and the letterlike, Roman numeral,
    /// circled and fullwidth forms in a few three-byte blocks. CJK, kana and emoji are caseless
    /// and already composed, so titles made of them and ASCII skip the costly Unicode path.
    static func needsUnicodeFolding(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            if b < 0xE0 { return true }                       // two-byte: Latin-1 .. combining marks
            if b == 0xE1 || b == 0xE2 { return true }         // Jamo, Latin Ext. Additional, letterlike
            if b == 0xE3, i + 1 < n, bytes[i + 1] == 0x82 { return true } // kana voicing marks
            if b == 0xEA || b == 0xED { return true }         // Latin Ext. D, Hangul syllables/Jamo
            if b == 0xEF, i + 1 < n, bytes[i + 1] >= 0xAC { return true } // presentation forms, fullwidth
            if b == 0xF0, i + 1 < n, bytes[i + 1] == 0x90 { return true } // Deseret and other cased scripts
            i += b >= 0xF0 ? 4 : 3
        }
        return false
    }

    /// A short stable id: six hex digits of a 64-bit FNV-1a hash of the key's UTF-8.
    public static func shortID(_ key: String) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        for b in key.utf8 {
            hash ^= UInt64(b)
            hash &*= 0x100000001b3
        }
        let hex = String(hash >> 40, radix: 16)
        return String(repeating: "0", count: max(0, 6 - hex.count)) + hex
    }
}

import Testing
import PropertyBased
@testable import CTOBoardCore

/// The word-at-a-time fast paths of title stripping and normalization give exactly the bytes of
/// the byte-at-a-time loops they shortcut (kept here as the reference).
@Suite("WordBytes: word-at-a-time title fast paths")
struct WordBytesTests {
    /// Pieces titles are made of: plain words, single and double spaces, tabs, line ends,
    /// emphasis, underscores, capitals, Latin-1, other scripts, invalid bytes, tags and markers.
    private static let pieces: [String] = [
        "Deploy", "the", "API", "gateway", " ", " ", " ", "  ", "\t", "\r", "\n", "*", "**bold**",
        "~", "~~gone~~", "_", "_under_", "snake_case", "ABCDEFGHIJ", "MiXeD", "Café", "ÀÉÎ", "ß",
        "×", "数据库", "🚀", "Ωmega", "e\u{0301}", ":", "::", "(x)", "#42", "[Owner: CTO]",
        "[Status: Done]", "(needs verification)", "**VERIFY**:", "(CRITICAL)", "(verified 2026-01-01)",
        "`code`", "x", "0123456789", "a-b/c.d", "\u{7F}", "\u{01}",
    ]

    private static let title = Gen.int(in: 0...(pieces.count - 1)).array(of: 0...24)
        .map { picks in Array(picks.map { pieces[$0] }.joined().utf8) }

    private static let bytes = Gen.int(in: 0...255).map { UInt8($0) }.array(of: 0...40)

    @Test func titleKeysMatchTheByteLoop() async {
        await propertyCheck(count: 3000, input: Self.title) { title in
            #expect(TitleKey.make(title) == referenceKey(title))
        }
        await propertyCheck(count: 2000, input: Self.bytes) { title in
            #expect(TitleKey.make(title) == referenceKey(title))
        }
    }

    @Test func strippedTitlesMatchTheByteLoop() async {
        await propertyCheck(count: 3000, input: Self.title) { text in
            let parsed = TaskText(text)
            #expect(parsed.titleBytes == referenceStripped(text, ranges: parsed.markerRanges))
        }
    }

    @Test func wordTestsAreExactPerByte() {
        for b in 0...255 {
            for at in 0..<8 {
                let word = (UInt64(0x41) &* 0x0101_0101_0101_0101) & ~(UInt64(0xFF) << (8 * at)) | UInt64(b) << (8 * at)
                #expect((WordBytes.equal(word, 0x20) != 0) == (b == 0x20))
                #expect(WordBytes.isPrintableASCII(word) == (b >= 0x20 && b < 0x80))
                if b < 0x80 {
                    let lowered = WordBytes.lowercasedASCII(word)
                    #expect(UInt8(truncatingIfNeeded: lowered >> (8 * at)) == ByteSearch.lower(UInt8(b)))
                }
            }
        }
    }
}

/// The key's bytes as the byte-at-a-time loop made them (before the word fast path).
private func referenceKey(_ title: [UInt8]) -> String {
    var ascii = true
    var out: [UInt8] = []
    var pendingSpace = false
    let n = title.count
    var i = 0
    while i < n {
        let b = title[i]
        if b == 0x2A { i += 1; continue }
        if b == 0x7E, i + 1 < n, title[i + 1] == 0x7E { i += 2; continue }
        if b == 0x5F {
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
        if b >= 0x80 {
            ascii = false
            if b == 0xC3, i + 1 < n, title[i + 1] >= 0x80, title[i + 1] <= 0x9E, title[i + 1] != 0x97 {
                out.append(0xC3)
                out.append(title[i + 1] + 0x20)
                i += 2
                continue
            }
        }
        out.append(ByteSearch.lower(b))
        i += 1
    }
    while let last = out.last, last == 0x3A || last == 0x20 { out.removeLast() }
    let s = String(decoding: out, as: UTF8.self)
    if ascii || !TitleKey.needsUnicodeFolding(Array(s.utf8)) { return s }
    return s.lowercased().precomposedStringWithCanonicalMapping
}

/// The text without `ranges`, white space collapsed and trimmed, one byte at a time.
private func referenceStripped(_ text: [UInt8], ranges: [Range<Int>]) -> [UInt8] {
    var out: [UInt8] = []
    var pendingSpace = false
    var i = 0
    while i < text.count {
        if let r = ranges.first(where: { $0.contains(i) }) {
            i = r.upperBound
            pendingSpace = !out.isEmpty
            continue
        }
        let b = text[i]
        if ByteSearch.isSpace(b) {
            pendingSpace = !out.isEmpty
        } else {
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(b)
        }
        i += 1
    }
    return out
}

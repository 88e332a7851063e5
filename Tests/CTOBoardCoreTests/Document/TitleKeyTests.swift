import Foundation
import Testing
import PropertyBased
@testable import CTOBoardCore

@Suite("TitleKey: normalized identity and short ids")
struct TitleKeyTests {
    private func key(_ s: String) -> String { TitleKey.make(utf8(s)) }
    /// The key's UTF-8: Swift's `String ==` treats canonically equivalent strings as equal, but
    /// ids hash the bytes, so keys must be byte-identical.
    private func keyBytes(_ s: String) -> [UInt8] { Array(key(s).utf8) }
    private func taskKey(_ s: String) -> String { TitleKey.make(TaskText(utf8(s)).titleBytes) }

    @Test func nfcAndNfdMatch() {
        let nfc = "Caf\u{00E9} menu review"
        let nfd = "Cafe\u{0301} menu review"
        #expect(utf8(nfc) != utf8(nfd))
        #expect(keyBytes(nfc) == keyBytes(nfd))
        #expect(key(nfc) == "caf\u{00E9} menu review")
        #expect(Array(key(nfd).utf8) == Array("caf\u{00E9} menu review".utf8))
    }

    @Test func nfdUppercaseMatchesNfcLowercase() {
        #expect(keyBytes("E\u{0301}COLE") == keyBytes("\u{00E9}cole"))
    }

    /// NFC and NFD spellings match in every script, not only Latin.
    @Test(arguments: [
        ("\u{0929}", "\u{0928}\u{093C}"),                 // Devanagari NNNA
        ("\u{09CB}", "\u{09C7}\u{09BE}"),                 // Bengali vowel sign O
        ("\u{0BCA}", "\u{0BC6}\u{0BBE}"),                 // Tamil vowel sign O
        ("\u{0D4A}", "\u{0D46}\u{0D3E}"),                 // Malayalam vowel sign O
        ("\u{AC00}", "\u{1100}\u{1161}"),                 // Hangul GA
        ("\u{304C}", "\u{304B}\u{3099}"),                 // Hiragana GA
        ("\u{1E69}", "s\u{0323}\u{0307}"),                // Latin s with dots
        ("\u{8C48}", "\u{F900}"),                          // CJK compatibility ideograph
        ("\u{2126}", "\u{03A9}"),                          // Ohm sign
        ("\u{1D157}\u{1D165}", "\u{1D15E}"),              // musical half note
    ])
    func nfcAndNfdMatchInEveryScript(_ composed: String, _ decomposed: String) {
        #expect(keyBytes("Review " + composed + " docs") == keyBytes("Review " + decomposed + " docs"))
        #expect(TitleKey.shortID(key("Review " + composed)) == TitleKey.shortID(key("Review " + decomposed)))
    }

    /// Cased letters outside Latin fold too.
    @Test(arguments: [
        ("\u{1E900}", "\u{1E922}"),          // Adlam
        ("\u{118A0}", "\u{118C0}"),          // Warang Citi
        ("\u{10400}", "\u{10428}"),          // Deseret
        ("\u{FF21}", "\u{FF41}"),            // fullwidth A
        ("\u{0394}", "\u{03B4}"),            // Greek delta
        ("\u{0416}", "\u{0436}"),            // Cyrillic zhe
    ])
    func caseIsFoldedInEveryScript(_ upper: String, _ lower: String) {
        #expect(keyBytes("Plan " + upper) == keyBytes("plan " + lower))
    }

    /// The key equals the plain Unicode definition: lowercased, then NFC.
    @Test func keyMatchesUnicodeDefinition() async {
        let scalars: [Unicode.Scalar] = [
            "a", "Z", "\u{00C9}", "\u{0301}", "\u{0323}", "\u{0928}", "\u{093C}", "\u{09C7}", "\u{09BE}",
            "\u{1100}", "\u{1161}", "\u{11A8}", "\u{AC00}", "\u{304B}", "\u{3099}", "\u{4E00}", "\u{F900}",
            "\u{FF21}", "\u{1F600}", "\u{1E900}", "\u{10400}", "\u{0391}", "\u{0416}", "\u{212B}", "\u{1D15E}",
        ]
        let gen = Gen.int(in: 0...(scalars.count - 1)).map { scalars[$0] }.array(of: 1...8)
        await propertyCheck(count: 500, input: gen) { chosen in
            var s = String.UnicodeScalarView()
            s.append(contentsOf: chosen)
            let text = "x" + String(s) + "y"
            let expected = text.lowercased().precomposedStringWithCanonicalMapping
            #expect(keyBytes(text) == Array(expected.utf8))
            // The NFC spelling through NFD first: Foundation on Linux does not compose a Hangul LV
            // syllable with a following T jamo (U+AC00 U+11A8 stays two scalars).
            let nfd = text.decomposedStringWithCanonicalMapping
            #expect(keyBytes(nfd) == keyBytes(nfd.precomposedStringWithCanonicalMapping))
        }
    }

    @Test func caseIsFolded() {
        #expect(key("Deploy API Gateway") == key("deploy api gateway"))
        #expect(key("ÜBER Straße") == key("über straße"))
    }

    @Test func emphasisIsIgnored() {
        let plain = key("Deploy the API now")
        #expect(key("**Deploy** the API now") == plain)
        #expect(key("*Deploy* the _API_ now") == plain)
        #expect(key("Deploy the ~~API~~ now") == plain)
        #expect(key("__Deploy__ the API now") == plain)
    }

    @Test func underscoresInsideWordsAreKept() {
        #expect(key("Rename user_id column") == "rename user_id column")
        #expect(key("Rename user_id column") != key("Rename userid column"))
    }

    @Test func whiteSpaceIsCollapsed() {
        #expect(key("  Deploy \t the   API  ") == key("Deploy the API"))
        #expect(key("Deploy the API") == "deploy the api")
    }

    @Test func trailingColonIsIgnored() {
        #expect(key("Deploy the API:") == key("Deploy the API"))
    }

    @Test func markersAndTagsDoNotCount() {
        let base = taskKey("Netlify deployment setup")
        #expect(taskKey("**VERIFY**: Netlify deployment setup (needs verification) [Owner: CTO]") == base)
        #expect(taskKey("Netlify deployment setup [Status: Completed] [Priority: High]") == base)
        #expect(taskKey("**CRITICAL**: Netlify deployment setup") == base)
        #expect(taskKey("Netlify deployment setup (CRITICAL)") == base)
        #expect(taskKey("Netlify deployment setup (verified 2026-01-02)") == base)
        #expect(taskKey("**Netlify** deployment  setup [Owner: cto]") == base)
    }

    @Test func differentTitlesDiffer() {
        #expect(key("Deploy the API") != key("Deploy the APIs"))
        #expect(key("Review `[Owner: CTO]` tasks") != key("Review tasks"))
    }

    @Test func shortIDKnownValues() {
        // 64-bit FNV-1a: offset basis for "", 0xaf63dc4c8601ec8c for "a"; the top 24 bits.
        #expect(TitleKey.shortID("") == "cbf29c")
        #expect(TitleKey.shortID("a") == "af63dc")
    }

    @Test func shortIDIsStableAcrossSpellings() {
        let id = TitleKey.shortID(key("Caf\u{00E9} **menu**"))
        #expect(id == TitleKey.shortID(key("CAFE\u{0301}  menu")))
        #expect(id != TitleKey.shortID(key("Caf\u{00E9} menus")))
    }

    @Test func shortIDIsSixLowercaseHexDigits() async {
        await propertyCheck(count: 300, input: Gen.letterOrNumber.string(of: 0...24)) { s in
            let id = TitleKey.shortID(s)
            #expect(id.count == 6)
            #expect(id.allSatisfy { $0.isHexDigit && !$0.isUppercase })
            #expect(TitleKey.shortID(s) == id)
        }
    }

    /// Every scalar that the fast path lets through unfolded is one that lowercasing and NFC leave
    /// alone wherever it stands: not cased, already composed, not combining, and never the
    /// second half of a canonical decomposition (which NFC could compose onto what precedes).
    @Test func foldingFreeScalarsNeedNoFolding() {
        var seconds = Set<UInt32>()
        for v in UInt32(0x80)...0x2FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            let parts = Array(String(Character(u)).decomposedStringWithCanonicalMapping.unicodeScalars)
            for x in parts.dropFirst() { seconds.insert(x.value) }
        }
        var wrong: [String] = []
        var checked = 0
        for v in UInt32(0x80)...0x10FFFF where TitleKey.isFoldingFree(v) {
            guard let u = Unicode.Scalar(v) else { continue }
            checked += 1
            let s = String(Character(u))
            let stays = Array(s.lowercased().unicodeScalars) == [u]
                && Array(s.precomposedStringWithCanonicalMapping.unicodeScalars) == [u]
                && u.properties.canonicalCombiningClass == .notReordered
                && !seconds.contains(v)
            if !stays { wrong.append(String(v, radix: 16, uppercase: true)) }
        }
        #expect(checked > 100_000)
        #expect(wrong.isEmpty, "scalars that need folding: \(wrong.prefix(40))")
    }

    /// Titles of folding-free scalars get the same key from the fast path as from the full
    /// Unicode path.
    @Test(arguments: [
        "Release checklist — follow-up from the Q3 review", "“Quoted” title… • bullet → next",
        "数据库备份策略审核", "日本語ローカライズのレビュー ガ", "한국어 번역 검토", "🚀 Launch ⚠️ ✅",
        "（全角）：テスト", "Überprüfung der Zugriffsrechte",
    ])
    func fastPathAgreesWithUnicode(_ title: String) {
        let key = TitleKey.make(utf8(title))
        #expect(!TitleKey.needsUnicodeFolding(utf8(key)))
        #expect(Array(key.unicodeScalars) == Array(key.lowercased().precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    /// Scalars outside the fast path's list, and invalid UTF-8, take the Unicode path.
    @Test(arguments: ["Ωmega", "\u{2126}", "Ⅻ", "Ⓐ", "ｔｅｓｔ Ａ", "a\u{0301}", "か\u{3099}", "\u{F900}", "Straße Σ"])
    func otherScalarsTakeTheUnicodePath(_ title: String) {
        #expect(TitleKey.needsUnicodeFolding(utf8(title)))
    }

    @Test func invalidUTF8TakesTheUnicodePath() {
        #expect(TitleKey.needsUnicodeFolding([0x61, 0xE2, 0x80]))
        #expect(TitleKey.needsUnicodeFolding([0xC0, 0xAF]))
        #expect(TitleKey.needsUnicodeFolding([0xED, 0xA0, 0x80]) || !TitleKey.isFoldingFree(0xD800))
    }

    /// Random titles rewritten with emphasis, extra white space and case changes keep their key.
    @Test func spellingVariantsKeepTheKey() async {
        let words = Gen.letter.string(of: 1...8).array(of: 1...6)
        await propertyCheck(count: 200, input: words, Gen.int(in: 0...Int.max)) { words, seed in
            var bits = seed
            func next() -> Int { defer { bits = bits >> 2 | (bits & 3) << 61 }; return bits & 3 }
            let plain = words.joined(separator: " ")
            let variant = words.map { w -> String in
                var w = next() == 0 ? w.uppercased() : (next() == 1 ? w.lowercased() : w)
                switch next() {
                case 0: w = "**\(w)**"
                case 1: w = "*\(w)*"
                case 2: w = "~~\(w)~~"
                default: break
                }
                return w
            }.joined(separator: next() == 0 ? "\t" : "   ")
            #expect(TitleKey.make(utf8("  " + variant + " ")) == TitleKey.make(utf8(plain)))
        }
    }
}

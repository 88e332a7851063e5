/// Adds or removes a task's CRITICAL marker, touching only the marker's bytes.
enum CriticalMarker {
    private static let prefix = Array("**CRITICAL**: ".utf8)

    /// The text with the marker added (`**CRITICAL**: ` before the title, after any
    /// `**VERIFY**: `) or removed (either form, with the space that separated it).
    static func set(_ text: TaskText, critical: Bool) -> [UInt8] {
        var bytes = text.bytes
        if critical {
            guard text.criticalMarker == nil else { return bytes }
            let at = text.verifyMarker.map { max(0, $0.upperBound) } ?? DocumentEditor.leadingIndent(bytes).count
            bytes.insert(contentsOf: prefix, at: min(at, bytes.count))
        } else if let r = text.criticalMarker {
            if bytes[r.lowerBound] == 0x2A {
                bytes.removeSubrange(r)                     // `**CRITICAL**: ` and its trailing spaces
            } else {
                var lo = r.lowerBound                       // ` (CRITICAL)`
                if lo > 0, bytes[lo - 1] == 0x20 { lo -= 1 }
                bytes.removeSubrange(lo..<r.upperBound)
            }
        }
        return bytes
    }
}

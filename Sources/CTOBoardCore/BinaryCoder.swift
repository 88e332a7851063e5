/// Length-prefixed binary fields for the journal and the base snapshot: byte-exact, no text
/// encoding in the way.
struct BinaryWriter {
    var bytes: [UInt8] = []

    mutating func u64(_ v: UInt64) {
        for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) }
    }

    mutating func blob(_ b: [UInt8]) {
        u64(UInt64(b.count))
        bytes += b
    }

    mutating func string(_ s: String) { blob(Array(s.utf8)) }
}

struct BinaryReader {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func u64() -> UInt64? {
        guard offset + 8 <= bytes.count else { return nil }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        offset += 8
        return v
    }

    mutating func blob() -> [UInt8]? {
        guard let n = u64(), n <= UInt64(bytes.count - offset) else { return nil }
        let out = Array(bytes[offset..<(offset + Int(n))])
        offset += Int(n)
        return out
    }

    mutating func string() -> String? { blob().map { String(decoding: $0, as: UTF8.self) } }
}

/// FNV-1a, 64 bits: the journal's checksums (for detecting torn writes and changed documents,
/// not for security).
enum Checksum {
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for b in bytes {
            hash ^= UInt64(b)
            hash &*= 0x100000001b3
        }
        return hash
    }
}

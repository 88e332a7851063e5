/// Length-prefixed binary fields for the journal and the base snapshot: byte-exact, no text
/// encoding in the way.
struct BinaryWriter {
    var bytes: [UInt8] = []

    /// A writer for a state file that starts with `magic` (see ``seal()``).
    /// `capacity`: the expected size, so that large blobs are not copied as the buffer grows.
    init(magic: [UInt8] = [], capacity: Int = 0) {
        bytes = magic
        bytes.reserveCapacity(magic.count + capacity + 8)
    }

    /// The bytes with a checksum of everything before it appended: a torn or damaged file
    /// fails ``BinaryReader/init(sealed:magic:)``.
    mutating func seal() -> [UInt8] {
        u64(Checksum.wide(bytes))
        return bytes
    }

    mutating func u64(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func blob(_ b: [UInt8]) {
        u64(UInt64(b.count))
        bytes += b
    }

    mutating func string(_ s: String) { blob(Array(s.utf8)) }
}

struct BinaryReader {
    let bytes: ArraySlice<UInt8>
    var offset: Int

    init(_ bytes: [UInt8]) { self.init(bytes[...]) }

    /// A reader past `magic` of a file written by ``BinaryWriter/seal()``; nil when the file
    /// does not start with `magic` or its checksum does not match (torn or damaged).
    init?(sealed bytes: [UInt8], magic: [UInt8]) {
        guard bytes.count >= magic.count + 8, bytes.prefix(magic.count).elementsEqual(magic) else { return nil }
        let body = bytes.dropLast(8)
        var tail = BinaryReader(bytes.suffix(8))
        guard let sum = tail.u64(), sum == Checksum.wide(body) else { return nil }
        self.init(body)
        offset = body.startIndex + magic.count
    }
    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        offset = bytes.startIndex
    }

    mutating func u64() -> UInt64? {
        guard offset + 8 <= bytes.endIndex else { return nil }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        offset += 8
        return v
    }

    mutating func blob() -> [UInt8]? {
        guard let n = u64(), n <= UInt64(bytes.endIndex - offset) else { return nil }
        let out = Array(bytes[offset..<(offset + Int(n))])
        offset += Int(n)
        return out
    }

    mutating func string() -> String? { blob().map { String(decoding: $0, as: UTF8.self) } }
}

/// Checksums for state files: detecting torn writes and changed documents, not security.
enum Checksum {
    /// A 64-bit checksum that reads eight bytes a step (FNV-1a's mixing on words, then a final
    /// avalanche), fast enough for whole documents on every commit.
    static func wide<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        let result = bytes.withContiguousStorageIfAvailable { buf -> UInt64 in
            var h: UInt64 = 0xcbf29ce484222325 ^ UInt64(buf.count)
            let raw = UnsafeRawBufferPointer(buf)
            var i = 0
            let n = raw.count
            while i + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                h = (h ^ w) &* 0x100000001b3
                h ^= h >> 29
                i += 8
            }
            while i < n {
                h = (h ^ UInt64(raw[i])) &* 0x100000001b3
                i += 1
            }
            h ^= h >> 33
            h &*= 0xff51afd7ed558ccd
            h ^= h >> 33
            return h
        }
        return result ?? wide(Array(bytes))
    }

    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for b in bytes {
            hash ^= UInt64(b)
            hash &*= 0x100000001b3
        }
        return hash
    }
}

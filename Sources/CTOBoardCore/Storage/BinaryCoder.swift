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

    /// The bytes with a checksum (``Checksum/lanes(_:)``) of everything before it appended: a
    /// torn or damaged file fails ``BinaryReader/init(sealed:magic:checksum:)``.
    mutating func seal() -> [UInt8] {
        u64(Checksum.lanes(bytes))
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
    /// does not start with `magic` or its seal does not match (torn or damaged).
    init?(sealed bytes: [UInt8], magic: [UInt8]) {
        guard bytes.count >= magic.count + 8, bytes.prefix(magic.count).elementsEqual(magic) else { return nil }
        let body = bytes.dropLast(8)
        var tail = BinaryReader(bytes.suffix(8))
        guard let sum = tail.u64(), sum == Checksum.lanes(body) else { return nil }
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

    /// Whether every field was read.
    var atEnd: Bool { offset == bytes.endIndex }
}

/// Checksums for state files: detecting torn writes and changed documents, not security.
enum Checksum {
    /// The checksum of state files (the journal's and the base snapshot's seals, the base's
    /// header): FNV-1a's mixing on eight-byte words in four independent lanes, which the
    /// processor runs side by side, combined at the end, then a final avalanche.
    static func lanes<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        let result = bytes.withContiguousStorageIfAvailable { buf -> UInt64 in
            let raw = UnsafeRawBufferPointer(buf)
            let n = raw.count
            let prime: UInt64 = 0x100000001b3
            var h0: UInt64 = 0xcbf29ce484222325 ^ UInt64(n)
            var h1: UInt64 = 0x84222325cbf29ce4, h2: UInt64 = 0x9e3779b97f4a7c15, h3: UInt64 = 0xc2b2ae3d27d4eb4f
            var i = 0
            while i + 32 <= n {
                h0 = (h0 ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* prime; h0 ^= h0 >> 29
                h1 = (h1 ^ raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)) &* prime; h1 ^= h1 >> 29
                h2 = (h2 ^ raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)) &* prime; h2 ^= h2 >> 29
                h3 = (h3 ^ raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)) &* prime; h3 ^= h3 >> 29
                i += 32
            }
            var h = h0 ^ (h1 &* 0xff51afd7ed558ccd) ^ (h2 &* 0xc4ceb9fe1a85ec53) ^ (h3 &* 0x9e3779b97f4a7c15)
            while i + 8 <= n {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* prime
                h ^= h >> 29
                i += 8
            }
            while i < n {
                h = (h ^ UInt64(raw[i])) &* prime
                i += 1
            }
            h ^= h >> 33
            h &*= 0xff51afd7ed558ccd
            h ^= h >> 33
            return h
        }
        return result ?? lanes(Array(bytes))
    }
}

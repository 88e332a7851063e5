/// Writes a sealed binary record in pieces: small fields are gathered in a buffer, while large
/// blobs (whole documents) stay the caller's arrays, so a record holding two documents is
/// written to its file without copying them into one buffer first.
///
/// The seal (the last 8 bytes) is ``Checksum/lanes(_:)`` over a digest of the record: each
/// `u64` counts as its 8 bytes, each blob as its length and its own checksum. A torn or damaged
/// record fails the seal as surely as with a checksum over all its bytes, and a blob's checksum
/// that the caller has already (a base snapshot header holds them) is not computed twice.
/// ``PiecewiseReader`` reads it back.
struct PiecewiseWriter {
    /// Blobs from this size on are kept as separate pieces.
    static let separateFrom = 4096

    private var pieces: [[UInt8]] = []
    private var buffer: [UInt8]
    private var digest: [UInt8]

    init(magic: [UInt8]) {
        buffer = magic
        buffer.reserveCapacity(4096)
        digest = magic
    }

    mutating func u64(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { buffer.append(contentsOf: $0); digest.append(contentsOf: $0) }
    }

    /// A blob, with its ``Checksum/lanes(_:)`` when the caller has it.
    mutating func blob(_ b: [UInt8], checksum: UInt64? = nil) {
        u64(UInt64(b.count))
        withUnsafeBytes(of: (checksum ?? Checksum.lanes(b)).littleEndian) { digest.append(contentsOf: $0) }
        if b.count >= Self.separateFrom {
            pieces.append(buffer)
            pieces.append(b)
            buffer = []
        } else {
            buffer += b
        }
    }

    mutating func string(_ s: String) { blob(Array(s.utf8)) }

    /// Appends the seal and returns the record's pieces, in order.
    mutating func seal() -> [[UInt8]] {
        withUnsafeBytes(of: Checksum.lanes(digest).littleEndian) { buffer.append(contentsOf: $0) }
        pieces.append(buffer)
        buffer = []
        return pieces
    }
}

/// Reads a record written by ``PiecewiseWriter``. Every read is bounds-checked; nothing read is
/// to be trusted until ``verify()`` says the seal matches.
struct PiecewiseReader {
    private var reader: BinaryReader
    private var digest: [UInt8]
    private let seal: UInt64

    init?(_ bytes: [UInt8], magic: [UInt8]) {
        guard bytes.count >= magic.count + 8, bytes.starts(with: magic) else { return nil }
        var tail = BinaryReader(bytes.suffix(8))
        guard let seal = tail.u64() else { return nil }
        self.seal = seal
        reader = BinaryReader(bytes.dropLast(8))
        reader.offset = magic.count
        digest = magic
    }

    mutating func u64() -> UInt64? {
        guard let v = reader.u64() else { return nil }
        withUnsafeBytes(of: v.littleEndian) { digest.append(contentsOf: $0) }
        return v
    }

    /// The next blob's bytes (a slice of the record), counted into the digest.
    private mutating func nextBlob() -> ArraySlice<UInt8>? {
        guard let n = u64(), n <= UInt64(reader.bytes.endIndex - reader.offset) else { return nil }
        let slice = reader.bytes[reader.offset..<(reader.offset + Int(n))]
        reader.offset += Int(n)
        withUnsafeBytes(of: Checksum.lanes(slice).littleEndian) { digest.append(contentsOf: $0) }
        return slice
    }

    mutating func blob() -> [UInt8]? { nextBlob().map { Array($0) } }

    mutating func skipBlob() -> Bool { nextBlob() != nil }

    mutating func string() -> String? { nextBlob().map { String(decoding: $0, as: UTF8.self) } }

    /// Whether the whole record was read and its seal matches.
    func verify() -> Bool {
        reader.offset == reader.bytes.endIndex && Checksum.lanes(digest) == seal
    }
}

/// The reads a journal's body needs, from either record format.
protocol RecordReader {
    mutating func u64() -> UInt64?
    mutating func blob() -> [UInt8]?
    mutating func string() -> String?
}

/// A reader of ``PiecewiseWriter``'s records, from bytes or from a file.
protocol PiecewiseRecordReader: RecordReader {
    mutating func skipBlob() -> Bool
    func verify() -> Bool
}

extension PiecewiseReader: PiecewiseRecordReader {}
extension PiecewiseFileReader: PiecewiseRecordReader {}

extension BinaryReader: RecordReader {}

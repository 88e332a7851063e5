/// A minimal JSON writer that keeps keys in the order written, for ctoboard's stable `--json`.
public struct JSONWriter: Sendable {
    /// The output so far.
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    public mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A JSON string literal.
    public mutating func string(_ s: String) {
        bytes.append(0x22)
        var copy = s
        let plain = copy.withUTF8 { buf -> Bool in
            // Most strings need no escapes: copy them whole.
            guard !buf.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { return false }
            bytes.append(contentsOf: buf)
            return true
        }
        if plain {
            bytes.append(0x22)
            return
        }
        for b in s.utf8 {
            switch b {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
            case 0x0D: bytes.append(0x5C); bytes.append(0x72)
            case 0x09: bytes.append(0x5C); bytes.append(0x74)
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            default: bytes.append(b)
            }
        }
        bytes.append(0x22)
    }

    /// A JSON string literal from UTF-8 bytes; invalid UTF-8 is written as U+FFFD, as
    /// `String(decoding:as:)` would show it.
    public mutating func string(utf8 text: [UInt8]) {
        let plain = text.allSatisfy { $0 >= 0x20 && $0 < 0x80 && $0 != 0x22 && $0 != 0x5C }
        if plain {
            bytes.append(0x22)
            bytes.append(contentsOf: text)
            bytes.append(0x22)
        } else {
            string(String(decoding: text, as: UTF8.self))
        }
    }

    public mutating func optionalString(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    public mutating func int(_ n: Int) {
        guard n >= 0 else { bytes.append(contentsOf: String(n).utf8); return }
        // Digits without a String: line numbers are written for every task.
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buf in
            var v = n, k = buf.count
            repeat {
                k -= 1
                buf[k] = 0x30 + UInt8(v % 10)
                v /= 10
            } while v > 0
            bytes.append(contentsOf: buf[k...])
        }
    }

    public mutating func optionalInt(_ n: Int?) {
        if let n { int(n) } else { raw("null") }
    }

    public mutating func bool(_ b: Bool) { if b { raw("true") } else { raw("false") } }

    /// `"key":`
    public mutating func key(_ k: StaticString) {
        bytes.append(0x22)
        k.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
        bytes.append(0x3A)
    }
}

/// Zig-zag variable-length integers (7 bits a byte), length-prefixed strings and 16-byte keys.
package enum Varint {
    package static func append(_ value: Int, to bytes: inout [UInt8]) {
        var zigzag = UInt64(bitPattern: Int64(value << 1) ^ Int64(value >> 63))
        while zigzag >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: zigzag) | 0x80)
            zigzag >>= 7
        }
        bytes.append(UInt8(zigzag))
    }

    package static func append(_ string: String, to bytes: inout [UInt8]) {
        append(string.utf8.count, to: &bytes)
        bytes.append(contentsOf: string.utf8)
    }

    /// Length-prefixed bytes (text already encoded).
    package static func append(bytes value: [UInt8], to bytes: inout [UInt8]) {
        append(value.count, to: &bytes)
        bytes.append(contentsOf: value)
    }

    /// Sixteen bytes, least significant first (no array of the two words: an allocation per key).
    static func append(_ key: PathKey, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: key.high.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: key.low.littleEndian) { bytes.append(contentsOf: $0) }
    }

    package struct Reader {
        package let bytes: [UInt8]
        package var offset: Int

        package init(bytes: [UInt8], offset: Int) {
            self.bytes = bytes
            self.offset = offset
        }

        package mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        package mutating func int() -> Int? {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while shift < 64 {
                guard let next = byte() else { return nil }
                result |= UInt64(next & 0x7F) << shift
                if next < 0x80 { return Int(Int64(bitPattern: (result >> 1) ^ (0 &- (result & 1)))) }
                shift += 7
            }
            return nil
        }

        /// Bytes written by `append(bytes:to:)`.
        package mutating func byteRun() -> ArraySlice<UInt8>? {
            guard let length = int(), length >= 0, length <= bytes.count - offset else { return nil }
            defer { offset += length }
            return bytes[offset..<offset + length]
        }

        package mutating func string() -> String? {
            guard let length = int(), length >= 0, length <= bytes.count - offset else { return nil }
            defer { offset += length }
            return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
        }

        mutating func key() -> PathKey? {
            guard bytes.count - offset >= 16 else { return nil }
            var words: [UInt64] = [0, 0]
            for word in 0..<2 {
                for index in 0..<8 { words[word] |= UInt64(bytes[offset + word * 8 + index]) << UInt64(index * 8) }
            }
            offset += 16
            return PathKey(high: words[0], low: words[1])
        }
    }
}

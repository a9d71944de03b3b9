/// Whether bytes are UTF-8, and where they stop being: every script is checked once, as it is read, and
/// a `SourceFile` that is known to be valid makes its strings without checking them again (`text(_:)`).
package enum UTF8Validation {
    /// The offset of the first byte that does not belong to a valid UTF-8 sequence, or nil.
    package static func firstInvalid(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            let n = buffer.count
            var i = 0
            while i < n {
                // Keywords, numbers and spaces: eight ASCII bytes at a time.
                if i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                let b = base[i]
                if b < 0x80 {
                    i += 1
                    continue
                }
                // Chinese text: three-byte sequences (U+0800–U+FFFF, no surrogates), checked in one step.
                if b & 0xF0 == 0xE0, i + 3 <= n {
                    let c1 = base[i + 1], c2 = base[i + 2]
                    guard c1 & 0xC0 == 0x80, c2 & 0xC0 == 0x80 else { return i }
                    let scalar = UInt32(b & 0x0F) << 12 | UInt32(c1 & 0x3F) << 6 | UInt32(c2 & 0x3F)
                    guard scalar >= 0x800, !(0xD800...0xDFFF).contains(scalar) else { return i }
                    i += 3
                    continue
                }
                let length: Int
                let minimum: UInt32
                switch b {
                case 0xC2...0xDF: length = 2; minimum = 0x80
                case 0xE0...0xEF: length = 3; minimum = 0x800
                case 0xF0...0xF4: length = 4; minimum = 0x10000
                default: return i
                }
                guard i + length <= n else { return i }
                var scalar = UInt32(b) & (0xFF >> (length + 1))
                for k in 1..<length {
                    let c = base[i + k]
                    guard c & 0xC0 == 0x80 else { return i }
                    scalar = scalar << 6 | UInt32(c & 0x3F)
                }
                guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return i }
                i += length
            }
            return nil
        }
    }
}

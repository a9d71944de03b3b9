import CByteScan

/// Whether bytes are UTF-8, where they stop being, and whether they hold a refused control character: every
/// script is read through this once, as it is loaded. A `SourceFile` known to be valid makes its strings
/// without checking them again (`text(_:)`), and one without control characters skips the search for them
/// in every token. One pass for both: they were two (7.2 M and 4.4 M instructions checking 300 scripts).
package enum UTF8Validation {
    package struct Scan: Sendable {
        /// The offset of the first byte that does not belong to a valid UTF-8 sequence, or nil.
        package let firstInvalid: Int?
        /// Whether a refused control character (`ControlCharacter`) comes before `firstInvalid` (anywhere,
        /// when the bytes are valid).
        package let holdsControlCharacters: Bool
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence, or nil.
    package static func firstInvalid(_ bytes: [UInt8]) -> Int? { scan(bytes).firstInvalid }

    /// Whether eight ASCII bytes (every high bit clear) hold a refused control character
    /// (`ControlCharacter.isRefused`), exactly. Each test is made per byte with the byte's high bit set
    /// first, so nothing borrows from a neighbour: most words of a script end in a line break, and the
    /// inexact test sent each of those to a byte-by-byte look.
    static func holdsRefusedControl(asciiWord word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        /// The high bit of every byte of `x` that is zero.
        func zeros(_ x: UInt64) -> UInt64 { ~((x | highs) &- ones) & highs }
        let below = ~((word | highs) &- ones &* 0x20) & highs
        let allowed = zeros(word ^ (ones &* 0x09)) | zeros(word ^ (ones &* 0x0A)) | zeros(word ^ (ones &* 0x0D))
        return (below & ~allowed) | zeros(word ^ (ones &* 0x7F)) != 0
    }

    /// `vectorLevel` caps the vector step (2 AVX2, 1 SSSE3, 0 none; `gov_utf8_valid_prefix_at_level`): the
    /// tests hold each one the processor has to the same answers.
    package static func scan(_ bytes: [UInt8], vectorLevel: Int32 = 2) -> Scan {
        bytes.withUnsafeBufferPointer { buffer -> Scan in
            guard let base = buffer.baseAddress else { return Scan(firstInvalid: nil, holdsControlCharacters: false) }
            let n = buffer.count
            // Sixteen or 32 bytes a step where the processor has a byte shuffle (`gov_utf8_valid_prefix`): up to a
            // character's start, valid, with what it saw of control characters; the rest from there below.
            var sawControl: Int32 = 0
            var i = min(gov_utf8_valid_prefix_at_level(base, n, &sawControl, vectorLevel), n)
            var controls = sawControl != 0
            func invalid(_ offset: Int) -> Scan { Scan(firstInvalid: offset, holdsControlCharacters: controls) }
            let highs: UInt64 = 0x8080_8080_8080_8080
            while i < n {
                // Keywords, numbers and spaces: eight ASCII bytes at a time.
                if i + 8 <= n {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    if word & highs == 0 {
                        if !controls, holdsRefusedControl(asciiWord: word) { controls = true }
                        i += 8
                        continue
                    }
                }
                let b = base[i]
                if b < 0x80 {
                    if ControlCharacter.isRefused(b) { controls = true }
                    i += 1
                    continue
                }
                // Chinese text: two three-byte sequences at a time — lead 1110xxxx, then 10xxxxxx twice, each —
                // when neither lead is E0 (which may start an overlong form) or ED (a surrogate).
                if b & 0xF0 == 0xE0, i + 8 <= n {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    let first = UInt8(truncatingIfNeeded: word), second = UInt8(truncatingIfNeeded: word >> 24)
                    if word & 0x0000_C0C0_F0C0_C0F0 == 0x0000_8080_E080_80E0,
                        first != 0xE0, first != 0xED, second != 0xE0, second != 0xED {
                        i += 6
                        continue
                    }
                }
                // One three-byte sequence (U+0800–U+FFFF, no surrogates), checked in one step.
                if b & 0xF0 == 0xE0, i + 3 <= n {
                    let c1 = base[i + 1], c2 = base[i + 2]
                    guard c1 & 0xC0 == 0x80, c2 & 0xC0 == 0x80 else { return invalid(i) }
                    let scalar = UInt32(b & 0x0F) << 12 | UInt32(c1 & 0x3F) << 6 | UInt32(c2 & 0x3F)
                    guard scalar >= 0x800, !(0xD800...0xDFFF).contains(scalar) else { return invalid(i) }
                    i += 3
                    continue
                }
                let length: Int
                let minimum: UInt32
                switch b {
                case 0xC2...0xDF: length = 2; minimum = 0x80
                case 0xE0...0xEF: length = 3; minimum = 0x800
                case 0xF0...0xF4: length = 4; minimum = 0x10000
                default: return invalid(i)
                }
                guard i + length <= n else { return invalid(i) }
                var scalar = UInt32(b) & (0xFF >> (length + 1))
                for k in 1..<length {
                    let c = base[i + k]
                    guard c & 0xC0 == 0x80 else { return invalid(i) }
                    scalar = scalar << 6 | UInt32(c & 0x3F)
                }
                guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return invalid(i) }
                // The C1 controls, U+0080–U+009F.
                if scalar <= 0x9F { controls = true }
                i += length
            }
            return Scan(firstInvalid: nil, holdsControlCharacters: controls)
        }
    }
}

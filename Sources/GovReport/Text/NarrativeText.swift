import GovLanguage

/// The literal text of one `text`, `lead` or `heading` string as the clerk typed it, scalar by scalar, each
/// with its byte offset in the script. Escapes are decoded (`\n` is a line break) and every `{…}`
/// interpolation is one placeholder scalar: an interpolated number is right by construction and is never
/// read as a text quantity, but the words around it still count.
struct NarrativeText {
    static let placeholder: Unicode.Scalar = "\u{FFFC}"

    var scalars: [Unicode.Scalar]
    /// Byte offset of each scalar in the script, and one more: where the last one ends. The scalars lie end
    /// to end, so scalar `i` ends where `i + 1` starts (a third array of ends was a tenth of this type's
    /// cost; callgrind). 32 bits: a script is at most 2 MiB (`SourceLimits`).
    var starts: [UInt32]
    let file: FileID

    /// Reads the literal's bytes (quotes included in `range`). Bytes are valid UTF-8: the lexer checked.
    ///
    /// The two arrays are written in place through their buffers (a text has at most one scalar a byte):
    /// appending to each, scalar by scalar, cost 9,700 instructions a paragraph, 6,600 this way. A Chinese
    /// character, most of any text, is decoded first, in one step (callgrind, checking 300 corpus scripts:
    /// the loop 4.3 M -> 3.4 M).
    init(source: SourceFile, range: SourceRange, isBlock: Bool) {
        file = range.file
        let quote = isBlock ? 3 : 1
        let bytes = source.bytes
        let first = min(range.start + quote, bytes.count)
        let limit = max(first, min(range.end - quote, bytes.count))
        let capacity = limit - first
        var count = 0
        var starts: [UInt32] = []
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: capacity) { scalarBuffer, scalarCount in
            starts = [UInt32](unsafeUninitializedCapacity: capacity + 1) { startBuffer, startCount in
                bytes.withUnsafeBufferPointer { bytes in
                    guard let scalarBase = scalarBuffer.baseAddress, let startBase = startBuffer.baseAddress else { return }
                    var cursor = first
                    // Each scalar ends where the loop goes on from: where the next one starts.
                    while cursor < limit, count < capacity {
                        let byte = bytes[cursor]
                        let scalar: Unicode.Scalar
                        let next: Int
                        if byte & 0xF0 == 0xE0, cursor + 3 <= limit {
                            // `decode`'s three-byte case without its switch on the length (calling it here
                            // cost 0.3 M of 139 M; callgrind).
                            let value = UInt32(byte & 0x0F) << 12 | UInt32(bytes[cursor + 1] & 0x3F) << 6 | UInt32(bytes[cursor + 2] & 0x3F)
                            scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                            next = cursor + 3
                        } else if byte == UInt8(ascii: "\\"), cursor + 1 < limit {
                            let escaped = bytes[cursor + 1]
                            scalar = escaped == UInt8(ascii: "n") ? "\n" : escaped == UInt8(ascii: "t") ? "\t" : Unicode.Scalar(escaped)
                            next = cursor + 2
                        } else if byte == UInt8(ascii: "{") {
                            var close = cursor + 1
                            while close < limit, bytes[close] != UInt8(ascii: "}"), bytes[close] != UInt8(ascii: "\n") { close += 1 }
                            scalar = NarrativeText.placeholder
                            next = close < limit ? close + 1 : limit
                        } else if byte < 0x80 {
                            scalar = Unicode.Scalar(byte)
                            next = cursor + 1
                        } else {
                            let length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                            next = min(cursor + length, limit)
                            scalar = NarrativeText.decode(bytes, cursor, next)
                        }
                        (scalarBase + count).initialize(to: scalar)
                        (startBase + count).initialize(to: UInt32(truncatingIfNeeded: cursor))
                        count += 1
                        cursor = next
                    }
                    (startBase + count).initialize(to: UInt32(truncatingIfNeeded: cursor))
                }
                startCount = count + 1
            }
            scalarCount = count
        }
        self.scalars = scalars
        self.starts = starts
    }

    /// One scalar from its UTF-8 bytes (valid: the lexer checked), without building a String per character.
    static func decode(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Unicode.Scalar {
        bytes.withUnsafeBufferPointer { decode($0, start, end) }
    }

    /// Inlined into the loop above, which calls it for every Chinese character (a call each was a third
    /// of the loop's cost; callgrind).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Unicode.Scalar {
        let first = UInt32(bytes[start])
        var value: UInt32
        switch end - start {
        case 1: value = first
        case 2: value = (first & 0x1F) << 6 | UInt32(bytes[start + 1] & 0x3F)
        case 3: value = (first & 0x0F) << 12 | UInt32(bytes[start + 1] & 0x3F) << 6 | UInt32(bytes[start + 2] & 0x3F)
        default:
            value = (first & 0x07) << 18 | UInt32(bytes[start + 1] & 0x3F) << 12 | UInt32(bytes[start + 2] & 0x3F) << 6
            if end - start >= 4 { value |= UInt32(bytes[start + 3] & 0x3F) } else { value = 0xFFFD }
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Whether literal bytes can hold a text quantity or a year at all: an ASCII or full-width digit, or 件
    /// after a Chinese numeral. Most narrative has none outside its `{…}`; it is then not read scalar by scalar.
    /// Asked of every paragraph: bytes that matter to none of those tests (most of a text) are passed on one
    /// table look each (with five questions a byte, this was 2.6 % of checking a script; callgrind).
    static func mayHoldNumbers(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        let matters = bytesThatMatter
        return bytes.withUnsafeBufferPointer { bytes -> Bool in
            // Read in place, so kept inside the bytes whatever the range says.
            let range = max(0, range.lowerBound)..<min(max(0, range.upperBound), bytes.count)
            var i = range.lowerBound
            var inInterpolation = false
            while i < range.upperBound {
                let byte = bytes[i]
                if !matters[Int(byte)] {
                    i += 1
                    continue
                }
                if byte == UInt8(ascii: "{") { inInterpolation = true } else if byte == UInt8(ascii: "}") { inInterpolation = false }
                if !inInterpolation {
                    if byte >= 0x30 && byte <= 0x39 { return true }
                    // ０–９ is EF BC 90–99; 件 is E4 BB B6.
                    if byte == 0xEF, i + 2 < range.upperBound, bytes[i + 1] == 0xBC, bytes[i + 2] >= 0x90, bytes[i + 2] <= 0x99 { return true }
                    if byte == 0xE4, i + 2 < range.upperBound, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xB6 { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// The bytes `mayHoldNumbers` asks about: braces, ASCII digits, and the lead bytes of ０–９ and 件.
    static let bytesThatMatter: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in [0x7B, 0x7D, 0xEF, 0xE4] + Array(0x30...0x39) { table[byte] = true }
        return table
    }()

    var count: Int { scalars.count }

    /// The source range of scalars `range`.
    func sourceRange(_ range: Range<Int>) -> SourceRange {
        guard !range.isEmpty, range.lowerBound < count else {
            let start = count > 0 ? Int(starts[0]) : 0
            return SourceRange(file: file, start: start, end: start)
        }
        return SourceRange(file: file, start: Int(starts[range.lowerBound]), end: Int(starts[min(range.upperBound, count)]))
    }

    func string(_ range: Range<Int>) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[max(0, range.lowerBound)..<min(count, range.upperBound)])
        return text
    }
}

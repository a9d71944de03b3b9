import GovLanguage

/// The literal text of one `text`, `lead` or `heading` string as the clerk typed it, scalar by scalar, each
/// with its byte offset in the script. Escapes are decoded (`\n` is a line break) and every `{…}`
/// interpolation is one placeholder scalar: an interpolated number is right by construction and is never
/// read as a text quantity, but the words around it still count.
struct NarrativeText {
    static let placeholder: Unicode.Scalar = "\u{FFFC}"

    var scalars: [Unicode.Scalar] = []
    /// Byte offset of each scalar in the script; `ends[i]` is where scalar `i` ends.
    var starts: [Int] = []
    var ends: [Int] = []
    let file: FileID

    /// Reads the literal's bytes (quotes included in `range`). Bytes are valid UTF-8: the lexer checked.
    init(source: SourceFile, range: SourceRange, isBlock: Bool) {
        file = range.file
        let quote = isBlock ? 3 : 1
        let bytes = source.bytes
        var cursor = min(range.start + quote, bytes.count)
        let limit = max(cursor, min(range.end - quote, bytes.count))
        while cursor < limit {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\\"), cursor + 1 < limit {
                let escaped = bytes[cursor + 1]
                let scalar: Unicode.Scalar = escaped == UInt8(ascii: "n") ? "\n" : escaped == UInt8(ascii: "t") ? "\t" : Unicode.Scalar(escaped)
                append(scalar, cursor, cursor + 2)
                cursor += 2
                continue
            }
            if byte == UInt8(ascii: "{") {
                var close = cursor + 1
                while close < limit, bytes[close] != UInt8(ascii: "}"), bytes[close] != UInt8(ascii: "\n") { close += 1 }
                let end = close < limit ? close + 1 : limit
                append(NarrativeText.placeholder, cursor, end)
                cursor = end
                continue
            }
            let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            let end = min(cursor + length, limit)
            let decoded = String(decoding: bytes[cursor..<end], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
            append(decoded, cursor, end)
            cursor = end
        }
    }

    private mutating func append(_ scalar: Unicode.Scalar, _ start: Int, _ end: Int) {
        scalars.append(scalar)
        starts.append(start)
        ends.append(end)
    }

    var count: Int { scalars.count }

    /// The source range of scalars `range`.
    func sourceRange(_ range: Range<Int>) -> SourceRange {
        guard !range.isEmpty, range.lowerBound < count else { return SourceRange(file: file, start: starts.first ?? 0, end: starts.first ?? 0) }
        return SourceRange(file: file, start: starts[range.lowerBound], end: ends[min(range.upperBound, count) - 1])
    }

    func string(_ range: Range<Int>) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[max(0, range.lowerBound)..<min(count, range.upperBound)])
        return text
    }
}

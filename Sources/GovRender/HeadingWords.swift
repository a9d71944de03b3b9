/// Where a column heading may wrap. Browsers break Chinese between any two characters, which in a narrow
/// column prints 自/然/人 one character a line. A short heading of ideographs is kept whole
/// (`word-break: keep-all`) and, when its length is even, given a break opportunity between each pair of
/// characters: the official headings of four, six and eight characters are compounds of two-character
/// words (社会公益组织 → 社会/公益/组织, 结果维持 → 结果/维持, 本年处理决定数量 → 本年/处理/决定/数量).
/// Longer headings, and those with punctuation, wrap as ordinary text.
enum HeadingWords {
    static let longestKept = 8

    /// Read on the UTF-8 bytes: an ideograph here is three bytes and one `Character` (no ideograph combines
    /// with another); splitting the text into `Character`s cost 7,000 instructions a heading.
    static func mark(_ text: String, into out: inout HTMLOutput) {
        var text = text
        text.withUTF8 { utf8 in
            let count = utf8.count / 3
            guard utf8.count % 3 == 0, count >= 1, count <= longestKept, (0..<count).allSatisfy({ isIdeograph(utf8, at: $0 * 3) }) else {
                out.text(String(decoding: utf8, as: UTF8.self))
                return
            }
            out.raw("<span class=\"words\">")
            for index in 0..<count {
                if index > 0, index % 2 == 0, count % 2 == 0, count >= 4 { out.raw("<wbr>") }
                out.markup(UnsafeBufferPointer(rebasing: utf8[index * 3..<index * 3 + 3]))
            }
            out.raw("</span>")
        }
    }

    /// Whether the three bytes at `offset` of valid UTF-8 are one ideograph (a lead byte E_ then two
    /// continuation bytes, decoded into the ranges below).
    private static func isIdeograph(_ utf8: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        let lead = utf8[offset]
        guard lead & 0xF0 == 0xE0 else { return false }
        let value = UInt32(lead & 0x0F) << 12 | UInt32(utf8[offset + 1] & 0x3F) << 6 | UInt32(utf8[offset + 2] & 0x3F)
        return Unicode.Scalar(value).map(isIdeograph) ?? false
    }

    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }
}

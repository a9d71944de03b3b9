/// Where a column heading may wrap. Browsers break Chinese between any two characters, which in a narrow
/// column prints 自/然/人 one character a line. A short heading of ideographs is kept whole
/// (`word-break: keep-all`) and, when its length is even, given a break opportunity between each pair of
/// characters: the official headings of four, six and eight characters are compounds of two-character
/// words (社会公益组织 → 社会/公益/组织, 结果维持 → 结果/维持, 本年处理决定数量 → 本年/处理/决定/数量).
/// Longer headings, and those with punctuation, wrap as ordinary text.
enum HeadingWords {
    static let longestKept = 8

    static func marked(_ text: String) -> String {
        var out = HTMLOutput()
        mark(text, into: &out)
        return out.string
    }

    /// Read by scalar: a text of ideographs has one scalar a character (no ideograph combines with
    /// another), and splitting it into `Character`s cost 7,000 instructions a heading.
    static func mark(_ text: String, into out: inout HTMLOutput) {
        let scalars = text.unicodeScalars
        var count = 0
        for scalar in scalars {
            count += 1
            guard count <= longestKept, isIdeograph(scalar) else {
                out.text(text)
                return
            }
        }
        guard count > 0 else { return }
        out.raw("<span class=\"words\">")
        for (index, scalar) in scalars.enumerated() {
            if index > 0, index % 2 == 0, count % 2 == 0, count >= 4 { out.raw("<wbr>") }
            out.markup(String(scalar))
        }
        out.raw("</span>")
    }

    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }
}

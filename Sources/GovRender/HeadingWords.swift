/// Where a column heading may wrap. Browsers break Chinese between any two characters, which in a narrow
/// column prints 自/然/人 one character a line. A short heading of ideographs is kept whole
/// (`word-break: keep-all`) and, when its length is even, given a break opportunity between each pair of
/// characters: the official headings of four, six and eight characters are compounds of two-character
/// words (社会公益组织 → 社会/公益/组织, 结果维持 → 结果/维持, 本年处理决定数量 → 本年/处理/决定/数量).
/// Longer headings, and those with punctuation, wrap as ordinary text.
enum HeadingWords {
    static let longestKept = 8

    static func marked(_ text: String) -> String {
        let characters = Array(text)
        guard !characters.isEmpty, characters.count <= longestKept, characters.allSatisfy(isIdeograph) else { return HTMLEscape.text(text) }
        var out = "<span class=\"words\">"
        for (index, character) in characters.enumerated() {
            if index > 0, index % 2 == 0, characters.count % 2 == 0, characters.count >= 4 { out += "<wbr>" }
            out.append(character)
        }
        return out + "</span>"
    }

    static func isIdeograph(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }
}

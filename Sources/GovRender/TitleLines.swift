import GovLanguage

/// A title too long for one line, broken as GB/T 9704 asks (标题回行时，要做到词意完整，排列对称): at a
/// break between words — after the year (2021年), after a closing bracket, before 政府信息公开 or
/// 工作年度报告 — choosing the break whose two lines are closest in length, the upper not the shorter.
enum TitleLines {
    static let breaksBefore = ["政府信息公开", "政务公开", "工作年度报告", "年度报告"]
    private static let breaksBeforeCharacters = breaksBefore.map { Array($0) }

    /// A document's title lines: those the script gives (a line break in the title), each wrapped if it is
    /// too long, else the one line balanced.
    static func lines(of document: Document, capacity: Int) -> [String] {
        let given = document.titleLines
        if given.count > 1 { return given.flatMap { DisplayWidth.wrap($0, width: capacity) } }
        return balanced(document.titleOnOneLine, capacity: capacity)
    }

    /// Where a title (its characters) may break between words: character offsets, in order. Each word is
    /// compared where it may start, character by character: a string of the rest of the title at every
    /// offset, for `hasPrefix`, was quadratic (700,000 instructions a title).
    static func breaks(in characters: [Character]) -> [Int] {
        guard characters.count > 1 else { return [] }
        var candidates: [Int] = []
        for index in 1..<characters.count {
            let before = characters[index - 1]
            if before == "）" || before == ")" || (before == "年" && index >= 2 && characters[index - 2].isNumber)
                || breaksBeforeCharacters.contains(where: { characters[index...].starts(with: $0) })
            {
                candidates.append(index)
            }
        }
        return candidates
    }

    /// The title in lines of at most `capacity` display columns; one line when it fits, and the
    /// ordinary wrap when no word break gives two lines that fit.
    static func balanced(_ title: String, capacity: Int) -> [String] {
        guard capacity > 0, DisplayWidth.of(title) > capacity else { return [title] }
        let characters = Array(title)
        let best = breaks(in: characters).compactMap { index -> (index: Int, cost: Int)? in
            let upper = DisplayWidth.of(String(characters[..<index]))
            let lower = DisplayWidth.of(String(characters[index...]))
            guard upper <= capacity, lower <= capacity else { return nil }
            // Equal lines are best; a shorter upper line (an inverted trapezoid) costs extra.
            return (index, abs(upper - lower) + (upper < lower ? 4 : 0))
        }.min { $0.cost == $1.cost ? $0.index > $1.index : $0.cost < $1.cost }
        guard let best else { return DisplayWidth.wrap(title, width: capacity) }
        return [String(characters[..<best.index]), String(characters[best.index...])]
    }
}

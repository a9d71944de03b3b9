/// Reads the numbers printed in a stretch of table text: `[sign] digits [. digits] [元|万元]`, or a blank
/// cell. Everything else (label text, headers, a page's stray characters) only separates them.
struct ValueLexer {
    struct Lexed {
        /// nil: a real table's row ended here.
        let token: RunTogetherSplitter.Token?
        let printed: String
        /// A further column a blank cell spans.
        var spanned = false
        var endedRow: Bool { token == nil }
    }

    let scalars: [Unicode.Scalar]
    var position: Int
    let end: Int
    /// Stop at the first "。": prose has begun (used for table 3, which has no row labels to stop at).
    var stopAtSentence = false
    /// Stop at text after a number: the table's last row has ended and what follows is not the table's.
    var stopAtText = false
    var sawNumber = false

    static func digit(_ scalar: Unicode.Scalar) -> Bool {
        let folded = ScanText.fold(scalar)
        return folded.value >= 0x30 && folded.value <= 0x39
    }

    static func sign(_ scalar: Unicode.Scalar) -> Bool {
        let folded = ScanText.fold(scalar)
        return folded == "+" || folded == "-"
    }

    static func startsValue(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        guard index < scalars.count else { return false }
        if digit(scalars[index]) || scalars[index] == ScanText.blankCell || scalars[index] == ScanText.spannedBlank { return true }
        return sign(scalars[index]) && index + 1 < scalars.count && digit(scalars[index + 1])
    }

    /// The next token or row end, or nil at the end.
    mutating func next() -> Lexed? {
        while position < end {
            let scalar = scalars[position]
            if stopAtSentence && scalar == "。" {
                position = end
                return nil
            }
            if scalar == ScanText.rowEnd {
                position += 1
                return Lexed(token: nil, printed: "")
            }
            if scalar == ScanText.blankCell || scalar == ScanText.spannedBlank {
                position += 1
                sawNumber = true
                return Lexed(token: .blank, printed: "（空）", spanned: scalar == ScanText.spannedBlank)
            }
            if ValueLexer.startsValue(scalars, position) {
                sawNumber = true
                return number()
            }
            if stopAtText && sawNumber && !ScanText.isSpace(scalar) && scalar != ScanText.cellBoundary {
                return nil
            }
            position += 1
        }
        return nil
    }

    private mutating func number() -> Lexed {
        var text = String.UnicodeScalarView()
        if ValueLexer.sign(scalars[position]) {
            text.append(ScanText.fold(scalars[position]))
            position += 1
        }
        var sawPoint = false
        while position < end {
            let scalar = ScanText.fold(scalars[position])
            if ValueLexer.digit(scalar) {
                text.append(scalar)
            } else if scalar == ".", !sawPoint, position + 1 < end, ValueLexer.digit(scalars[position + 1]) {
                sawPoint = true
                text.append(".")
            } else if scalar == ",", position + 3 < end, (1...3).allSatisfy({ ValueLexer.digit(scalars[position + $0]) }) {
                // 1,234: a thousands separator inside one number, not a boundary.
            } else {
                break
            }
            position += 1
        }
        for unit in ["万元", "元"] {
            let unitScalars = Array(unit.unicodeScalars)
            if position + unitScalars.count <= end, Array(scalars[position..<(position + unitScalars.count)]) == unitScalars {
                text.append(contentsOf: unitScalars)
                position += unitScalars.count
                break
            }
        }
        let printed = String(text)
        return Lexed(token: .text(printed), printed: printed)
    }
}

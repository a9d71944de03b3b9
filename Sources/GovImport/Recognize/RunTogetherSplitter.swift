/// Splits the value tokens of one printed row into its cells. Each token is a run of characters with no
/// space inside ("7000007", "2648-18538", "13575394432.52元", or one cell of a real table); a space or a
/// cell boundary between tokens is a hard boundary. Every split is enumerated: a cell has no leading zero
/// (except "0" itself), a sign only starts a cell of a signed column, a decimal point belongs to an amount
/// column, a unit ends the token. The caller filters the splits by the table's equations.
enum RunTogetherSplitter {
    enum Token: Equatable {
        case text(String)
        case blank
    }

    enum ColumnKind: Equatable { case count, change, amount }

    /// One way of reading the row: a cell per column.
    typealias Split = [CellReading]

    /// Splits beyond this are not enumerated: the row is then unknown (a real table row never needs it).
    static let limit = 20_000

    /// Every split of `tokens` into `kinds.count` cells, or nil when there are more than `limit`.
    static func splits(_ tokens: [Token], kinds: [ColumnKind]) -> [Split]? {
        let parsed = tokens.map(ParsedToken.init)
        // The most cells the tokens after each one can take: a token only splits into as many parts as
        // the columns left over allow, which keeps the enumeration to the splits that can complete.
        var capacityAfter = Array(repeating: 0, count: parsed.count + 1)
        for index in stride(from: parsed.count - 1, through: 0, by: -1) {
            capacityAfter[index] = capacityAfter[index + 1] + (parsed[index].isBlank ? 1 : max(parsed[index].digits.count, 1))
        }
        var results: [Split] = []
        var current: Split = []
        var overflow = false

        func place(_ tokenIndex: Int) {
            if overflow { return }
            let column = current.count
            if tokenIndex == parsed.count {
                if column == kinds.count { results.append(current) }
                if results.count > limit { overflow = true }
                return
            }
            let remainingTokens = parsed.count - tokenIndex - 1
            let token = parsed[tokenIndex]
            let freeColumns = kinds.count - column - remainingTokens
            guard freeColumns >= 1 else { return }
            if token.isBlank {
                current.append(CellReading(.blank))
                place(tokenIndex + 1)
                current.removeLast()
                return
            }
            let maxParts = min(freeColumns, max(token.digits.count, 1))
            let minParts = max(1, kinds.count - column - capacityAfter[tokenIndex + 1])
            guard minParts <= maxParts else { return }
            for parts in minParts...maxParts {
                guard let cuts = token.splits(into: parts, kinds: Array(kinds[column..<(column + parts)])) else {
                    overflow = true
                    return
                }
                for cells in cuts {
                    current.append(contentsOf: cells)
                    place(tokenIndex + 1)
                    current.removeLast(cells.count)
                    if overflow { return }
                }
            }
        }
        place(0)
        return overflow ? nil : results
    }

    /// A token taken apart: sign, integer digits, decimals, unit. Anything else makes it unreadable.
    struct ParsedToken {
        var isBlank = false
        var sign = ""
        var digits: [Character] = []
        var decimals: String?
        var unit: String?
        var readable = true

        init(_ token: Token) {
            guard case .text(let raw) = token else {
                isBlank = true
                return
            }
            var rest = Substring(raw)
            for unitText in ["万元", "元"] where rest.hasSuffix(unitText) {
                unit = unitText
                rest = rest.dropLast(unitText.count)
                break
            }
            if let first = rest.first, first == "+" || first == "-" {
                sign = String(first)
                rest = rest.dropFirst()
            }
            let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit) else {
                readable = false
                return
            }
            digits = Array(whole)
            if parts.count == 2 {
                guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit) else {
                    readable = false
                    return
                }
                decimals = String(parts[1])
            }
        }

        /// The ways of cutting this token into `parts` cells of the given kinds; nil when there are more
        /// than `limit` (a long run of digits into many cells).
        func splits(into parts: Int, kinds: [ColumnKind]) -> [[CellReading]]? {
            guard readable, parts <= digits.count else { return [] }
            var out: [[CellReading]] = []
            var cuts: [Int] = []
            var tried = 0
            func choose(_ start: Int) {
                tried += 1
                if tried > RunTogetherSplitter.limit * 4 || out.count > RunTogetherSplitter.limit { return }
                if cuts.count == parts - 1 {
                    if let cells = cells(cuts: cuts, kinds: kinds) { out.append(cells) }
                    return
                }
                // A piece that starts with 0 is the single digit "0": prune the cuts that would lengthen it.
                let pieceStart = cuts.last ?? 0
                let remaining = parts - 1 - cuts.count
                guard start <= digits.count - remaining else { return }
                let last = digits[pieceStart] == "0" ? min(pieceStart + 1, digits.count - remaining) : digits.count - remaining
                guard start <= last else { return }
                for cut in start...last {
                    cuts.append(cut)
                    choose(cut + 1)
                    cuts.removeLast()
                }
            }
            choose(1)
            return tried > RunTogetherSplitter.limit * 4 || out.count > RunTogetherSplitter.limit ? nil : out
        }

        private func cells(cuts: [Int], kinds: [ColumnKind]) -> [CellReading]? {
            let bounds = [0] + cuts + [digits.count]
            var cells: [CellReading] = []
            for index in 0..<(bounds.count - 1) {
                let piece = digits[bounds[index]..<bounds[index + 1]]
                if piece.count > 1 && piece.first == "0" { return nil }
                if piece.count > 18 { return nil }
                let isFirst = index == 0
                let isLast = index == bounds.count - 2
                var text = String(piece)
                let kind = kinds[index]
                if isFirst && !sign.isEmpty {
                    guard kind == .change || (kind == .amount && sign == "+") else { return nil }
                    text = sign + text
                }
                if isLast, let decimals {
                    guard kind == .amount else { return nil }
                    text += "." + decimals
                }
                if isLast && unit != nil && kind != .amount { return nil }
                cells.append(CellReading(.number(text), unit: isLast ? unit : nil))
            }
            return cells
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

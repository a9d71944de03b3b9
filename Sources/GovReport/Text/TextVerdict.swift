import Foundation
import GovLanguage

/// Whether a linked text quantity agrees with the report, and what the finding is when it does not.
extension TextLinker {
    /// The report's value of a set of cells; nil when one is unknown. A total printed blank counts as what
    /// its parts add up to: its own finding (「…」印为空白) already says so, and the text is compared with
    /// what the table should have printed.
    func value(of cells: [CellID]) -> Decimal? {
        var total = Decimal(0)
        for cell in cells {
            guard let value = value(of: cell, depth: 0) else { return nil }
            total += value
        }
        return total
    }

    private func value(of cell: CellID, depth: Int) -> Decimal? {
        let stored = report.cells[cell]
        if stored?.isUnknown == true { return nil }
        if stored?.isBlank == true, depth < 4, let equation = TextLinker.equations(report).first(where: { $0.total == cell }) {
            var sum = Decimal(0)
            for term in equation.terms {
                guard let part = value(of: term.cell, depth: depth + 1) else { return nil }
                sum += Decimal(term.sign) * part
            }
            return sum
        }
        switch report[cell] {
        case .integer(let n): return Decimal(n)
        case .amount(let a, _): return a
        }
    }

    /// Every sum equation of the report's table shape (A1–A3, B1–B3), in derivation order.
    static func equations(_ report: Report) -> [Equation] {
        RuleTable.instantiated(report.applicationSpec).flatMap { $0 }
    }

    func judge(_ number: TextNumber, _ resolved: Resolved, sentence: Range<Int>) -> TextQuantity.Link {
        let mentions = resolved.cells.map { RuleChecker.mention($0, in: report) }
        func link(_ expected: Decimal?, _ verdict: TextQuantity.Verdict, _ interpolation: String? = nil) -> TextQuantity.Link {
            TextQuantity.Link(
                pattern: resolved.pattern.id, quantity: resolved.words, expected: expected.map { $0.plainString }, cells: mentions,
                verdict: verdict, interpolation: interpolation)
        }
        if let channel = resolved.channelCount {
            let expected = Decimal(channel.count)
            let cell = Diagnostic.Arithmetic.Cell(label: channel.name, value: String(channel.count), range: channel.range)
            let verdict: TextQuantity.Verdict = expected == number.value ? .agrees : .differs(code: "C1", severity: .warning)
            return TextQuantity.Link(
                pattern: "channel", quantity: "渠道或类别「\(channel.name)」", expected: String(channel.count), cells: [cell],
                verdict: deliberateOr(number, verdict), interpolation: canInterpolate(number) ? resolved.interpolation : nil)
        }
        guard let expected = value(of: resolved.cells) else { return link(nil, .notAssessable) }
        let stated = number.value
        if number.unit == .yuan || number.unit == .tenThousandYuan {
            return judgeAmount(number, expected, resolved: resolved, link: link)
        }
        if agrees(stated, expected, number: number, isAmount: false) {
            return link(expected, deliberateOr(number, .agrees), canInterpolate(number) ? resolved.interpolation : nil)
        }
        var otherCounts: [String] = []
        for alternative in resolved.alternatives {
            guard let other = value(of: alternative) else { continue }
            let words = alternative.map(TextLinker.shortName).joined(separator: " + ")
            if other == stated { return link(expected, .agreesOtherwise("按 \(words) 计为 \(other.plainString)")) }
            otherCounts.append("\(words) = \(other.plainString)")
        }
        let scopeWord = otherScope(in: sentence, before: number)
        let verdict: TextQuantity.Verdict
        if scopeWord != nil {
            verdict = .differs(code: "C6", severity: .warning)
        } else if case .loose = resolved.pattern.certainty {
            verdict = .differs(code: resolved.pattern.rule, severity: .warning)
        } else {
            verdict = .differs(code: resolved.pattern.rule, severity: .error)
        }
        var judged = link(expected, deliberateOr(number, verdict))
        judged.otherCounts = otherCounts
        return judged
    }

    /// A cell named the way a sentence names it: 本年新收, 上年结转（自然人）.
    static func shortName(_ cell: CellID) -> String {
        guard case .application(let row, let column) = cell else { return cell.path }
        return (row.chinese.first ?? row.english) + (column == .all ? "" : "（\(column.label)）")
    }

    /// An amount: the table's is in 万元 when it was written with a unit, and always for 本年收费金额 (the
    /// format's unit is 万元); a 采购总金额 written bare has no known unit. The table's value is put in the
    /// text's unit and compared at the text's precision. With no known unit both readings are accepted, and
    /// a difference is only a warning.
    private func judgeAmount(
        _ number: TextNumber, _ expected: Decimal, resolved: Resolved, link: (Decimal?, TextQuantity.Verdict, String?) -> TextQuantity.Link
    ) -> TextQuantity.Link {
        var tableUnitKnown = true
        if let cell = resolved.cells.first, case .amount(_, let text) = report[cell], !text.hasSuffix("元"),
            case .disclosure(let item, _) = cell, item != .fees
        {
            tableUnitKnown = false
        }
        let inTextUnit = number.unit == .yuan ? expected * 10000 : expected
        if agrees(number.value, inTextUnit, number: number, isAmount: true) || !tableUnitKnown && agrees(number.value, expected, number: number, isAmount: true) {
            return link(expected, deliberateOr(number, .agrees), nil)
        }
        return link(expected, deliberateOr(number, .differs(code: resolved.pattern.rule, severity: tableUnitKnown ? .error : .warning)), nil)
    }

    /// Equal, or — for an amount or a percentage printed with fewer decimals — equal at the printed
    /// precision, rounded or truncated.
    func agrees(_ stated: Decimal, _ expected: Decimal, number: TextNumber, isAmount: Bool) -> Bool {
        if stated == expected { return true }
        guard isAmount || number.isPercent else { return false }
        return rounded(expected, number.decimals, .plain) == stated || rounded(expected, number.decimals, .down) == stated
    }

    func rounded(_ value: Decimal, _ places: Int, _ mode: NSDecimalNumber.RoundingMode) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, places, mode)
        return output
    }

    private func deliberateOr(_ number: TextNumber, _ verdict: TextQuantity.Verdict) -> TextQuantity.Verdict {
        guard case .differs = verdict, let mark = deliberate.first(where: { $0.value == number.value }) else { return verdict }
        return .deliberate(mark.reason)
    }

    /// Only plain ASCII digits can be replaced by `{…}` without changing what the reader sees.
    private func canInterpolate(_ number: TextNumber) -> Bool {
        number.written.unicodeScalars.allSatisfy { $0.value >= 0x30 && $0.value <= 0x39 }
    }

    /// A scope word in the sentence before the number that is not the report's own scope (C6).
    func otherScope(in sentence: Range<Int>, before number: TextNumber) -> String? {
        let prefix = clauses.text(sentence.lowerBound..<number.span.lowerBound).replacingOccurrences(of: "本机关不掌握", with: "")
        let words = report.header.kind == .government ? PhraseTable.narrowScope : PhraseTable.wideScope
        return words.first(where: prefix.contains)
    }

    // MARK: - Percentages (C2)

    /// 占45.2%: the share of the count linked just before in the sentence, in the total it belongs to. The
    /// denominator is not always said, so every reasonable one is tried: （七）总计, 新收 + 上年结转, 新收.
    func share(_ number: TextNumber, index: Int, of earlier: Resolved?) -> TextQuantity.Outcome {
        let window = clauses.window(of: index)
        guard PhraseTable.shareWords.contains(where: window.before.contains) else { return .unlinked("百分比前没有“占”等用语") }
        guard let earlier, case .applicationRows = earlier.pattern.target, !earlier.cells.isEmpty else {
            return .unlinked("同一句中前面没有可作分子的申请数")
        }
        guard let numerator = value(of: earlier.cells) else { return .unlinked("分子有不详的单元格") }
        let columns = Set(earlier.cells.compactMap { cell -> Applicant? in
            if case .application(_, let column) = cell { return column }
            return nil
        })
        let denominators: [(words: String, rows: [ApplicationRow])] = [("（七）总计", [.total]), ("新收 + 上年结转", [.new, .carried]), ("新收", [.new])]
        var tried: [(words: String, ratio: Decimal)] = []
        for denominator in denominators {
            let cells = denominator.rows.flatMap { row in columns.map { CellID.application(row, $0) } }
            guard let whole = value(of: cells), whole != 0 else { continue }
            tried.append((denominator.words, numerator * 100 / whole))
        }
        guard !tried.isEmpty else { return .unlinked("分母为 0 或不详") }
        let described = "\(earlier.words)占" + tried.map { "\($0.words)（\(rounded($0.ratio, max(number.decimals, 1), .plain).plainString)%）" }.joined(separator: "或")
        let mentions = earlier.cells.map { RuleChecker.mention($0, in: report) }
        for candidate in tried where agrees(number.value, candidate.ratio, number: number, isAmount: false) {
            return .linked(TextQuantity.Link(
                pattern: "share", quantity: "\(earlier.words)占\(candidate.words)", expected: rounded(candidate.ratio, number.decimals, .plain).plainString,
                cells: mentions, verdict: .agrees, interpolation: nil))
        }
        // Every reasonable denominator gives the same ratio: the text is wrong whichever it meant.
        let unambiguous = Set(tried.map { rounded($0.ratio, 10, .plain) }).count == 1
        let verdict = deliberateOr(number, .differs(code: "C2", severity: unambiguous ? .error : .warning))
        return .linked(TextQuantity.Link(
            pattern: "share", quantity: described, expected: rounded(tried[0].ratio, number.decimals, .plain).plainString, cells: mentions,
            verdict: verdict, interpolation: nil))
    }

    // MARK: - 均维持

    /// 行政复议3件，均维持原行政行为: every case of the count before it was upheld. Checked only right after
    /// an appeal count, and only as far as the sentence goes.
    func allUpheldClaim(after index: Int, in sentence: Range<Int>, _ resolved: Resolved) -> Diagnostic? {
        guard case .appeal(.total) = resolved.pattern.target else { return nil }
        let number = numbers[index]
        let next = index + 1 < numbers.count && numbers[index + 1].span.lowerBound < sentence.upperBound ? numbers[index + 1] : nil
        let end = min(sentence.upperBound, next?.span.lowerBound ?? sentence.upperBound)
        let rest = Array(text.scalars[number.span.upperBound..<max(number.span.upperBound, end)])
        for word in PhraseTable.allUpheld {
            guard let offset = rest.indices.first(where: { TextNumberScanner.startsWith(rest, at: $0, word) }) else { continue }
            let upheldCells = resolved.cells.compactMap { cell -> CellID? in
                if case .appeal(let block, _) = cell { return .appeal(block, .upheld) }
                return nil
            }
            guard let total = value(of: resolved.cells), let upheld = value(of: upheldCells), total != upheld else { return nil }
            let start = number.span.upperBound + offset
            let range = text.sourceRange(start..<(start + word.unicodeScalars.count))
            return Diagnostic(
                code: "C1", severity: .error,
                message: "正文说“\(word)”，但表中\(resolved.words)为 \(total.plainString)，其中结果维持只有 \(upheld.plainString)",
                range: range,
                arithmetic: .init(
                    stated: total.plainString, computed: upheld.plainString, difference: (total - upheld).plainString,
                    cells: (resolved.cells + upheldCells).map { RuleChecker.mention($0, in: report) }))
        }
        return nil
    }
}

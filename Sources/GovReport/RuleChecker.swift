import Foundation
import GovLanguage

/// Reads the rule table and applies every rule to a report: derives blank totals, checks stated ones, and
/// records a finding with the stated and computed numbers and the cells involved for each one that fails.
package enum RuleChecker {
    package static func apply(to report: inout Report) {
        let program = RuleTable.program(report.edition, otherAsOneRow: report.otherPrintedAsOneRow)
        /// The equation that derived each derived cell (its place in `program`), to explain a derived value
        /// that breaks A4.
        var derivations: [Int] = []
        // Room for the equations that derive a total (the cells have room for the totals since they were
        // placed: `ReportAssembler.placeCells`): grown by doubling, each was an allocation and a copy a few
        // times a report (callgrind).
        derivations.reserveCapacity(program.totals.count)
        for (index, rule) in RuleTable.rules.enumerated() {
            switch rule.kind {
            case .sum(let parts, _):
                program.terms.withUnsafeBufferPointer { terms in
                    for place in program.equationsOfRule[index] {
                        let equationTerms = UnsafeBufferPointer(rebasing: terms[program.termRanges[place]])
                        switch report.cells.deriveIfEmpty(
                            dense: program.totals[place], terms: equationTerms, needsStatedPart: rule.needsStatedPart, derivedByRule: index)
                        {
                        case .derived:
                            derivations.append(place)
                        case .noStatedPart:
                            continue
                        case .undecided:
                            if applySum(program.equations[place], rule: rule, parts: parts, to: &report) { derivations.append(place) }
                        }
                    }
                }
            case .nonNegative:
                checkDerivedNonNegative(derivations, of: program, rule: rule, in: &report)
            case .atLeast(let pairs):
                for pair in pairs(report.edition) { checkAtLeast(pair.larger, pair.smaller, rule: rule, in: &report) }
            case .announcedParts:
                checkAnnouncedParts(rule: rule, in: &report)
            case .channelBreakdown:
                checkChannels(rule: rule, in: &report)
            }
        }
    }

    /// Checks or derives one equation; returns true when it derived the total.
    @discardableResult
    static func applySum(_ equation: Equation, rule: Rule, parts: String, to report: inout Report) -> Bool {
        // The terms in one pass: their sum, and whether any was stated.
        let (computed, overflow, anyStated) = report.cells.sum(equation.termIndices)
        if rule.needsStatedPart, !anyStated { return false }
        if isNotAssessable(equation, rule: rule, in: &report) {
            if report.recordsRuleInstances { report.ruleInstances.append(RuleInstance(rule: rule.id.rawValue, subject: equation.total.path, status: .notAssessable, range: report.cells.statedRange(equation.total))) }
            return false
        }
        let edition = report.edition
        // Labels are built only for a finding: the passing path stays allocation-free.
        var cells: [Diagnostic.Arithmetic.Cell] { equation.terms.map { mention($0.cell, in: report) } }
        if overflow {
            report.findings.append(
                Diagnostic(code: "E016", message: "「\(equation.total.label(edition))」的合计超出了可计算的范围", range: cells.compactMap(\.range).last))
            return false
        }
        // The total is read in place: copying the cell to ask was a fifth of this function (callgrind).
        guard report.cells.contains(dense: equation.totalIndex) else {
            report.cells.fillEmpty(dense: equation.totalIndex, with: Cell(value: .integer(computed), origin: .derived(rule.id)))
            return true
        }
        // A derived total that disagrees only echoes a finding already made about the stated cells.
        guard let statedRange = report.cells.statedRange(dense: equation.totalIndex) else { return false }
        let stated = report.cells.integer(dense: equation.totalIndex) ?? 0
        if report.recordsRuleInstances { report.ruleInstances.append(RuleInstance(rule: rule.id.rawValue, subject: equation.total.path, status: stated == computed ? .pass : .fail, range: statedRange)) }
        guard stated != computed, let existing = report.cells[equation.total] else { return false }
        let expression = termsText(equation, in: report)
        // A total printed empty is a finding of its rule in its own words: it should have been printed.
        let statedText = existing.isBlank ? "印为空白" : "写的是 \(stated)"
        let difference = ExactDifference.text(stated, computed)
        report.findings.append(
            Diagnostic(
                code: rule.id, severity: rule.severity,
                message: "不符合“\(rule.title)”：「\(equation.total.label(edition))」\(statedText)，"
                    + "按\(parts)应为 \(computed)（\(expression)），相差 \(difference)",
                range: statedRange,
                notes: contributingNotes(equation, in: report),
                arithmetic: .init(
                    stated: existing.isBlank ? "blank" : String(stated), computed: String(computed), difference: difference, cells: cells,
                    subject: equation.total.path, subjectCell: equation.total.key)))
        return false
    }

    /// An equation that reads an unknown (unreadable) cell can be neither passed nor failed. When a cell the
    /// script states as unknown takes part, a note names it; a total derived from one is itself unknown,
    /// so every rule downstream is not assessable too (silently: the note at its source says why).
    static func isNotAssessable(_ equation: Equation, rule: Rule, in report: inout Report) -> Bool {
        // Nearly every equation has no unknown cell: asked first, without building the arrays below, this
        // took the check of 300 corpus scripts from 21.9 M instructions to about 2 M (callgrind); and nearly
        // every report has none at all, which one flag says (2.9 M → 0.2 M).
        guard report.cells.mayHoldUnknown,
            report.cells.isUnknown(equation.total) || equation.terms.contains(where: { report.cells.isUnknown($0.cell) })
        else { return false }
        let cells = [equation.total] + equation.terms.map(\.cell)
        let unknown = cells.filter { report.cells.isUnknown($0) }
        guard !unknown.isEmpty else { return false }
        if report.cells[equation.total] == nil {
            report.cells[equation.total] = Cell(value: .integer(0), origin: .derived(rule.id), mark: .unknown)
        }
        let stated = unknown.filter { report.cells.statedRange($0) != nil }
        guard let first = stated.first, let range = report.cells.statedRange(first) else { return true }
        let edition = report.edition
        let names = stated.map { "「\($0.label(edition))」" }.joined(separator: "、")
        report.findings.append(
            Diagnostic(
                code: rule.id, severity: .note,
                message: "无法判断“\(rule.title)”（\(equation.total.label(edition))）：\(names)不详，既不算成立也不算不成立",
                range: range,
                arithmetic: .init(
                    stated: report.cells[equation.total]?.printedValue ?? "", computed: "unknown", difference: "",
                    cells: equation.terms.map { mention($0.cell, in: report) }, subject: equation.total.path)))
        return true
    }

    /// A derived count below zero, reported at the last stated value that went into it. When every input was
    /// itself derived, the same problem is already reported one level down (in the column it came from).
    /// `derivations`: the places in `program` of the equations that derived a total.
    static func checkDerivedNonNegative(_ derivations: [Int], of program: SumProgram, rule: Rule, in report: inout Report) {
        for place in derivations {
            guard let computed = report.cells.integer(dense: program.totals[place]), computed < 0 else { continue }
            let equation = program.equations[place]
            let cell = equation.total
            let anchor = equation.terms.compactMap { report.cells.statedRange($0.cell) }.max { $0.start < $1.start }
            guard let anchor else { continue }
            let edition = report.edition
            report.findings.append(
                Diagnostic(
                    code: rule.id, severity: rule.severity,
                    message: "不符合“\(rule.title)”：「\(cell.label(edition))」算得 \(computed)（\(termsText(equation, in: report))），办理的比收到的多",
                    range: anchor,
                    notes: contributingNotes(equation, in: report).filter { $0.range != anchor },
                    arithmetic: .init(
                        stated: "", computed: String(computed), difference: "", cells: equation.terms.map { mention($0.cell, in: report) },
                        subject: cell.path, subjectCell: cell.key)))
        }
    }

    static func checkAtLeast(_ larger: CellID, _ smaller: CellID, rule: Rule, in report: inout Report) {
        // Asked in place first: nearly every report has no unknown cell (the arrays below were most of this check).
        if report.cells.isUnknown(larger) || report.cells.isUnknown(smaller) {
            let unknown = [larger, smaller].filter { report.cells.isUnknown($0) }
            let first = unknown[0]
            if report.recordsRuleInstances { report.ruleInstances.append(RuleInstance(rule: rule.id.rawValue, subject: larger.path, status: .notAssessable, range: report.cells.statedRange(first))) }
            let names = unknown.map { "「\($0.label(report.edition))」" }.joined(separator: "、")
            report.findings.append(
                Diagnostic(
                    code: rule.id, severity: .note, message: "无法判断“\(rule.title)”：\(names)不详，既不算成立也不算不成立",
                    range: report.cells.statedRange(first)))
            return
        }
        let big = report.count(larger), small = report.count(smaller)
        guard report.cells.contains(larger) || report.cells.contains(smaller) else { return }
        if report.recordsRuleInstances {
            report.ruleInstances.append(
                RuleInstance(
                    rule: rule.id.rawValue, subject: larger.path, status: big < small ? .fail : .pass,
                    range: report.cells.statedRange(larger) ?? report.cells.statedRange(smaller)))
        }
        guard big < small else { return }
        let edition = report.edition
        let cells = [larger, smaller].map { mention($0, in: report) }
        report.findings.append(
            Diagnostic(
                code: rule.id, severity: rule.severity,
                message: "不符合“\(rule.title)”：「\(larger.label(edition))」为 \(big)，少于「\(smaller.label(edition))」\(small)；请核对",
                range: report.cells.statedRange(larger) ?? report.cells.statedRange(smaller),
                arithmetic: .init(stated: String(big), computed: "≥ \(small)", difference: ExactDifference.text(big, small), cells: cells, subject: larger.path, subjectCell: larger.key)))
    }

    static func checkAnnouncedParts(rule: Rule, in report: inout Report) {
        guard let announced = report.header.announcedParts else { return }
        let actual = report.sections.count
        if report.recordsRuleInstances { report.ruleInstances.append(RuleInstance(rule: rule.id.rawValue, subject: "parts", status: announced == actual ? .pass : .fail, range: report.header.announcedPartsRange)) }
        guard announced != actual else { return }
        let titles = report.sections.enumerated().map { "\(ChineseNumeral.of($0.offset + 1))、\($0.element.title)" }
        report.findings.append(
            Diagnostic(
                code: rule.id, severity: rule.severity,
                message: "不符合“\(rule.title)”：引言说报告由\(ChineseNumeral.of(announced))部分组成，实际有\(ChineseNumeral.of(actual))部分（\(titles.joined(separator: "；"))）",
                range: report.header.announcedPartsRange,
                notes: report.sections.compactMap { section in
                    guard case .local = section.kind, let range = section.range else { return nil }
                    return Diagnostic.Note("「\(section.title)」不是规定格式的六部分之一", at: range)
                },
                arithmetic: .init(stated: String(announced), computed: String(actual), difference: ExactDifference.text(announced, actual), cells: [])))
    }

    static func checkChannels(rule: Rule, in report: inout Report) {
        for channel in report.channels where !channel.categories.isEmpty {
            let sum = channel.categories.reduce(0) { $0 &+ $1.count }
            if report.recordsRuleInstances { report.ruleInstances.append(RuleInstance(rule: rule.id.rawValue, subject: "channel.\(channel.name)", status: sum == channel.count ? .pass : .fail, range: channel.range)) }
            guard sum != channel.count else { continue }
            let expression = channel.categories.map { String($0.count) }.joined(separator: " + ")
            let difference = ExactDifference.text(channel.count, sum)
            report.findings.append(
                Diagnostic(
                    code: rule.id, severity: rule.severity,
                    message: "不符合“\(rule.title)”：「\(channel.name)」写的是 \(channel.count) 条，各类别相加为 \(sum)（\(expression)），相差 \(difference)",
                    range: channel.range,
                    notes: [Diagnostic.Note("类别从这里开始", at: channel.categories[0].range)],
                    arithmetic: .init(
                        stated: String(channel.count), computed: String(sum), difference: difference,
                        cells: channel.categories.map { .init(label: $0.name, value: String($0.count), range: $0.range) })))
        }
    }

    /// "48 + 15 − 5": signed values as a sum, the way the findings print them (also across years).
    static func signedSum(_ values: [(sign: Int, value: Int)]) -> String {
        var text = ""
        for (index, term) in values.enumerated() {
            if index == 0 {
                text += term.sign < 0 ? "−\(term.value)" : "\(term.value)"
            } else {
                text += term.sign < 0 ? " − \(term.value)" : " + \(term.value)"
            }
        }
        return text
    }

    /// A cell as it takes part in a finding: label, value, where it was stated, and its path.
    static func mention(_ id: CellID, in report: Report) -> Diagnostic.Arithmetic.Cell {
        Diagnostic.Arithmetic.Cell(label: id.label(report.edition), value: report.cells[id]?.printedValue ?? report[id].description, range: report.cells.statedRange(id), path: id.path, cell: id.key)
    }

    /// "0 + 2 − 1": the terms as numbers, in the equation's order. Long sums list only their non-zero
    /// terms, so a 21-row total reads "1，其余为 0" rather than twenty zeros.
    static func termsText(_ equation: Equation, in report: Report) -> String {
        let values = equation.terms.map { (sign: $0.sign, value: report.count($0.cell)) }
        let shown = values.count > 4 ? values.filter { $0.value != 0 } : values
        if shown.isEmpty { return "各项均为 0" }
        let text = signedSum(shown)
        return shown.count < values.count ? text + "，其余为 0" : text
    }

    /// Notes pointing at each stated, non-zero value that went into the sum.
    static func contributingNotes(_ equation: Equation, in report: Report) -> [Diagnostic.Note] {
        equation.terms.compactMap { term in
            guard let cell = report.cells[term.cell], let range = cell.statedRange, cell.value != .integer(0) else { return nil }
            return Diagnostic.Note("「\(term.cell.label(report.edition))」= \(cell.value)", at: range)
        }
    }
}

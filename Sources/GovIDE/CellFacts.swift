import GovLanguage
import GovReport

/// What a clerk wants to know about one cell of the official tables: its label, its value and where the value
/// came from, and the rules it takes part in — all read from the evaluated report and the rule table.
struct CellFacts {
    let cell: CellID
    let report: Report
    let sources: SourceManager

    var markdown: String {
        var lines = ["**\(cell.label(report.edition))**", "", "`\(cell.path)` = **\(report.printed(cell))**（\(origin)）"]
        var rules = CellFacts.rules(involving: cell, in: report.edition).map { "- \($0.id)（\($0.severity.rawValue)）\($0.title)" }
        // Across years only when the script names last year's report (as `gov check` does).
        if report.header.previous != nil {
            rules += CellFacts.crossYearRules(involving: cell, in: report.edition).map { "- \($0.id)（\($0.severity.rawValue)）\($0.title)" }
        }
        if !rules.isEmpty {
            lines.append("")
            lines.append("规则 · rules:")
            lines += rules
        }
        return lines.joined(separator: "\n")
    }

    /// The cross-year rules in which this year's cell takes part, for last year in either format.
    static func crossYearRules(involving cell: CellID, in edition: FormatEdition) -> [CrossYearRule] {
        CrossYearTable.rules.filter { rule in
            FormatEdition.allCases.contains { last in
                rule.equations(last, edition).contains { equation in
                    equation.target == cell || equation.terms.contains { $0.year == .this && $0.cell == cell }
                }
            }
        }
    }

    /// Stated (with its line), derived (by which rule), or blank (not written: counts as 0).
    private var origin: String {
        switch report.cells[cell]?.origin {
        case .stated(let range)?:
            let location = sources.location(range)
            return "填写于第 \(location.line) 行 · stated"
        case .derived(let rule)?:
            return "由规则 \(rule) 推算 · derived"
        case nil:
            return "未填写，按 0 计 · blank"
        }
    }

    /// The rules whose equations or comparisons name the cell, each once, in the table's order.
    static func rules(involving cell: CellID, in edition: FormatEdition) -> [Rule] {
        var seen = Set<DiagnosticCode>()
        return RuleTable.rules.filter { rule in
            let involved: Bool
            switch rule.kind {
            case .sum(_, let equations):
                involved = equations(edition).contains { $0.total == cell || $0.terms.contains { $0.cell == cell } }
            case .atLeast(let pairs):
                involved = pairs(edition).contains { $0.larger == cell || $0.smaller == cell }
            case .nonNegative:
                involved = true
            case .announcedParts, .channelBreakdown:
                involved = false
            }
            return involved && seen.insert(rule.id).inserted
        }
    }

    /// The cell a path written in the language names (`application.new`, `申请.本年新收.自然人`), when it
    /// names one in the report's format.
    static func cell(named names: [Name], edition: FormatEdition) -> CellID? {
        guard let head = names.first.flatMap({ Keyword(spelling: $0.text) }) else { return nil }
        let rest = names.dropFirst().map(\.text)
        switch (head, rest.count) {
        case (.application, 1), (.application, 2):
            guard let row = ApplicationRow.named(rest[0]) else { return nil }
            let column = rest.count == 2 ? Applicant.named(rest[1]) : .all
            return column.map { .application(row, $0) }
        case (.proactive, 2):
            guard let item = DisclosureItem.named(rest[0]), let column = DisclosureColumn.named(rest[1]) else { return nil }
            return .disclosure(item, column)
        case (.review, 1):
            return AppealOutcome.named(rest[0]).map { .appeal(.review, $0) }
        case (.lawsuit, 2):
            guard let block = AppealBlock.named(rest[0]), let outcome = AppealOutcome.named(rest[1]) else { return nil }
            return .appeal(block, outcome)
        default:
            return nil
        }
    }
}

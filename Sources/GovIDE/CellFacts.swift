import GovLanguage
import GovReport

/// What a clerk wants to know about one cell of the official tables: its label, its value and where the value
/// came from, and the rules it takes part in — all read from the evaluated report and the rule table.
struct CellFacts {
    let cell: CellID
    let report: Report
    let sources: SourceManager

    var markdown: String {
        var lines = ["**\(cell.label(report.edition))**", "", "`\(cell.path)` = **\(shownValue)**（\(origin)）"]
        var rules = CellFacts.rules(involving: cell, in: report.applicationSpec).map { "- \($0.id)（\($0.severity.rawValue)）\($0.title)" }
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

    /// The number, or the mark a cell was stated with (`空白` printed empty, `不详` unreadable).
    private var shownValue: String {
        report.cells[cell]?.mark.map { "\($0.chinese) \($0.rawValue)" } ?? report.printed(cell)
    }

    /// Stated (with its line; blank counts as 0, unknown makes the rules that need it not assessable),
    /// derived (by which rule), or never written (counts as 0).
    private var origin: String {
        switch report.cells[cell]?.origin {
        case .stated(let range)?:
            let location = sources.location(range)
            switch report.cells[cell]?.mark {
            case .blank?: return "第 \(location.line) 行写明空白，按 0 计 · stated blank"
            case .unknown?: return "第 \(location.line) 行写明不详，用到它的规则无法核对 · stated unknown"
            case nil: return "填写于第 \(location.line) 行 · stated"
            }
        case .derived(let rule)?:
            return "由规则 \(rule) 推算 · derived"
        case nil:
            return "未填写，按 0 计 · blank"
        }
    }

    /// The rules whose equations or comparisons name the cell, each once, in the table's order.
    static func rules(involving cell: CellID, in spec: ApplicationTableSpec) -> [Rule] {
        var seen = Set<DiagnosticCode>()
        return RuleTable.rules.filter { rule in
            let involved: Bool
            switch rule.kind {
            case .sum(_, let equations):
                involved = equations(spec).contains { $0.total == cell || $0.terms.contains { $0.cell == cell } }
            case .atLeast(let pairs):
                involved = pairs(spec.edition).contains { $0.larger == cell || $0.smaller == cell }
            case .nonNegative:
                involved = true
            case .announcedParts, .channelBreakdown:
                involved = false
            }
            return involved && seen.insert(rule.id).inserted
        }
    }

    /// The cell a path written in the language names (`application.new`, `申请.本年新收.自然人`), read through
    /// the table statement's declaration of its path, as the evaluator reads it.
    static func cell(named names: [Name]) -> CellID? {
        guard let head = names.first.flatMap({ Keyword(spelling: $0.text) }), let statement = TableStatement.of(head) else { return nil }
        let segments = names.dropFirst()
        guard segments.count >= statement.requiredSegments, segments.count <= statement.path.count else { return nil }
        var raw: [Int?] = []
        for (slot, name) in zip(statement.path, segments) {
            guard let value = slot.lookup(name.text) else { return nil }
            raw.append(value)
        }
        raw += [Int?](repeating: nil, count: statement.path.count - segments.count)
        return statement.cell(path: raw)
    }

    /// A selector of a table statement (`business`, `regulations`, `direct`): what it chooses.
    static func selector(_ name: Name, of keyword: Keyword) -> String? {
        guard let slot = TableStatement.of(keyword)?.selector.slot, let raw = slot.lookup(name.text),
            let choice = slot.all.first(where: { $0.rawValue == raw })
        else { return nil }
        return "**\(([choice.english] + choice.chinese).joined(separator: " · "))** — \(slot.what) · \(slot.helpTitle)"
    }
}

import GovLanguage

/// One consistency rule of the official format, as data: an id from shared/reference/consistency-rules.md,
/// a severity, a title in the words of the format, and what it relates. One checker (`RuleChecker`) reads
/// the table; no rule is an if-statement of its own.
/// A class: the checker walks every rule of the table for every report, and a struct of strings and closures
/// was retained and released field by field at each step (callgrind).
package final class Rule: Sendable {
    package let id: DiagnosticCode
    package let severity: Severity
    package let title: String
    package let kind: Kind
    /// Applied only where at least one part was stated: the single （六）其他处理 row of a report that never
    /// printed its three sub-rows is not checked against them.
    package let needsStatedPart: Bool

    package init(id: DiagnosticCode, severity: Severity, title: String, kind: Kind, needsStatedPart: Bool = false) {
        self.id = id
        self.severity = severity
        self.title = title
        self.kind = kind
        self.needsStatedPart = needsStatedPart
    }

    package enum Kind: Sendable {
        /// `total = Σ sign·part` for every equation the table's shape gives. A stated total is checked; a
        /// blank one is derived. `parts` names the right-hand side in words ("各类申请人之和").
        case sum(parts: String, equations: @Sendable (ApplicationTableSpec) -> [Equation])
        /// `larger ≥ smaller` (a soft rule).
        case atLeast(@Sendable (FormatEdition) -> [(larger: CellID, smaller: CellID)])
        /// The number of parts the introduction announces equals the number of sections (C3).
        case announcedParts
        /// A channel's categories add up to the channel's count (C4).
        case channelBreakdown
        /// No count is negative (A4). A stated negative count is refused where it is read; this checks the
        /// derived ones, such as a 结转下年度 computed from more results than applications.
        case nonNegative
    }
}

/// `total = Σ sign·cell`, one instance of a sum rule. A class: the equations are made once per table shape
/// and shared by every report, and a copy is then one reference (a struct's copy retained each array).
package final class Equation: Sendable {
    package let total: CellID
    package let terms: [(sign: Int, cell: CellID)]
    /// `total`'s and the terms' places in a `CellStore` (`CellID.denseIndex`), found once: the equations
    /// are made once per table shape and applied to every report (finding each cell's place from its
    /// `CellID` at every use was a third of applying a sum; callgrind).
    let totalIndex: Int
    let termIndices: [(sign: Int, index: Int)]

    package init(total: CellID, terms: [(sign: Int, cell: CellID)]) {
        self.total = total
        self.terms = terms
        totalIndex = total.denseIndex
        termIndices = terms.map { ($0.sign, $0.cell.denseIndex) }
    }

    package convenience init(total: CellID, adding cells: [CellID]) {
        self.init(total: total, terms: cells.map { (1, $0) })
    }
}

/// The rule table. Order matters: each sum's total is final before any later rule reads it, so the table is
/// also the derivation order (row totals, then the 总计 row, then 结转下年度, then the remaining checks).
package enum RuleTable {
    package static let rules: [Rule] = [
        Rule(
            id: "A3", severity: .error, title: "每一行的总计等于各类申请人之和",
            kind: .sum(parts: "自然人与各类法人或其他组织之和") { spec in
                // Every row the format has (the sub-rows of （六） too, when stated under a single row).
                ApplicationTableSpec.of(spec.edition).rows.filter { $0 != .total && $0 != .forward }.map(rowTotal)
            }),
        Rule(
            id: "A2", severity: .error, title: "（六）其他处理等于其下三项之和",
            kind: .sum(parts: "（六）其他处理下三项之和") { spec in
                guard spec.otherAsOneRow else { return [] }
                return Applicant.allCases.map { column in
                    Equation(total: .application(.otherTotal, column), adding: ApplicationTableSpec.otherHandling.map { .application($0, column) })
                } + [rowTotal(.otherTotal)]
            }, needsStatedPart: true),
        Rule(
            id: "A3", severity: .error, title: "每一行的总计等于各类申请人之和",
            kind: .sum(parts: "自然人与各类法人或其他组织之和") { spec in spec.otherAsOneRow ? [rowTotal(.otherTotal)] : [] }),
        Rule(
            id: "A2", severity: .error, title: "（七）总计等于各项办理结果之和",
            kind: .sum(parts: "三、本年度办理结果各项之和") { spec in
                return Applicant.allCases.map { column in
                    Equation(total: .application(.total, column), adding: spec.resultRows.map { .application($0, column) })
                }
            }),
        Rule(
            id: "A1", severity: .error, title: "第一项加第二项之和，等于第三项加第四项之和",
            kind: .sum(parts: "第一项加第二项、减第三项") { _ in
                Applicant.allCases.map { column in
                    Equation(
                        total: .application(.forward, column),
                        terms: [(1, .application(.new, column)), (1, .application(.carried, column)), (-1, .application(.total, column))])
                }
            }),
        Rule(
            id: "A3", severity: .error, title: "每一行的总计等于各类申请人之和",
            kind: .sum(parts: "自然人与各类法人或其他组织之和") { _ in [rowTotal(.total), rowTotal(.forward)] }),
        Rule(id: "B1", severity: .error, title: "行政复议：总计等于各项结果之和", kind: .sum(parts: "结果维持、结果纠正、其他结果与尚未审结之和") { _ in [blockTotal(.review)] }),
        Rule(id: "B2", severity: .error, title: "行政诉讼（未经复议直接起诉）：总计等于各项结果之和", kind: .sum(parts: "结果维持、结果纠正、其他结果与尚未审结之和") { _ in [blockTotal(.direct)] }),
        Rule(id: "B3", severity: .error, title: "行政诉讼（复议后起诉）：总计等于各项结果之和", kind: .sum(parts: "结果维持、结果纠正、其他结果与尚未审结之和") { _ in [blockTotal(.afterReview)] }),
        Rule(
            id: "B5", severity: .warning, title: "现行有效件数一般不少于本年制发件数",
            kind: .atLeast { edition in
                edition == .y2019 ? [] : [DisclosureItem.regulations, .normative].map {
                    (larger: CellID.disclosure($0, .effective), smaller: CellID.disclosure($0, .issued))
                }
            }),
        Rule(id: "C3", severity: .warning, title: "引言所说的部分数等于报告实际的部分数", kind: .announcedParts),
        Rule(id: "C4", severity: .warning, title: "分类条数之和等于该渠道公开总数", kind: .channelBreakdown),
        Rule(id: "A4", severity: .error, title: "各项数量都是非负整数", kind: .nonNegative),
    ]

    /// The rule with an id (the first entry, for ids that appear twice in the derivation order).
    package static func rule(_ id: DiagnosticCode) -> Rule? { rules.first { $0.id == id } }

    static func rowTotal(_ row: ApplicationRow) -> Equation {
        Equation(total: .application(row, .all), adding: Applicant.counted.map { .application(row, $0) })
    }

    static func blockTotal(_ block: AppealBlock) -> Equation {
        Equation(total: .appeal(block, .total), adding: AppealOutcome.parts.map { .appeal(block, $0) })
    }

    /// Each sum rule's equations for each shape of table 2, instantiated once per process (rules are
    /// checked for every report; the equations never change).
    private static let instantiatedByShape: [[[Equation]]] = ApplicationTableSpec.all.map { spec in
        rules.map { rule in
            if case .sum(_, let equations) = rule.kind { return equations(spec) }
            return []
        }
    }

    /// The equations of every rule (empty for rules that are not sums) for a table shape.
    package static func instantiated(_ spec: ApplicationTableSpec) -> [[Equation]] {
        instantiatedByShape[ApplicationTableSpec.shape(spec.edition, otherAsOneRow: spec.otherAsOneRow)]
    }

    /// The same equations laid out flat (`SumProgram`), one program per shape, in `ApplicationTableSpec.all`'s order.
    static let programs: [SumProgram] = instantiatedByShape.map(SumProgram.init)
    /// The most totals any table shape's sums may derive: room a report's cells keep for them.
    static let mostTotals = programs.map(\.totals.count).max() ?? 0

    /// The program for a table shape: the format's, and whether （六）其他处理 is printed as one row.
    static func program(_ edition: FormatEdition, otherAsOneRow: Bool) -> SumProgram {
        programs[ApplicationTableSpec.shape(edition, otherAsOneRow: otherAsOneRow)]
    }

    /// One entry per rule id, for documentation and `--help`.
    package static var distinct: [Rule] {
        var seen = Set<DiagnosticCode>()
        return rules.filter { seen.insert($0.id).inserted }
    }
}

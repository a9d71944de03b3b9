import GovLanguage

/// A rule between a report and the same body's report of the year before, as data (ids from
/// shared/reference/consistency-rules.md §5). One checker (`CrossYearChecker`) reads the table, and
/// `gov new --from` reads it to carry last year's numbers into next year's script.
package struct CrossYearRule: Sendable {
    package let id: DiagnosticCode
    package let severity: Severity
    package let title: String
    /// What last year's report gives, in words, after "按上年报告": "的结转下年度继续办理".
    package let parts: String
    /// How `gov new --from` explains a number it carries by this rule (last year, the number).
    package let carryNote: @Sendable (_ lastYear: Int, _ value: Int) -> String
    /// The equations for a pair of formats (last year's, this year's); none where the rule does not apply
    /// to that pair. Across the 2020→2021 change of format only D1 does: the columns D2–D4 chain through
    /// changed (§5 D5).
    package let equations: @Sendable (_ last: FormatEdition, _ this: FormatEdition) -> [YearEquation]
}

/// `target (this year) = Σ sign · cell (of last year's or this year's report)`.
package struct YearEquation: Sendable {
    package enum Year: Sendable { case last, this }

    package struct Term: Sendable {
        package let sign: Int
        package let year: Year
        package let cell: CellID
    }

    package let target: CellID
    package let terms: [Term]

    package init(target: CellID, terms: [(Int, Year, CellID)]) {
        self.target = target
        self.terms = terms.map { Term(sign: $0.0, year: $0.1, cell: $0.2) }
    }
}

package enum CrossYearTable {
    package static let rules: [CrossYearRule] = [
        CrossYearRule(
            id: "D1", severity: .error, title: "上年结转等于上一年度报告的结转下年度继续办理", parts: "的结转下年度继续办理",
            carryNote: { year, _ in "由 \(year) 年的结转下年度继续办理结转" },
            equations: { _, _ in
                Applicant.allCases.map { column in
                    YearEquation(target: .application(.carried, column), terms: [(1, .last, .application(.forward, column))])
                }
            }),
        CrossYearRule(
            id: "D2", severity: .warning, title: "上一年项目数量等于上一年度报告的上一年项目数量加本年增/减", parts: "的上一年项目数量加本年增/减",
            carryNote: { year, _ in "上一年项目数量 = \(year) 年的上一年项目数量加本年增/减" },
            equations: { last, this in
                guard last == .y2019, this == .y2019 else { return [] }
                return [DisclosureItem.licensing, .services, .penalty, .coercion, .fees].map { item in
                    YearEquation(
                        target: .disclosure(item, .previous),
                        terms: [(1, .last, .disclosure(item, .previous)), (1, .last, .disclosure(item, .change))])
                }
            }),
        CrossYearRule(
            id: "D3", severity: .warning, title: "对外公开总数量等于上一年度的对外公开总数量加本年新公开数量", parts: "的对外公开总数量加本年新公开数量",
            carryNote: { year, value in "对外公开总数量从 \(year) 年的 \(value) 起算，请加上本年新公开数量" },
            equations: { last, this in
                guard last == .y2019, this == .y2019 else { return [] }
                return [DisclosureItem.regulations, .normative].map { item in
                    YearEquation(
                        target: .disclosure(item, .total),
                        terms: [(1, .last, .disclosure(item, .total)), (1, .this, .disclosure(item, .published))])
                }
            }),
        CrossYearRule(
            id: "D4", severity: .warning, title: "现行有效件数等于上一年度的现行有效件数加本年制发件数、减本年废止件数",
            parts: "的现行有效件数加本年制发件数、减本年废止件数",
            carryNote: { year, value in "现行有效件数从 \(year) 年的 \(value) 起算，请加上本年制发、减去本年废止" },
            equations: { last, this in
                guard last == .y2021, this == .y2021 else { return [] }
                return [DisclosureItem.regulations, .normative].map { item in
                    YearEquation(
                        target: .disclosure(item, .effective),
                        terms: [
                            (1, .last, .disclosure(item, .effective)), (1, .this, .disclosure(item, .issued)),
                            (-1, .this, .disclosure(item, .repealed)),
                        ])
                }
            }),
    ]

    package static func rule(_ id: DiagnosticCode) -> CrossYearRule? { rules.first { $0.id == id } }
}

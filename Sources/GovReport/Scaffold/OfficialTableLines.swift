import Foundation
import GovLanguage

/// The three official tables as script lines: every cell a script states (totals are left to the rules
/// that derive them), each line with a comment giving the official labels. `gov new` fills them with 0 or
/// last year's carried numbers, `gov sum` with sums.
struct OfficialTableLines {
    let edition: FormatEdition
    let language: KeywordLanguage
    /// The number to write in a cell.
    let value: (CellID) -> Number
    /// A remark added to the comment of the line that holds the cell (why it is not 0).
    let remark: (CellID) -> String?

    /// The cells a script states, in table order: table 1 whole; table 2 without its 总计 column, （七）总计
    /// and 四、结转下年度 (rules A1–A3 derive them); table 3 without its 总计 (B1–B3).
    static func statedCells(_ edition: FormatEdition) -> [CellID] {
        OfficialTable.allCases.flatMap { $0.cells(edition) }.filter(\.isStated).map(\.id)
    }

    func lines(for section: OfficialSection) -> [String] {
        switch section {
        case .proactive: return proactive()
        case .applications: return applications()
        case .appeals: return appeals()
        default: return []
        }
    }

    private func proactive() -> [String] {
        var lines: [String] = []
        for group in DisclosureGroup.of(edition) {
            lines.append("# \(group.title)")
            for item in group.items {
                let cells = group.columns.map { CellID.disclosure(item, $0) }
                let pairs = group.columns.map { "\(spell($0)) \(literal(.disclosure(item, $0)))" }
                let labels = group.columns.map { $0.label(edition) }.joined(separator: " / ")
                lines.append(
                    "\(language.spell(.proactive)) \(spell(item)) \(pairs.joined(separator: " "))"
                        + comment("\(item.label(edition))：\(labels)", cells))
            }
        }
        return lines
    }

    private func applications() -> [String] {
        let spec = ApplicationTableSpec.of(edition)
        let rows = spec.rows.filter { $0 != .total && $0 != .forward }
        var lines = ["# 每类申请人一组。各行的“总计”列、（七）总计和四、结转下年度继续办理由 gov 推算，不必填写。"]
        let headings = applicantHeadings
        for applicant in Applicant.counted {
            lines.append("# 申请人：" + headings[applicant, default: [applicant.label]].joined(separator: " / "))
            for row in rows {
                let cell = CellID.application(row, applicant)
                let group = spec.groups.first { $0.rows.contains(row) }.map { "\($0.label) / " } ?? ""
                lines.append(
                    "\(language.spell(.application)) \(spell(applicant)) \(spell(row)) \(literal(cell))"
                        + comment(group + row.label(edition), [cell]))
            }
        }
        return lines
    }

    /// Each applicant column by the bands above it, under 申请人情况 (法人或其他组织 / 商业企业).
    private var applicantHeadings: [Applicant: [String]] {
        Dictionary(Applicant.headings.paths.map { ($0.column, Array($0.headings.dropFirst())) }, uniquingKeysWith: { first, _ in first })
    }

    private func appeals() -> [String] {
        AppealBlock.allCases.map { block in
            let cells = AppealOutcome.parts.map { CellID.appeal(block, $0) }
            let pairs = AppealOutcome.parts.map { "\(spell($0)) \(literal(.appeal(block, $0)))" }.joined(separator: " ")
            let labels = AppealOutcome.parts.map(\.label).joined(separator: " / ")
            let head = block == .review ? language.spell(.review) : "\(language.spell(.lawsuit)) \(spell(block))"
            let title = block.headingPath.joined(separator: " / ")
            return "\(head) \(pairs)" + comment("\(title)：\(labels)（总计由 gov 推算）", cells)
        }
    }

    // MARK: - Spelling

    private func comment(_ labels: String, _ cells: [CellID]) -> String {
        let remarks = cells.compactMap(remark)
        return "  # " + ([labels] + remarks).joined(separator: "；")
    }

    /// A number as a script writes it: a positive 本年增/减 with its sign, an amount as its decimal text.
    private func literal(_ cell: CellID) -> String { cell.printed(value(cell)) }

    private func spell<T: Term>(_ term: T) -> String {
        guard language == .chinese else { return term.english }
        // 行政规范性文件 in the 2021 format: print the spelling that is the row's label when it is one.
        if let item = term as? DisclosureItem, item.chinese.contains(item.label(edition)) { return item.label(edition) }
        return term.chinese[0]
    }
}

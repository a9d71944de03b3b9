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

    /// The table's statement lines (`StatementLine`, one walk over the declarations), each with a comment
    /// of its official labels, under the table's group headings.
    func lines(for section: OfficialSection) -> [String] {
        guard let table = OfficialTable.printed(in: section) else { return [] }
        var lines = preamble(table)
        var heading: String?
        for line in table.statementLines(edition) {
            if let next = self.heading(above: line), next != heading {
                lines.append("# " + next)
                heading = next
            }
            lines.append(text(of: line) + comment(labels(of: line), line.cells.map(\.id)))
        }
        return lines
    }

    /// A statement line as a script writes it: keyword, selector, then each name with its value.
    private func text(of line: StatementLine) -> String {
        var words = [language.spell(line.statement.keyword)]
        if let selector = line.selector, let row = line.cells.first?.rowLabel { words.append(spell(selector, label: row)) }
        for name in line.names { words += [spell(name.term), literal(name.cell.id)] }
        return words.joined(separator: " ")
    }

    // MARK: - Comments (the tables' own wording; the cells and labels come from the declarations)

    private func preamble(_ table: OfficialTable) -> [String] {
        table == .applications ? ["# 每类申请人一组。各行的“总计”列、（七）总计和四、结转下年度继续办理由 gov 推算，不必填写。"] : []
    }

    /// The heading of the run of lines a line belongs to: table 1's group, table 2's applicant.
    private func heading(above line: StatementLine) -> String? {
        guard let cell = line.cells.first?.id else { return nil }
        switch cell {
        case .disclosure(let item, _): return DisclosureGroup.of(edition).first { $0.items.contains(item) }?.title
        case .application(_, let applicant): return "申请人：" + applicantHeadings[applicant, default: [applicant.label]].joined(separator: " / ")
        case .appeal: return nil
        }
    }

    /// The official labels of a line: its row (with the bands above it), then the columns it states.
    private func labels(of line: StatementLine) -> String {
        guard let first = line.cells.first else { return "" }
        switch first.id {
        case .disclosure:
            return "\(first.rowLabel)：" + line.cells.map(\.columnLabel).joined(separator: " / ")
        case .application(let row, _):
            let group = ApplicationTableSpec.of(edition).groups.first { $0.rows.contains(row) }.map { "\($0.label) / " } ?? ""
            return group + first.rowLabel
        case .appeal(let block, _):
            return block.headingPath.joined(separator: " / ") + "：" + line.cells.map(\.columnLabel).joined(separator: " / ") + "（总计由 gov 推算）"
        }
    }

    /// A line's comment: its labels, then the remarks on its cells (why a number is not 0).
    private func comment(_ labels: String, _ cells: [CellID]) -> String {
        let remarks = cells.compactMap(remark)
        return "  # " + ([labels] + remarks).joined(separator: "；")
    }

    /// Each applicant column by the bands above it, under 申请人情况 (法人或其他组织 / 商业企业).
    private var applicantHeadings: [Applicant: [String]] {
        Dictionary(Applicant.headings.paths.map { ($0.column, Array($0.headings.dropFirst())) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: - Spelling

    /// A number as a script writes it: a positive 本年增/减 with its sign, an amount as its decimal text.
    private func literal(_ cell: CellID) -> String { cell.printed(value(cell)) }

    /// A term as the script's keyword language spells it: in Chinese, its first spelling. A selector that
    /// names the line's row (table 1's items) is spelled as the row's label in this format when that label
    /// is one of its spellings (行政规范性文件 in the 2021 format, 规范性文件 in 2019); names keep their
    /// first, shorter spelling (维持, not the label 结果维持).
    private func spell(_ term: TermSlot.Choice, label: String? = nil) -> String {
        guard language == .chinese else { return term.english }
        if let label, term.chinese.contains(label) { return label }
        return term.chinese.first ?? term.english
    }
}

import GovLanguage
import GovReport

/// Lays a checked report out as a document in the official order: title, introduction, the numbered
/// sections (each with its paragraphs, then its official table), and the sign-off.
public enum LayoutBuilder {
    public static func document(for report: Report) -> Document {
        var localCount = 0
        var blocks = blocksOf(report.introduction, localTables: &localCount)
        var sections: [LayoutSection] = []
        for (index, section) in report.sections.enumerated() {
            let start = blocks.count
            blocks.append(.heading(level: 1, text: "\(ChineseNumeral.of(index + 1))、\(section.title)"))
            blocks += blocksOf(section.blocks, localTables: &localCount)
            if case .official(let official) = section.kind, let table = OfficialTableLayout.table(for: official, in: report) {
                blocks.append(.table(table))
            }
            sections.append(LayoutSection(number: index + 1, kind: section.kind, title: section.title, blocks: start..<blocks.count))
        }
        var signoff: [String] = []
        if let body = report.header.signoffBody ?? (report.header.body.isEmpty ? nil : report.header.body) { signoff.append(body) }
        if let date = report.header.signoffDate ?? report.header.published { signoff.append(date.chinese) }
        return Document(title: report.header.title, blocks: blocks, signoff: signoff, sections: sections)
    }

    /// Local tables are numbered in document order, so each gets a stable id.
    private static func blocksOf(_ blocks: [Block], localTables count: inout Int) -> [LayoutBlock] {
        var result: [LayoutBlock] = []
        for block in blocks {
            switch block {
            case .heading(let text): result.append(.heading(level: 2, text: text))
            case .paragraph(let text): result.append(.paragraph(text))
            case .table(let table):
                count += 1
                result.append(.table(localLayout(table, id: .local(count))))
            }
        }
        return result
    }

    static func localLayout(_ table: LocalTable, id: TableID) -> LayoutTable {
        let width = max(table.columns.count, table.rows.map(\.count).max() ?? 0, 1)
        var rows: [[LayoutCell]] = []
        if !table.columns.isEmpty {
            rows.append(padded(table.columns.map { LayoutCell($0, role: .header) }, to: width))
        }
        for row in table.rows {
            let cells = row.enumerated().map { LayoutCell($0.element, role: $0.offset == 0 ? .label : .value) }
            rows.append(padded(cells, to: width))
        }
        return LayoutTable(
            id: id, title: table.title, columnCount: width, headerRows: table.columns.isEmpty ? 0 : 1, stubColumns: 1, rows: rows)
    }

    private static func padded(_ cells: [LayoutCell], to width: Int) -> [LayoutCell] {
        cells + Array(repeating: LayoutCell("", role: .value), count: max(0, width - cells.count))
    }
}

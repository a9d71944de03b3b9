import GovLanguage
import GovReport

/// Lays a checked report out as a document in the official order: title, introduction, the numbered
/// sections (each with its paragraphs, then its official table), and the sign-off.
package enum LayoutBuilder {
    package static func document(for report: Report) -> Document {
        var localCount = 0
        var blocks = blocksOf(report.introduction, localTables: &localCount)
        let introduction = 0..<blocks.count
        var sections: [LayoutSection] = []
        for (index, section) in report.sections.enumerated() {
            let start = blocks.count
            blocks.append(.heading(level: 1, text: "\(ChineseNumeral.of(index + 1))、\(section.title)"))
            blocks += blocksOf(section.blocks, localTables: &localCount)
            let written = start + 1..<blocks.count
            if case .official(let official) = section.kind, let table = OfficialTableLayout.table(for: official, in: report) {
                blocks.append(.table(table))
                if let note = unknownCellsNote(table, in: report) { blocks.append(.paragraph(note)) }
            }
            sections.append(
                LayoutSection(number: index + 1, kind: section.kind, title: section.title, blocks: start..<blocks.count, written: written))
        }
        return Document(
            title: report.header.title, blocks: blocks, signoff: signoff(report.header), sections: sections,
            introduction: introduction, header: LayoutHeader(report), channels: report.channels, findings: report.findings)
    }

    /// The lines under the report: the body and the date, unless the script says `signoff none`.
    private static func signoff(_ header: Header) -> [String] {
        guard header.hasSignoff else { return [] }
        var signoff: [String] = []
        if let body = header.signoffBody ?? (header.body.isEmpty ? nil : header.body) { signoff.append(body) }
        if let date = header.signoffDate ?? header.published { signoff.append(date.chinese) }
        return signoff
    }

    /// Local tables are numbered in document order, so each gets a stable id.
    private static func blocksOf(_ blocks: [Block], localTables count: inout Int) -> [LayoutBlock] {
        var result: [LayoutBlock] = []
        for block in blocks {
            switch block {
            case .heading(let text): result.append(.heading(level: 2, text: text))
            case .paragraph(let text): result.append(.paragraph(text))
            case .leadParagraph(let lead, let text): result.append(.leadParagraph(lead: lead, text: text))
            case .table(let table):
                count += 1
                result.append(.table(localLayout(table, id: .local(count))))
            }
        }
        return result
    }

    /// The footnote under a table with unreadable cells: what the mark means and which cells carry it.
    static func unknownCellsNote(_ table: LayoutTable, in report: Report) -> String? {
        // The cells are read in place: flattening the rows copied every cell of the table, and reading a
        // whole `Cell` for one flag copied that too (130,000 instructions a report, callgrind).
        var unknownCount = 0
        var unreadable: [CellID] = []
        for row in table.rows {
            for cell in row {
                guard let id = cell.cell, report.cells.isUnknown(id) else { continue }
                unknownCount += 1
                if report.cells.statedRange(id) != nil { unreadable.append(id) }
            }
        }
        guard !unreadable.isEmpty else { return nil }
        let labels = unreadable.map { "「\($0.label(report.edition))」" }.joined(separator: "、")
        let derived = unknownCount > unreadable.count ? "；由它推算的合计也无法确定，同样标 \(Report.unknownMark)" : ""
        return "注：\(Report.unknownMark) 表示原表此处无法辨认（不详）：\(labels)\(derived)。"
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
        var filler = LayoutCell("", role: .value)
        filler.isFiller = true
        return cells + Array(repeating: filler, count: max(0, width - cells.count))
    }
}

import GovLanguage
import GovReport

/// The tables as data. Two layouts: one long file (`table,row,column,label,value`, a row per cell of every
/// official and local table), or one file per table as the table reads (merged cells flattened as
/// `FlatTable` documents). RFC 4180 quoting; optionally a UTF-8 BOM so Excel opens Chinese text correctly.
package struct CSVRenderer: Sendable {
    package var byteOrderMark: Bool

    package init(byteOrderMark: Bool = false) {
        self.byteOrderMark = byteOrderMark
    }

    /// A cell as data: as printed, except that an unreadable cell says `unknown` (the mark ※ is for print).
    private func value(_ entry: OfficialCellWalk.Entry) -> String {
        entry.data?.mark == .unknown ? CellMark.unknown.rawValue : entry.printed
    }

    package func long(_ document: Document) -> String {
        var rows: [[String]] = [["table", "row", "column", "label", "value"]]
        for entry in OfficialCellWalk.entries(document) {
            let cell = entry.declaration
            rows.append([entry.table.rawValue, cell.row, cell.column, cell.id.label(document.header.edition), value(entry)])
        }
        for table in localTables(document) {
            let headings = table.rows.first.map { $0.map(\.text) } ?? []
            for (index, row) in table.rows.enumerated() where index >= table.headerRows {
                for (column, cell) in row.enumerated() {
                    let heading = column < headings.count && table.headerRows > 0 ? headings[column] : String(column + 1)
                    rows.append([table.id.description, String(index - table.headerRows + 1), heading, table.title, cell.text])
                }
            }
        }
        return encode(rows)
    }

    /// One file per table: `disclosure.csv`, `applications.csv`, `appeals.csv`, `local-N.csv`.
    package func perTable(_ document: Document) -> [(name: String, text: String)] {
        var files: [(name: String, text: String)] = []
        for case .table(let table) in document.blocks {
            var rows: [[String]] = []
            for segment in table.flattened() {
                if table.id == .official(.disclosure) {
                    // Table 1's bands have different columns: as data it reads best one value a line.
                    if rows.isEmpty { rows.append(["项目", "信息内容", "栏目", "数值"]) }
                    for row in segment.rows {
                        for (index, value) in row.dropFirst().enumerated() {
                            let heading = index + 1 < segment.headings.count ? segment.headings[index + 1] : ""
                            rows.append([segment.caption ?? "", row.first ?? "", heading, value])
                        }
                    }
                } else {
                    if let caption = segment.caption, rows.isEmpty, table.id.isLocal { rows.append([caption]) }
                    if !segment.headings.isEmpty { rows.append(segment.headings) }
                    rows += segment.rows
                }
            }
            files.append(("\(table.id).csv", encode(rows)))
        }
        return files
    }

    private func localTables(_ document: Document) -> [LayoutTable] {
        document.blocks.compactMap { block in
            if case .table(let table) = block, table.id.isLocal { return table }
            return nil
        }
    }

    func encode(_ rows: [[String]]) -> String {
        (byteOrderMark ? "\u{FEFF}" : "") + rows.map { $0.map(CSVRenderer.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Quotes a field when needed. Text that a spreadsheet would run as a formula (`=…`, `+…`, `@…`, or
    /// `-…` that is not a number) is prefixed with an apostrophe.
    static func field(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@".contains(first), Double(text) == nil { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

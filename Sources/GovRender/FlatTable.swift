/// A table with its merged cells undone, for formats that cannot merge (Markdown, CSV): one label column
/// and plain value columns.
///
/// The documented flattening: a column's heading is every heading above it, outermost first, joined with
/// " · " (行政诉讼 · 复议后起诉 · 结果维持); a row's label is every label to its left, including those of
/// the groups it belongs to (三、本年度办理结果 · （三）不予公开 · 1.属于国家秘密); a cell that spans several
/// columns appears once. A heading row inside the body (table 1's 第二十条 bands and their 信息内容 rows)
/// starts a new segment with its own caption and headings.
package struct FlatTable: Sendable, Equatable {
    package var caption: String?
    /// The label column's heading (empty when the table has no label column), then one per value column.
    package var headings: [String]
    package var rows: [[String]]
    package var hasLabelColumn: Bool

    package static let joiner = " · "
}

extension LayoutTable {
    package func flattened() -> [FlatTable] {
        let placed = placements()
        var cover = Array(repeating: Array(repeating: LayoutCell?.none, count: columnCount), count: rows.count)
        for (r, row) in placed.enumerated() {
            for (c, cell) in row {
                for dr in 0..<max(1, cell.rowSpan) where r + dr < rows.count {
                    for dc in 0..<max(1, cell.colSpan) where c + dc < columnCount { cover[r + dr][c + dc] = cell }
                }
            }
        }
        let hasLabels = stubColumns > 0
        var segments: [FlatTable] = []
        var current = FlatTable(caption: nil, headings: [], rows: [], hasLabelColumn: hasLabels)

        if headerRows > 0 {
            var headings: [String] = []
            if hasLabels {
                let stub = cover[0][0]
                let isNote = (stub?.rowSpan ?? 1) > 1 || (stub?.colSpan ?? 1) > 1
                headings.append(isNote ? "" : stub?.text ?? "")
                if isNote { current.caption = stub?.text }
            }
            let valueColumns = columnCount - stubColumns
            for column in stubColumns..<columnCount {
                var path: [String] = []
                for r in 0..<headerRows {
                    guard let cell = cover[r][column], path.last != cell.text, !cell.text.isEmpty else { continue }
                    // A heading over every value column (申请人情况) says nothing about any one of them.
                    if cell.colSpan >= valueColumns, valueColumns > 1 { continue }
                    path.append(cell.text)
                }
                headings.append(path.joined(separator: FlatTable.joiner))
            }
            current.headings = headings
        }

        for (r, row) in placed.enumerated() where r >= headerRows {
            if row.allSatisfy({ $0.cell.role == .header }) {
                if row.count == 1, row[0].cell.colSpan == columnCount {
                    if !current.rows.isEmpty || !current.headings.isEmpty || current.caption != nil { segments.append(current) }
                    current = FlatTable(caption: row[0].cell.text, headings: [], rows: [], hasLabelColumn: hasLabels)
                } else {
                    if !current.rows.isEmpty {
                        segments.append(current)
                        current = FlatTable(caption: nil, headings: [], rows: [], hasLabelColumn: hasLabels)
                    }
                    current.headings = row.map(\.cell.text)
                }
                continue
            }
            var line: [String] = []
            if hasLabels {
                var labels: [String] = []
                for column in 0..<stubColumns {
                    guard let text = cover[r][column]?.text, labels.last != text else { continue }
                    labels.append(text)
                }
                line.append(labels.joined(separator: FlatTable.joiner))
            }
            line += row.filter { $0.column >= stubColumns }.map(\.cell.text)
            current.rows.append(line)
        }
        segments.append(current)
        return segments
    }
}

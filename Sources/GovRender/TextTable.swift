import GovLanguage

/// Lays a `LayoutTable` out for a terminal, aligned by display width (a CJK character is two columns).
///
/// A terminal cannot merge cells, so the merged structure is shown another way: the label columns fold into
/// one indented label column (a row-spanning group label becomes a line of its own), column headings show
/// their lowest level, and a table too wide for the page is cut into column bands, each captioned with the
/// heading it sits under (行政诉讼 · 复议后起诉).
struct TextTable {
    let table: LayoutTable
    let maxWidth: Int

    static let gap = 2
    static let maxLabelWidth = 36
    static let maxHeaderWidth = 8
    static let wideHeaderWidth = 16

    func render() -> [String] {
        let placed = table.placements()
        let coverage = coverageMap(placed)
        let valueColumns = Array(table.stubColumns..<table.columnCount)
        var lines: [String] = []
        // A stub heading that spans several heading rows (the applications table's 勾稽 note) is too long for
        // the label column: it is printed above the table. A one-row stub heading stays in the heading line.
        if let note = stubHeading(coverage), note.rowSpan > 1 || note.colSpan > 1 { lines += DisplayWidth.wrap(note.text, width: maxWidth) }
        let bands = valueColumns.map { bandPath(column: $0, coverage: coverage) }
        var labelWidth = labelColumnWidth(placed)
        // Headings wrap only as much as the page needs: at 16 columns when that fits, else at 8.
        var widths = columnWidths(placed, headingCap: TextTable.wideHeaderWidth)
        if fullWidth(widths, valueColumns, labelWidth) > maxWidth { widths = columnWidths(placed, headingCap: TextTable.maxHeaderWidth) }
        // However narrow the page, one value column fits beside the label column: the label gives way
        // first, then a wide value column wraps.
        if labelWidth > 0 {
            let widest = valueColumns.map { widths[$0] }.max() ?? 0
            labelWidth = max(4, min(labelWidth, maxWidth - TextTable.gap - min(widest, maxWidth / 2)))
        }
        let room = max(1, maxWidth - (labelWidth > 0 ? labelWidth + TextTable.gap : 0))
        for column in valueColumns { widths[column] = min(widths[column], room) }
        var chunks: [[Int]] = [valueColumns]
        if fullWidth(widths, valueColumns, labelWidth) > maxWidth {
            // Cut where a heading band ends (行政复议 | 未经复议直接起诉 | 复议后起诉), then wherever a band
            // is itself wider than the page.
            var byBand: [[Int]] = []
            for (index, column) in valueColumns.enumerated() {
                if index > 0, bands[index].last == bands[index - 1].last, !byBand.isEmpty {
                    byBand[byBand.count - 1].append(column)
                } else {
                    byBand.append([column])
                }
            }
            chunks = []
            for band in byBand {
                var piece: [Int] = []
                for column in band {
                    if !piece.isEmpty, fullWidth(widths, piece + [column], labelWidth) > maxWidth {
                        chunks.append(piece)
                        piece = []
                    }
                    piece.append(column)
                }
                if !piece.isEmpty { chunks.append(piece) }
            }
        }
        for chunk in chunks {
            lines += renderChunk(chunk, placed: placed, coverage: coverage, widths: widths, labelWidth: labelWidth)
        }
        return lines
    }

    private func fullWidth(_ widths: [Int], _ columns: [Int], _ labelWidth: Int) -> Int {
        (labelWidth > 0 ? labelWidth + TextTable.gap : 0) + columns.reduce(0) { $0 + widths[$1] + TextTable.gap } - TextTable.gap
    }

    // MARK: - Geometry

    typealias Covering = (row: Int, column: Int, cell: LayoutCell)

    /// For every grid position, the cell that covers it.
    private func coverageMap(_ placed: [[(column: Int, cell: LayoutCell)]]) -> [[Covering?]] {
        var map = Array(repeating: Array(repeating: Covering?.none, count: table.columnCount), count: table.rows.count)
        for (r, row) in placed.enumerated() {
            for (c, cell) in row {
                for dr in 0..<max(1, cell.rowSpan) where r + dr < table.rows.count {
                    for dc in 0..<max(1, cell.colSpan) where c + dc < table.columnCount { map[r + dr][c + dc] = (r, c, cell) }
                }
            }
        }
        return map
    }

    private func stubHeading(_ coverage: [[Covering?]]) -> LayoutCell? {
        guard table.stubColumns > 0, table.headerRows > 0, let covering = coverage[0][0], covering.cell.role == .header else { return nil }
        return covering.cell
    }

    /// The headings above a value column that span more than it, outermost first.
    private func bandPath(column: Int, coverage: [[Covering?]]) -> [String] {
        var path: [String] = []
        for r in 0..<max(0, table.headerRows - 1) {
            if let covering = coverage[r][column], covering.cell.colSpan > 1, covering.row == r { path.append(covering.cell.text) }
        }
        return path
    }

    private func columnWidths(_ placed: [[(column: Int, cell: LayoutCell)]], headingCap: Int) -> [Int] {
        var widths = Array(repeating: 1, count: table.columnCount)
        for (r, row) in placed.enumerated() {
            for (c, cell) in row where cell.colSpan == 1 && c >= table.stubColumns {
                let isHeading = r < table.headerRows || cell.role == .header
                let width = DisplayWidth.of(cell.text)
                widths[c] = max(widths[c], isHeading ? min(width, headingCap) : width)
            }
        }
        return widths
    }

    private func labelColumnWidth(_ placed: [[(column: Int, cell: LayoutCell)]]) -> Int {
        guard table.stubColumns > 0 else { return 0 }
        var width = 0
        for (r, row) in placed.enumerated() where r >= table.headerRows {
            for (c, cell) in row where c < table.stubColumns && cell.colSpan < table.columnCount {
                width = max(width, c * 2 + DisplayWidth.of(cell.text))
            }
        }
        return min(width, TextTable.maxLabelWidth)
    }

    // MARK: - Lines

    private func renderChunk(
        _ columns: [Int], placed: [[(column: Int, cell: LayoutCell)]], coverage: [[Covering?]], widths: [Int], labelWidth: Int
    ) -> [String] {
        let totalWidth = (labelWidth > 0 ? labelWidth + TextTable.gap : 0) + columns.reduce(0) { $0 + widths[$1] + TextTable.gap } - TextTable.gap
        let rule = String(repeating: "─", count: max(totalWidth, 1))
        var lines = [rule]
        lines += upperHeadings(columns, placed: placed, widths: widths, labelWidth: labelWidth)
        if table.headerRows > 0 {
            let headings = columns.map { column -> (Int, String) in
                guard let covering = coverage[table.headerRows - 1][column], covering.column == column else { return (column, "") }
                return (column, covering.cell.text)
            }
            let stub = stubHeading(coverage).flatMap { $0.rowSpan > 1 || $0.colSpan > 1 ? nil : $0.text } ?? ""
            lines += row(label: stub, cells: headings.map { ($0.0, 1, $0.1, true) }, columns: columns, widths: widths, labelWidth: labelWidth)
            lines.append(rule)
        }
        for (r, cells) in placed.enumerated() where r >= table.headerRows {
            let stub = cells.filter { $0.column < table.stubColumns }
            let data = cells.filter { $0.column >= table.stubColumns && columns.contains($0.column) }
            if cells.count == 1, cells[0].cell.colSpan == table.columnCount {
                lines += DisplayWidth.wrap(cells[0].cell.text, width: maxWidth)
                continue
            }
            for (column, cell) in stub where cell.rowSpan > 1 {
                lines += wrapped(String(repeating: " ", count: column * 2) + cell.text, labelWidth)
            }
            let leaf = stub.filter { $0.cell.rowSpan <= 1 }
            let indent = String(repeating: " ", count: (leaf.first?.column ?? 0) * 2)
            let label = indent + leaf.map(\.cell.text).joined()
            let isHeadingRow = cells.allSatisfy { $0.cell.role == .header }
            lines += row(
                label: label, cells: data.map { ($0.column, $0.cell.colSpan, $0.cell.text, isHeadingRow) }, columns: columns, widths: widths,
                labelWidth: labelWidth)
            if isHeadingRow { lines.append(String(repeating: "·", count: max(totalWidth, 1))) }
        }
        lines.append(rule)
        return lines
    }

    /// The heading rows above the lowest, as lines of headings centred over the columns they span
    /// (申请人情况 over all seven applicant columns, 法人或其他组织 over five of them), cut to this band.
    private func upperHeadings(_ columns: [Int], placed: [[(column: Int, cell: LayoutCell)]], widths: [Int], labelWidth: Int) -> [String] {
        guard table.headerRows > 1, let first = columns.first, let last = columns.last else { return [] }
        var offsets: [Int: Int] = [:]
        var cursor = labelWidth > 0 ? labelWidth + TextTable.gap : 0
        for column in columns {
            offsets[column] = cursor
            cursor += widths[column] + TextTable.gap
        }
        var lines: [String] = []
        for r in 0..<min(table.headerRows - 1, placed.count) {
            var pieces: [(offset: Int, lines: [String], width: Int)] = []
            for (column, cell) in placed[r] where column >= table.stubColumns && r + max(1, cell.rowSpan) < table.headerRows {
                let start = max(column, first)
                let end = min(column + max(1, cell.colSpan) - 1, last)
                guard start <= end, let offset = offsets[start], let endOffset = offsets[end] else { continue }
                let width = endOffset + widths[end] - offset
                // A heading wider than its columns may reach left over the label column, when nothing
                // else on its line is in the way, rather than wrap in a narrow column (法人或其/他组织).
                let wanted = DisplayWidth.of(cell.text)
                let spanEnd = offset + width
                let reach = min(wanted, spanEnd)
                let free = pieces.last.map { $0.offset + $0.width + TextTable.gap } ?? 0
                if wanted > width, spanEnd - reach >= free {
                    pieces.append((spanEnd - reach, DisplayWidth.wrap(cell.text, width: reach), reach))
                } else {
                    pieces.append((offset, DisplayWidth.wrap(cell.text, width: width), width))
                }
            }
            let height = pieces.map(\.lines.count).max() ?? 0
            for line in 0..<height {
                var text = ""
                for piece in pieces {
                    let part = line < piece.lines.count ? piece.lines[line] : ""
                    let lead = (piece.width - DisplayWidth.of(part)) / 2
                    text = DisplayWidth.pad(text, to: piece.offset + lead) + part
                }
                lines.append(trimTrailing(text))
            }
        }
        return lines
    }

    /// One table row, possibly several lines high when a label or heading wraps.
    private func row(
        label: String, cells: [(column: Int, span: Int, text: String, isHeading: Bool)], columns shown: [Int], widths: [Int], labelWidth: Int
    ) -> [String] {
        var columns: [(lines: [String], width: Int, alignRight: Bool)] = []
        if labelWidth > 0 { columns.append((wrapped(label, labelWidth), labelWidth, false)) }
        var cursor = shown.first ?? table.stubColumns
        for cell in cells.sorted(by: { $0.column < $1.column }) {
            while cursor < cell.column {
                columns.append(([""], widths[cursor], true))
                cursor += 1
            }
            let span = (cell.column..<min(cell.column + cell.span, (shown.last ?? widths.count - 1) + 1))
            let width = span.reduce(0) { $0 + widths[$1] } + (span.count - 1) * TextTable.gap
            columns.append((DisplayWidth.wrap(cell.text, width: width), width, true))
            cursor = cell.column + cell.span
        }
        let height = columns.map(\.lines.count).max() ?? 1
        return (0..<height).map { line in
            let parts = columns.map { column in
                DisplayWidth.pad(line < column.lines.count ? column.lines[line] : "", to: column.width, alignRight: column.alignRight)
            }
            return trimTrailing(parts.joined(separator: String(repeating: " ", count: TextTable.gap)))
        }
    }

    private func wrapped(_ text: String, _ width: Int) -> [String] {
        let leading = String(text.prefix { $0 == " " })
        let pieces = DisplayWidth.wrap(String(text.dropFirst(leading.count)), width: max(1, width - leading.count))
        return pieces.map { leading + $0 }
    }

    private func trimTrailing(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }
}

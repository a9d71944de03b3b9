/// A `LayoutTable` as a WordprocessingML table: merged columns as `gridSpan`, merged rows as `vMerge`
/// (a "restart" cell, then an empty "continue" cell in each row below, as Word requires), heading rows
/// repeated on each page, and column widths that fit the text width of the 公文 page.
struct DocxTable {
    let table: LayoutTable

    /// The table as one or more `w:tbl`s. A table without column headings whose rows fall into banded
    /// groups (table 1: a 第二十条 band, its 信息内容 heading row, its items) becomes one Word table per group,
    /// so that the band and heading repeat when a group runs onto the next page — Word repeats only a
    /// table's leading rows. The tables are separated by a hairline paragraph so Word does not merge them.
    func xml() -> String {
        segments().map { DocxTable(table: $0).tableXML() }.joined(separator: DocxTable.hairline)
    }

    /// A paragraph a twentieth of a point high: it keeps two tables apart without a visible gap.
    static let hairline = "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/><w:keepNext/><w:spacing w:line=\"20\" w:lineRule=\"exact\"/>"
        + "<w:rPr><w:sz w:val=\"2\"/><w:szCs w:val=\"2\"/></w:rPr></w:pPr></w:p>"

    /// A band: one heading cell across the whole table (第二十条第（一）项).
    func isBand(_ row: Int) -> Bool {
        guard table.columnCount > 1, row < table.rows.count, table.rows[row].count == 1, let only = table.rows[row].first else { return false }
        return only.role == .header && only.colSpan >= table.columnCount
    }

    /// The groups of a banded table, each with its band and the heading rows under it as its headings.
    func segments() -> [LayoutTable] {
        guard table.headerRows == 0, isBand(0), !table.rows.joined().contains(where: { $0.rowSpan > 1 }) else { return [table] }
        var starts = table.rows.indices.filter { isBand($0) }
        starts.append(table.rows.count)
        return zip(starts, starts.dropFirst()).map { start, end in
            let rows = Array(table.rows[start..<end])
            var headings = 1
            while headings < rows.count, rows[headings].allSatisfy({ $0.role == .header }) { headings += 1 }
            return LayoutTable(
                id: table.id, title: table.title, columnCount: table.columnCount, headerRows: min(headings, rows.count - 1),
                stubColumns: table.stubColumns, rows: rows)
        }
    }

    /// Rows kept on the page of the row below: all but the last, so a table that fits on a page is never
    /// cut (table 2 on one page, as the template prints it), no group label sits over empty cells on the
    /// next page, and heading rows never end a page. A table longer than a page breaks where it must, and
    /// its heading rows repeat.
    func keptWithNext() -> Set<Int> {
        Set(0..<max(0, table.rows.count - 1))
    }

    private func tableXML() -> String {
        let widths = columnWidths()
        let size = table.id == .official(.applications) || table.id == .official(.appeals) ? DocxStyle.smallTableSize : DocxStyle.tableSize
        var out = "<w:tbl><w:tblPr><w:tblStyle w:val=\"GovTable\"/><w:tblW w:w=\"\(DocxStyle.textWidth)\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
        out += "<w:tblBorders>" + DocxStyle.tableBorders + "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0000\"/></w:tblPr>"
        out += "<w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"

        let placed = table.placements()
        let kept = keptWithNext()
        // For each row, which grid columns are covered by a cell that started in a row above.
        var continuing = Array(repeating: [Int: LayoutCell](), count: table.rows.count)
        for (r, row) in placed.enumerated() {
            for (column, cell) in row where cell.rowSpan > 1 {
                for below in (r + 1)..<min(table.rows.count, r + cell.rowSpan) { continuing[below][column] = cell }
            }
        }
        for (r, row) in placed.enumerated() {
            // No least row height (the template's 17 pt): it centres a value beside the middle line of a
            // three-line label, which `gov import` of the PDF then reads as a shorter label.
            out += "<w:tr><w:trPr><w:cantSplit/>" + (r < table.headerRows ? "<w:tblHeader/>" : "") + "</w:trPr>"
            let look = CellLook(keepNext: kept.contains(r), band: isBand(r), size: size)
            var starts: [Int: LayoutCell] = [:]
            for (column, cell) in row { starts[column] = cell }
            var column = 0
            while column < table.columnCount {
                if let cell = starts[column] {
                    out += self.cell(cell, column: column, widths: widths, merge: cell.rowSpan > 1 ? "restart" : nil, look: look)
                    column += max(1, cell.colSpan)
                } else if let above = continuing[r][column] {
                    out += self.cell(LayoutCell("", role: above.role, colSpan: above.colSpan), column: column, widths: widths, merge: "continue", look: look)
                    column += max(1, above.colSpan)
                } else {
                    out += self.cell(LayoutCell("", role: .value), column: column, widths: widths, merge: nil, look: look)
                    column += 1
                }
            }
            out += "</w:tr>"
        }
        return out + "</w:tbl>"
    }

    /// What a row asks of each of its cells.
    struct CellLook {
        var keepNext: Bool
        /// Left-aligned and shaded, as the template prints the 第二十条 bands.
        var band: Bool
        var size: Int
    }

    private func cell(_ cell: LayoutCell, column: Int, widths: [Int], merge: String?, look: CellLook) -> String {
        let size = look.size
        let span = max(1, min(cell.colSpan, widths.count - column))
        let width = widths[column..<(column + span)].reduce(0, +)
        var properties = "<w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
        if span > 1 { properties += "<w:gridSpan w:val=\"\(span)\"/>" }
        if let merge { properties += merge == "restart" ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>" }
        if look.band { properties += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(DocxStyle.bandFill)\"/>" }
        properties += "<w:vAlign w:val=\"center\"/>"
        let alignment = (look.keepNext ? "<w:keepNext/>" : "") + (cell.role == .label || look.band ? "<w:jc w:val=\"left\"/>" : "")
        let run = cell.text.isEmpty
            ? "" : "<w:r><w:rPr><w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr><w:t xml:space=\"preserve\">\(XMLText.escape(cell.text))</w:t></w:r>"
        return "<w:tc><w:tcPr>\(properties)</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>\(alignment)</w:pPr>\(run)</w:p></w:tc>"
    }

    /// Widths in twips that add up to the text width: the label columns get what their labels need, the
    /// value columns share the rest.
    func columnWidths() -> [Int] {
        let total = DocxStyle.textWidth
        let count = table.columnCount
        switch table.id {
        case .official(.applications):
            let stub = [1000, 1150, 2600]
            let value = (total - stub.reduce(0, +)) / 7
            return stub + Array(repeating: value, count: 6) + [total - stub.reduce(0, +) - value * 6]
        case .official(.disclosure):
            let value = total * 2 / 9
            return [total - value * 3, value, value, value]
        default:
            guard count > 1 else { return [total] }
            if table.stubColumns == 0 { return evenly(total, count) }
            let first = total * 2 / 5
            return [first] + evenly(total - first, count - 1)
        }
    }

    private func evenly(_ total: Int, _ count: Int) -> [Int] {
        let each = total / count
        return Array(repeating: each, count: count - 1) + [total - each * (count - 1)]
    }
}

/// Escaping for XML text: markup characters become entities and characters XML 1.0 forbids are dropped,
/// so no script text can break or inject into the document.
enum XMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || (0xFFFE...0xFFFF).contains(v) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

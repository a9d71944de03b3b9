/// A `LayoutTable` as a WordprocessingML table: merged columns as `gridSpan`, merged rows as `vMerge`
/// (a "restart" cell, then an empty "continue" cell in each row below, as Word requires), heading rows
/// repeated on each page, and column widths that fit the text width of the 公文 page.
struct DocxTable {
    let table: LayoutTable

    func xml() -> String {
        let widths = columnWidths()
        let size = table.id == .official(.applications) || table.id == .official(.appeals) ? DocxStyle.smallTableSize : DocxStyle.tableSize
        var out = "<w:tbl><w:tblPr><w:tblW w:w=\"\(DocxStyle.textWidth)\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
        out += "<w:tblBorders>" + ["top", "left", "bottom", "right", "insideH", "insideV"].map {
            "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        }.joined() + "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0000\"/></w:tblPr>"
        out += "<w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"

        let placed = table.placements()
        // For each row, which grid columns are covered by a cell that started in a row above.
        var continuing = Array(repeating: [Int: LayoutCell](), count: table.rows.count)
        for (r, row) in placed.enumerated() {
            for (column, cell) in row where cell.rowSpan > 1 {
                for below in (r + 1)..<min(table.rows.count, r + cell.rowSpan) { continuing[below][column] = cell }
            }
        }
        for (r, row) in placed.enumerated() {
            out += "<w:tr><w:trPr><w:cantSplit/>" + (r < table.headerRows ? "<w:tblHeader/>" : "") + "</w:trPr>"
            var starts: [Int: LayoutCell] = [:]
            for (column, cell) in row { starts[column] = cell }
            var column = 0
            while column < table.columnCount {
                if let cell = starts[column] {
                    out += self.cell(cell, column: column, widths: widths, merge: cell.rowSpan > 1 ? "restart" : nil, size: size)
                    column += max(1, cell.colSpan)
                } else if let above = continuing[r][column] {
                    out += self.cell(LayoutCell("", role: above.role, colSpan: above.colSpan), column: column, widths: widths, merge: "continue", size: size)
                    column += max(1, above.colSpan)
                } else {
                    out += self.cell(LayoutCell("", role: .value), column: column, widths: widths, merge: nil, size: size)
                    column += 1
                }
            }
            out += "</w:tr>"
        }
        return out + "</w:tbl>"
    }

    private func cell(_ cell: LayoutCell, column: Int, widths: [Int], merge: String?, size: Int) -> String {
        let span = max(1, min(cell.colSpan, widths.count - column))
        let width = widths[column..<(column + span)].reduce(0, +)
        var properties = "<w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
        if span > 1 { properties += "<w:gridSpan w:val=\"\(span)\"/>" }
        if let merge { properties += merge == "restart" ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>" }
        properties += "<w:vAlign w:val=\"center\"/>"
        let alignment = cell.role == .label ? "<w:jc w:val=\"left\"/>" : ""
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

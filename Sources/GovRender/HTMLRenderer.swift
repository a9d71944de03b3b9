import GovLanguage
import GovReport

/// One standalone UTF-8 page (`lang="zh-CN"`, no external assets): the report with the official tables
/// laid out with `rowspan`/`colspan` exactly as the format, a print stylesheet for A4, and — with
/// `annotate` — a panel of findings, each linked to the cells it is about. All script text is escaped.
package struct HTMLRenderer: Sendable {
    package var annotate: Bool
    /// The directory the page is written to: the findings panel names script files relative to it.
    package var pageDirectory: String?
    /// Where each stated cell was written ("path:line:column" → the cell), so a finding about one cell's
    /// value (a negative count) links to that cell although it carries no arithmetic.
    package var statedCells: [String: CellID]

    /// Each cell's official label as findings quote it (「一、本年新收政府信息公开申请数量 / 自然人」).
    package var cellLabels: [CellID: String]

    package init(annotate: Bool = false, pageDirectory: String? = nil, statedCells: [String: CellID] = [:], cellLabels: [CellID: String] = [:]) {
        self.annotate = annotate
        self.pageDirectory = pageDirectory
        self.statedCells = statedCells
        self.cellLabels = cellLabels
    }

    package func render(_ document: Document, findings: [FindingRecord] = []) -> String {
        let marks = annotate ? CellMarks(findings, statedCells: statedCells, cellLabels: cellLabels) : CellMarks([], statedCells: [:], cellLabels: [:])
        var body = "<h1>\(document.titleLines.map(HTMLRenderer.title).joined(separator: "<br>"))</h1>\n"
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                let tag = level == 1 ? "h2" : "h3"
                body += "<\(tag)>\(HTMLEscape.text(text))</\(tag)>\n"
            case .paragraph(let text):
                body += "<p>\(HTMLEscape.text(text))</p>\n"
            case .leadParagraph(let lead, let text):
                body += "<p><strong>\(HTMLEscape.text(lead))</strong>\(HTMLEscape.text(text))</p>\n"
            case .table(let table):
                body += self.table(table, marks: marks)
            }
        }
        if !document.signoff.isEmpty {
            body += "<div class=\"signoff\">\n" + document.signoff.map { "<p>\(HTMLEscape.text($0))</p>\n" }.joined() + "</div>\n"
        }
        var page = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="gov">
            <title>\(HTMLEscape.text(document.titleOnOneLine))</title>
            <style>
            \(HTMLStyle.sheet)
            </style>
            </head>
            <body\(annotate ? " class=\"annotated\"" : "")>

            """
        // The panel comes first: above the report on a narrow screen; the style sheet moves it beside the
        // report on a wide one.
        if annotate {
            let panel = FindingsPanel(labels: CellLabels(document, official: cellLabels), marks: marks, pageDirectory: pageDirectory)
            page += panel.html(findings)
        }
        page += "<main class=\"report\">\n" + body + "</main>\n"
        page += "</body>\n</html>\n"
        return page
    }

    /// The title with its word breaks marked: the style sheet keeps Chinese together (`keep-all`) and
    /// balances the lines, so it breaks at 2021年 / 政府信息公开, never one character onto a line of its own.
    static func title(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        var start = 0
        for point in TitleLines.breaks(in: text) + [characters.count] {
            if start > 0 { out += "<wbr>" }
            out += HTMLEscape.text(String(characters[start..<point]))
            start = point
        }
        return out
    }

    func table(_ table: LayoutTable, marks: CellMarks) -> String {
        var out = "<table class=\"\(table.id.isLocal ? "local" : "official")\" id=\"table-\(table.id)\">\n"
        if table.id.isLocal, !table.title.isEmpty { out += "<caption>\(HTMLEscape.text(table.title))</caption>\n" }
        for (index, row) in table.rows.enumerated() {
            if index == 0, table.headerRows > 0 { out += "<thead>\n" }
            if index == table.headerRows { out += (table.headerRows > 0 ? "</thead>\n" : "") + "<tbody>\n" }
            let isBand = table.columnCount > 1 && row.count == 1 && row[0].role == .header && row[0].colSpan >= table.columnCount
            out += isBand ? "<tr class=\"band\">" : "<tr>"
            for cell in row { out += self.cell(cell, inHeader: index < table.headerRows, marks: marks) }
            out += "</tr>\n"
        }
        if table.rows.count > table.headerRows { out += "</tbody>\n" } else if table.headerRows > 0 { out += "</thead>\n" }
        return out + "</table>\n"
    }

    private func cell(_ cell: LayoutCell, inHeader: Bool, marks: CellMarks) -> String {
        var attributes = ""
        if cell.rowSpan > 1 { attributes += " rowspan=\"\(cell.rowSpan)\"" }
        if cell.colSpan > 1 { attributes += " colspan=\"\(cell.colSpan)\"" }
        var classes: [String] = []
        if let id = cell.cell {
            attributes += " id=\"\(CellMarks.anchor(id))\""
            if cell.isDerived { classes.append("derived") }
            if let severity = marks.severity[id] { classes.append("finding-\(severity)") }
        }
        switch cell.role {
        case .header: classes.append("head")
        case .label:
            classes.append("label")
            // A short group label (（三）不予公开) stays on one line rather than wrap beside its rows.
            if cell.rowSpan > 1, cell.text.count <= HeadingWords.longestKept { classes.append("group") }
        case .value: classes.append("value")
        }
        attributes += " class=\"\(classes.joined(separator: " "))\""
        let tag = cell.role == .value ? "td" : "th"
        let text = cell.role == .header ? HeadingWords.marked(cell.text) : HTMLEscape.text(cell.text)
        return "<\(tag)\(attributes)>\(text)</\(tag)>"
    }
}

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
        String(decoding: page(document, findings: findings), as: UTF8.self)
    }

    /// The page as UTF-8 bytes, for a file: making it a `String` validated every byte again.
    package func page(_ document: Document, findings: [FindingRecord] = []) -> [UInt8] {
        let marks = annotate ? CellMarks(findings, statedCells: statedCells, cellLabels: cellLabels) : CellMarks([], statedCells: [:], cellLabels: [:])
        var page = HTMLOutput(capacity: 1 << 16)
        page.raw(
            """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="gov">
            <title>
            """)
        page.text(document.titleOnOneLine)
        page.raw("</title>\n<style>\n")
        page.markup(HTMLStyle.sheet)
        page.raw("\n</style>\n</head>\n")
        page.raw(annotate ? "<body class=\"annotated\">\n" : "<body>\n")
        // The panel comes first: above the report on a narrow screen; the style sheet moves it beside the
        // report on a wide one.
        if annotate {
            let panel = FindingsPanel(labels: CellLabels(document, official: cellLabels), marks: marks, pageDirectory: pageDirectory)
            page.markup(panel.html(findings))
        }
        page.raw("<main class=\"report\">\n<h1>")
        for (index, line) in document.titleLines.enumerated() {
            if index > 0 { page.raw("<br>") }
            HTMLRenderer.title(line, into: &page)
        }
        page.raw("</h1>\n")
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                page.raw(level == 1 ? "<h2>" : "<h3>")
                page.text(text)
                page.raw(level == 1 ? "</h2>\n" : "</h3>\n")
            case .paragraph(let text):
                page.raw("<p>")
                page.text(text)
                page.raw("</p>\n")
            case .leadParagraph(let lead, let text):
                page.raw("<p><strong>")
                page.text(lead)
                page.raw("</strong>")
                page.text(text)
                page.raw("</p>\n")
            case .table(let table):
                self.table(table, marks: marks, into: &page)
            }
        }
        if !document.signoff.isEmpty {
            page.raw("<div class=\"signoff\">\n")
            for line in document.signoff {
                page.raw("<p>")
                page.text(line)
                page.raw("</p>\n")
            }
            page.raw("</div>\n")
        }
        page.raw("</main>\n</body>\n</html>\n")
        return page.bytes
    }

    /// The title with its word breaks marked: the style sheet keeps Chinese together (`keep-all`) and
    /// balances the lines, so it breaks at 2021年 / 政府信息公开, never one character onto a line of its own.
    static func title(_ text: String, into out: inout HTMLOutput) {
        let characters = Array(text)
        var start = 0
        for point in TitleLines.breaks(in: characters) + [characters.count] {
            if start > 0 { out.raw("<wbr>") }
            out.text(String(characters[start..<point]))
            start = point
        }
    }

    func table(_ table: LayoutTable, marks: CellMarks, into out: inout HTMLOutput) {
        out.raw(table.id.isLocal ? "<table class=\"local\" id=\"table-" : "<table class=\"official\" id=\"table-")
        out.markup(table.id.description)
        out.raw("\">\n")
        if table.id.isLocal, !table.title.isEmpty {
            out.raw("<caption>")
            out.text(table.title)
            out.raw("</caption>\n")
        }
        for (index, row) in table.rows.enumerated() {
            if index == 0, table.headerRows > 0 { out.raw("<thead>\n") }
            if index == table.headerRows { out.raw(table.headerRows > 0 ? "</thead>\n<tbody>\n" : "<tbody>\n") }
            let isBand = table.columnCount > 1 && row.count == 1 && row[0].role == .header && row[0].colSpan >= table.columnCount
            out.raw(isBand ? "<tr class=\"band\">" : "<tr>")
            for cell in row { self.cell(cell, marks: marks, into: &out) }
            out.raw("</tr>\n")
        }
        if table.rows.count > table.headerRows { out.raw("</tbody>\n") } else if table.headerRows > 0 { out.raw("</thead>\n") }
        out.raw("</table>\n")
    }

    private func cell(_ cell: LayoutCell, marks: CellMarks, into out: inout HTMLOutput) {
        out.raw(cell.role == .value ? "<td" : "<th")
        if cell.rowSpan > 1 {
            out.raw(" rowspan=\"")
            out.number(cell.rowSpan)
            out.raw("\"")
        }
        if cell.colSpan > 1 {
            out.raw(" colspan=\"")
            out.number(cell.colSpan)
            out.raw("\"")
        }
        var classes: [StaticString] = []
        var severity: String?
        if let id = cell.cell {
            out.raw(" id=\"")
            out.markup(CellMarks.anchor(id))
            out.raw("\"")
            if cell.isDerived { classes.append("derived") }
            severity = marks.severity[id]
        }
        out.raw(" class=\"")
        for name in classes {
            out.raw(name)
            out.raw(" ")
        }
        if let severity {
            out.raw("finding-")
            out.markup(severity)
            out.raw(" ")
        }
        switch cell.role {
        case .header: out.raw("head")
        case .label:
            out.raw("label")
            // A short group label (（三）不予公开) stays on one line rather than wrap beside its rows.
            if cell.rowSpan > 1, cell.text.count <= HeadingWords.longestKept { out.raw(" group") }
        case .value: out.raw("value")
        }
        out.raw("\">")
        if cell.role == .header { HeadingWords.mark(cell.text, into: &out) } else { out.text(cell.text) }
        out.raw(cell.role == .value ? "</td>" : "</th>")
    }
}

import GovLanguage
import GovReport

/// One standalone UTF-8 page (`lang="zh-CN"`, no external assets): the report with the official tables
/// laid out with `rowspan`/`colspan` exactly as the format, a print stylesheet for A4, and — with
/// `annotate` — a panel of findings, each linked to the cells it is about. All script text is escaped.
public struct HTMLRenderer: Sendable {
    public var annotate: Bool

    public init(annotate: Bool = false) {
        self.annotate = annotate
    }

    public func render(_ document: Document, findings: [FindingRecord] = []) -> String {
        let marks = annotate ? CellMarks(findings) : CellMarks([])
        var body = "<h1>\(document.titleLines.map(HTMLEscape.text).joined(separator: "<br>"))</h1>\n"
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
            \(HTMLRenderer.style)
            </style>
            </head>
            <body>
            <main class="report">

            """
        page += body + "</main>\n"
        if annotate { page += findingsPanel(findings) }
        page += "</body>\n</html>\n"
        return page
    }

    func table(_ table: LayoutTable, marks: CellMarks) -> String {
        var out = "<table class=\"\(table.id.isLocal ? "local" : "official")\" id=\"table-\(table.id)\">\n"
        if table.id.isLocal, !table.title.isEmpty { out += "<caption>\(HTMLEscape.text(table.title))</caption>\n" }
        for (index, row) in table.rows.enumerated() {
            if index == 0, table.headerRows > 0 { out += "<thead>\n" }
            if index == table.headerRows { out += (table.headerRows > 0 ? "</thead>\n" : "") + "<tbody>\n" }
            out += "<tr>"
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
        case .label: classes.append("label")
        case .value: classes.append("value")
        }
        attributes += " class=\"\(classes.joined(separator: " "))\""
        let tag = cell.role == .value ? "td" : "th"
        return "<\(tag)\(attributes)>\(HTMLEscape.text(cell.text))</\(tag)>"
    }

    private func findingsPanel(_ findings: [FindingRecord]) -> String {
        var out = "<aside class=\"findings\">\n<h2>检查结果</h2>\n"
        if findings.isEmpty { return out + "<p>没有发现问题。</p>\n</aside>\n" }
        out += "<ol>\n"
        for finding in findings {
            let place = finding.place.map { " <span class=\"place\">\(HTMLEscape.text("\($0.path):\($0.line):\($0.column)"))</span>" } ?? ""
            out += "<li class=\"\(finding.severity)\"><strong>\(HTMLEscape.text(finding.code))</strong>\(place) \(HTMLEscape.text(finding.message))"
            let cells = CellMarks.cells(of: finding)
            if !cells.isEmpty {
                out += "<br>" + cells.map { "<a href=\"#\(CellMarks.anchor($0))\">\(HTMLEscape.text($0.path))</a>" }.joined(separator: " ")
            }
            out += "</li>\n"
        }
        return out + "</ol>\n</aside>\n"
    }

    static let style = """
        body { margin: 0; background: #f4f4f4; color: #000; }
        .report { max-width: 190mm; margin: 2em auto; padding: 20mm 18mm; background: #fff;
          font-family: "FangSong", "仿宋_GB2312", "仿宋", "STFangsong", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 1.75; }
        h1 { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", "Noto Serif CJK SC", serif; font-size: 22pt;
          font-weight: normal; text-align: center; margin: 0 0 1em; }
        h2 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 1em 0 0.3em; }
        h3 { font-family: "楷体_GB2312", "楷体", "KaiTi", "STKaiti", serif; font-size: 16pt; font-weight: normal; margin: 0.6em 0 0.2em; }
        p { text-indent: 2em; margin: 0; text-align: justify; }
        table { border-collapse: collapse; width: 100%; margin: 0.8em 0 1.2em; font-size: 10.5pt; line-height: 1.4; }
        th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: middle; }
        th.head { text-align: center; font-weight: normal; }
        th.label { text-align: left; font-weight: normal; }
        td.value { text-align: center; }
        caption { caption-side: top; font-weight: bold; padding-bottom: 0.3em; }
        .signoff { text-align: right; margin-top: 2em; }
        .signoff p { text-indent: 0; }
        td.derived { color: #1a4d8f; }
        .finding-error { background: #fde2e1; outline: 2px solid #c62828; }
        .finding-warning { background: #fff4d6; outline: 2px solid #e0a800; }
        .findings { max-width: 190mm; margin: 0 auto 2em; padding: 1em 18mm; background: #fff; font-family: sans-serif; font-size: 11pt; }
        .findings li.error strong { color: #c62828; }
        .findings li.warning strong { color: #a67c00; }
        .findings .place { color: #555; }
        @media print {
          @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
          body { background: #fff; }
          .report { margin: 0; padding: 0; max-width: none; }
          table { page-break-inside: auto; }
          tr { page-break-inside: avoid; }
          .findings { display: none; }
          td.derived { color: inherit; }
        }
        """
}

/// Which cells the findings are about, and how severe, for `--annotate`: by typed cell, never by path text.
struct CellMarks {
    var severity: [CellID: String] = [:]

    init(_ findings: [FindingRecord]) {
        for finding in findings {
            for cell in CellMarks.cells(of: finding) where severity[cell] != "error" { severity[cell] = finding.severity }
        }
    }

    /// The cells a finding names: the checked cell, then the stated cells that went into it.
    static func cells(of finding: FindingRecord) -> [CellID] {
        guard let arithmetic = finding.arithmetic else { return [] }
        var cells: [CellID] = arithmetic.subjectCell.map { [$0] } ?? []
        for cell in arithmetic.cells where cell.place != nil { if let id = cell.id, !cells.contains(id) { cells.append(id) } }
        return cells
    }

    /// `application.carried.person` → `cell-application-carried-person` (paths are ASCII words).
    static func anchor(_ cell: CellID) -> String { "cell-" + cell.path.replacingOccurrences(of: ".", with: "-") }
}

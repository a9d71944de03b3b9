import Foundation
import GovReport

/// The `--annotate` panel: every finding in Chinese — its kind, rule, where it was written (relative to the
/// page), its message — and a link to each table cell it is about, named by the cell's official labels.
struct FindingsPanel {
    let labels: CellLabels
    let marks: CellMarks
    let pageDirectory: String?

    func html(_ findings: [FindingRecord]) -> String {
        var out = "<aside class=\"findings\" aria-label=\"检查结果\">\n<h2>检查结果</h2>\n"
        if findings.isEmpty { return out + "<p>没有发现问题。</p>\n</aside>\n" }
        let errors = findings.filter { $0.severity == "error" }.count
        out += "<p class=\"summary\">错误 \(errors) 项，提醒 \(findings.count - errors) 项。</p>\n<ol>\n"
        for finding in findings {
            let kind = finding.severity == "error" ? "错误" : "提醒"
            out += "<li class=\"\(HTMLEscape.text(finding.severity))\"><span class=\"kind\">\(kind)</span> <strong>\(HTMLEscape.text(finding.code))</strong>"
            if let place = finding.place {
                let path = RelativePath.of(place.path, from: pageDirectory)
                out += " <span class=\"place\">\(HTMLEscape.text(path)) 第 \(place.line) 行第 \(place.column) 列</span>"
            }
            out += "<br>\(HTMLEscape.text(finding.message))"
            let cells = marks.cells(of: finding)
            if !cells.isEmpty {
                out += "<br><span class=\"cells\">" + cells.map { cell in
                    "<a href=\"#\(CellMarks.anchor(cell))\">\(HTMLEscape.text(labels.label(of: cell)))</a>"
                }.joined(separator: " ") + "</span>"
            }
            out += "</li>\n"
        }
        return out + "</ol>\n</aside>\n"
    }
}

/// Each value cell's official labels, read from the layout the page prints: the row's labels, then the
/// column headings above it (「三、本年度办理结果 / （三）不予公开 / 4.保护第三方合法权益 / 自然人」).
struct CellLabels {
    private var byCell: [CellID: String] = [:]

    init(_ document: Document, official: [CellID: String] = [:]) {
        for case .table(let table) in document.blocks { add(table) }
        byCell.merge(official) { _, official in official }
    }

    func label(of cell: CellID) -> String { byCell[cell] ?? cell.path }

    private mutating func add(_ table: LayoutTable) {
        let placed = table.placements()
        var covering = Array(repeating: Array(repeating: LayoutCell?.none, count: table.columnCount), count: table.rows.count)
        for (r, row) in placed.enumerated() {
            for (column, cell) in row {
                for dr in 0..<max(1, cell.rowSpan) where r + dr < table.rows.count {
                    for dc in 0..<max(1, cell.colSpan) where column + dc < table.columnCount { covering[r + dr][column + dc] = cell }
                }
            }
        }
        // The heading rows of a value: the table's own, or (table 1) the heading row above it in its group.
        var headingRows = Array(0..<table.headerRows)
        for (r, row) in placed.enumerated() {
            if r >= table.headerRows, !row.isEmpty, row.allSatisfy({ $0.cell.role == .header }), row.count > 1 { headingRows = [r] }
            for (column, cell) in row {
                guard let id = cell.cell else { continue }
                var parts: [String] = []
                for stub in 0..<table.stubColumns {
                    if let label = covering[r][stub], label.role == .label, parts.last != label.text { parts.append(label.text) }
                }
                for heading in headingRows {
                    if let above = covering[heading][column], above.role == .header, !above.text.isEmpty, above.rowSpan < 3 || table.stubColumns == 0,
                        parts.last != above.text
                    {
                        parts.append(above.text)
                    }
                }
                byCell[id] = parts.joined(separator: " / ")
            }
        }
    }
}

/// Which cells the findings are about, and how severe, for `--annotate`: by typed cell, never by path text.
struct CellMarks {
    var severity: [CellID: String] = [:]
    /// "path:line:column" of each stated cell → the cell.
    let statedCells: [String: CellID]
    /// Official label → cell, to find the cells a finding quotes in 「」.
    let quotedCells: [String: CellID]

    init(_ findings: [FindingRecord], statedCells: [String: CellID], cellLabels: [CellID: String]) {
        self.statedCells = statedCells
        var quoted: [String: CellID] = [:]
        for (cell, label) in cellLabels { quoted[label] = cell }
        self.quotedCells = quoted
        for finding in findings {
            for cell in cells(of: finding) where severity[cell] != "error" { severity[cell] = finding.severity }
        }
    }

    /// The cells a finding names: the checked cell, then the stated cells that went into it; for a finding
    /// about one written value, the cell written where it points.
    func cells(of finding: FindingRecord) -> [CellID] {
        var cells: [CellID] = []
        if let arithmetic = finding.arithmetic {
            if let subject = arithmetic.subjectCell { cells.append(subject) }
            for cell in arithmetic.cells where cell.place != nil {
                if let id = cell.id, !cells.contains(id) { cells.append(id) }
            }
        }
        if let place = finding.place, let cell = statedCells["\(place.path):\(place.line):\(place.column)"], !cells.contains(cell) {
            cells.append(cell)
        }
        // A finding about one value that was refused (a negative count) has no cell behind it, but names
        // the cell by its official label.
        if cells.isEmpty {
            for quote in CellMarks.quotations(in: finding.message) {
                if let cell = quotedCells[quote], !cells.contains(cell) { cells.append(cell) }
            }
        }
        return cells
    }

    /// The texts between 「 and 」.
    static func quotations(in message: String) -> [String] {
        var quotes: [String] = []
        var rest = message[...]
        while let open = rest.firstIndex(of: "「"), let close = rest[open...].firstIndex(of: "」") {
            quotes.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return quotes
    }

    /// `application.carried.person` → `cell-application-carried-person` (paths are ASCII words). Each
    /// cell's is made once a process, its dots swapped on the bytes: Foundation's `replacingOccurrences`
    /// cost 25,000 instructions a cell, a quarter of rendering a report as HTML.
    static func anchor(_ cell: CellID) -> String { anchors[cell.denseIndex] }

    private static let anchors: [String] = CellID.all.map { cell in
        var out = HTMLOutput()
        out.raw("cell-")
        out.markup(cell.path, replacing: UInt8(ascii: "."), with: UInt8(ascii: "-"))
        return out.string
    }
}

/// A script's path as seen from the directory of the page that names it.
enum RelativePath {
    static func of(_ path: String, from directory: String?) -> String {
        let base = directory ?? FileManager.default.currentDirectoryPath
        let target = components(absolute(path))
        let from = components(absolute(base))
        var common = 0
        while common < target.count, common < from.count, target[common] == from[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        let relative = (ups + target[common...]).joined(separator: "/")
        return relative.isEmpty ? "." : relative
    }

    private static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        return (joined as NSString).standardizingPath
    }

    private static func components(_ path: String) -> [String] {
        path.split(separator: "/").map(String.init).filter { $0 != "." }
    }
}

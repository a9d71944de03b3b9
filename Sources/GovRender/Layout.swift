import GovLanguage
import GovReport

/// The one intermediate layout every renderer reads: the report as a document of headings, paragraphs and
/// tables with merged cells, in printed order. A new output format is one small file that walks this.
package struct Document: Sendable {
    /// The title; a line break separates its printed lines (`titleLines`).
    package var title: String
    package var blocks: [LayoutBlock]
    /// Lines under the report: the body's name and the date.
    package var signoff: [String]
    /// The numbered sections, as structure over `blocks`: renderers walk the blocks in order, and whoever
    /// needs one section (the REPL's `:show 三`) takes its range instead of re-scanning the headings.
    package var sections: [LayoutSection] = []
    /// The blocks before the first section (the introduction).
    package var introduction: Range<Int> = 0..<0
    /// The header, channels and findings as data (`LayoutFacts.swift`), for the data formats.
    package var header: LayoutHeader
    package var channels: [Channel] = []
    package var findings: [Diagnostic] = []

    /// The table with this id, if the document has it.
    package func table(_ id: TableID) -> LayoutTable? {
        for case .table(let table) in blocks where table.id == id { return table }
        return nil
    }

    /// Every table, in document order.
    package var tables: [LayoutTable] {
        blocks.compactMap { block in
            if case .table(let table) = block { return table }
            return nil
        }
    }
}

/// One numbered section of the document: its heading and what follows up to the next section.
package struct LayoutSection: Sendable {
    /// 1 for 一、…
    package var number: Int
    package var kind: Section.Kind
    package var title: String
    /// The section's blocks in `Document.blocks`, its level-1 heading first.
    package var blocks: Range<Int>
    /// The blocks the script wrote: after the heading, before the official table and its footnote.
    package var written: Range<Int>
}

/// A table's stable id: one of the three official tables, or the N-th local table of the document.
package enum TableID: Hashable, Sendable, CustomStringConvertible {
    case official(OfficialTable)
    case local(Int)

    /// "disclosure", "applications", "appeals", or "local-N" (CSV file names, HTML ids, JSON).
    package var description: String {
        switch self {
        case .official(let table): return table.rawValue
        case .local(let number): return "local-\(number)"
        }
    }

    package var isLocal: Bool {
        if case .local = self { return true }
        return false
    }
}

package enum LayoutBlock: Sendable {
    /// Level 1: 一、总体情况; level 2: a sub-heading inside a section.
    case heading(level: Int, text: String)
    case paragraph(String)
    /// A paragraph that opens with a bold run-in sub-heading: （一）主动公开情况。全年…
    case leadParagraph(lead: String, text: String)
    case table(LayoutTable)
}

extension Document {
    /// The title's printed lines.
    package var titleLines: [String] {
        let lines = title.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        return lines.isEmpty ? [title] : lines
    }

    /// The title on one line, for places that hold one line (an HTML `<title>`, document properties).
    package var titleOnOneLine: String { titleLines.joined() }
}

/// A table as the official format prints it: rows of cells, each with its row and column span (HTML's
/// rowspan/colspan, Word's vMerge/gridSpan). A row lists only the cells that start in it.
package struct LayoutTable: Sendable {
    /// Stable id: an official table, or the N-th local one.
    package var id: TableID
    package var title: String
    package var columnCount: Int
    /// How many leading rows are column headings.
    package var headerRows: Int
    /// How many leading columns hold row labels (the applications table has three).
    package var stubColumns: Int
    package var rows: [[LayoutCell]]

    package init(id: TableID, title: String, columnCount: Int, headerRows: Int, stubColumns: Int, rows: [[LayoutCell]]) {
        self.id = id
        self.title = title
        self.columnCount = columnCount
        self.headerRows = headerRows
        self.stubColumns = stubColumns
        self.rows = rows
    }
}

package struct LayoutCell: Sendable {
    package enum Role: Sendable, Equatable {
        /// A column heading, or a band naming a group of rows (第二十条第（一）项).
        case header
        /// A row label.
        case label
        /// A number (or, in a local table, any data).
        case value
    }

    package var text: String
    package var role: Role
    package var rowSpan: Int
    package var colSpan: Int
    /// The report cell behind a value, so renderers can mark derived numbers and link findings.
    package var cell: CellID?
    package var isDerived: Bool
    /// An official value cell's data (exact value, origin, mark, place), for the data formats.
    package var data: LayoutCellData?
    /// A cell the grid adds where the table has none (a local table's short row, padded): printed empty,
    /// left out of the data formats.
    package var isFiller = false

    package init(
        _ text: String, role: Role, rowSpan: Int = 1, colSpan: Int = 1, cell: CellID? = nil, isDerived: Bool = false,
        data: LayoutCellData? = nil
    ) {
        self.text = text
        self.role = role
        self.rowSpan = rowSpan
        self.colSpan = colSpan
        self.cell = cell
        self.isDerived = isDerived
        self.data = data
    }
}

extension LayoutTable {
    /// Where each cell sits: (row, column) of its top-left corner, computed the way HTML places cells
    /// (each cell takes the first column not covered by a row-spanning cell above).
    package func placements() -> [[(column: Int, cell: LayoutCell)]] {
        var covered = Array(repeating: Array(repeating: false, count: columnCount), count: rows.count)
        var result: [[(column: Int, cell: LayoutCell)]] = []
        for (r, row) in rows.enumerated() {
            var placed: [(column: Int, cell: LayoutCell)] = []
            var column = 0
            for cell in row {
                while column < columnCount, covered[r][column] { column += 1 }
                guard column < columnCount else { break }
                placed.append((column, cell))
                for dr in 0..<max(1, cell.rowSpan) where r + dr < rows.count {
                    for dc in 0..<max(1, cell.colSpan) where column + dc < columnCount { covered[r + dr][column + dc] = true }
                }
                column += max(1, cell.colSpan)
            }
            result.append(placed)
        }
        return result
    }
}

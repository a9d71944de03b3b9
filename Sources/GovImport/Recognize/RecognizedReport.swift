import GovReport

/// A published report mapped onto the official format: what the script writer writes.
package struct RecognizedReport: Sendable {
    package enum Item: Sendable, Equatable {
        case heading(String)
        case text(String)
        /// A bold run-in heading that starts the next paragraph.
        case lead(String)
        /// Text the importer could not place: kept, as a comment, where it was found.
        case comment(String)
        case localTable(title: String?, rows: [[String]])
    }

    package enum SectionKind: Sendable, Equatable {
        case official(OfficialSection)
        case local
    }

    package struct Section: Sendable {
        package var kind: SectionKind
        /// The heading as printed, without its numeral ("收到和处理政府信息公开申请情况").
        package var printedTitle: String
        package var items: [Item] = []
    }

    /// Every official cell read, by table.
    package struct Tables: Sendable {
        var disclosure: [DisclosureItem: RowReading] = [:]
        var applications: [ApplicationRow: RowReading] = [:]
        var appeals: RowReading?
        /// A 2021-format report that prints the 2019 single （六）其他处理 row.
        var singleOtherRow = false
    }

    package var preamble: [String] = []
    /// Text after the report (a web page's footer), kept as comments at the end.
    package var trailer: [String] = []
    package var title: String?
    package var body: String?
    package var year: Int?
    package var edition: FormatEdition = .y2021
    /// Why the format is what it is, when the tables' shape had to decide.
    package var editionNote: String?
    package var published: String?
    package var signoff: (name: String, date: String?)?
    package var parts: Int?
    package var intro: [Item] = []
    package var sections: [Section] = []
    var tables = Tables()
    package var warnings: [String] = []

    package init() {}
}

extension RecognizedReport {
    /// Counts for the summary line: cells read as printed, inferred from run-together text, unknown;
    /// labels matched approximately.
    package struct Tally: Sendable, Equatable {
        package var read = 0
        package var inferred = 0
        package var unknown = 0
        package var approximateLabels = 0
        package var missingRows = 0
        /// Cells of rows not found at all: written unknown.
        package var missingCells = 0
    }

    package var tally: Tally {
        var tally = Tally()
        var rows: [RowReading] = Array(tables.disclosure.values) + Array(tables.applications.values)
        if let appeals = tables.appeals { rows.append(appeals) }
        for row in rows {
            if row.approximation != nil { tally.approximateLabels += 1 }
            for cell in row.cells {
                switch cell.state {
                case .unknown: tally.unknown += 1
                default: if cell.inferred { tally.inferred += 1 } else { tally.read += 1 }
                }
            }
        }
        let expectedRows = OfficialRowSpec.disclosure(edition).count
            + OfficialRowSpec.applications(edition, singleOther: tables.singleOtherRow).count + 1
        tally.missingRows = expectedRows - rows.count
        let expectedCells = OfficialRowSpec.disclosure(edition).reduce(0) { $0 + $1.kinds.count }
            + OfficialRowSpec.applications(edition, singleOther: tables.singleOtherRow).count * 7 + 15
        tally.missingCells = expectedCells - rows.reduce(0) { $0 + $1.cells.count }
        return tally
    }
}

extension RecognizedReport {
    /// One row of table 2 as read: 自然人 … 其他, 总计.
    package func cells(_ row: ApplicationRow) -> [CellReading]? { tables.applications[row]?.cells }
    /// One item of table 1 as read, its format's columns in order.
    package func cells(_ item: DisclosureItem) -> [CellReading]? { tables.disclosure[item]?.cells }
    /// Table 3's fifteen cells: 行政复议, 未经复议直接起诉, 复议后起诉 (维持, 纠正, 其他, 尚未审结, 总计 each).
    package var appealCells: [CellReading]? { tables.appeals?.cells }
    /// The approximate-match note of a table 2 row, if its label differs from the format's.
    package func approximation(_ row: ApplicationRow) -> String? { tables.applications[row]?.approximation }
    package var printsSingleOtherRow: Bool { tables.singleOtherRow }
}

extension Array where Element == CellReading {
    /// "64|0|0|2|0|4|70"; a blank cell is "空", an unknown one "?".
    package var printed: String { map(TableResolver.describe).joined(separator: "|") }
}

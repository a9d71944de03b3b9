import GovReport

/// A published report mapped onto the official format: what the script writer writes.
public struct RecognizedReport: Sendable {
    public enum Item: Sendable, Equatable {
        case heading(String)
        case text(String)
        /// A bold run-in heading that starts the next paragraph.
        case lead(String)
        /// Text the importer could not place: kept, as a comment, where it was found.
        case comment(String)
        case localTable(title: String?, rows: [[String]])
    }

    public enum SectionKind: Sendable, Equatable {
        case official(OfficialSection)
        case local
    }

    public struct Section: Sendable {
        public var kind: SectionKind
        /// The heading as printed, without its numeral ("收到和处理政府信息公开申请情况").
        public var printedTitle: String
        public var items: [Item] = []
    }

    /// Every official cell read, by table.
    public struct Tables: Sendable {
        var disclosure: [DisclosureItem: RowReading] = [:]
        var applications: [ApplicationRow: RowReading] = [:]
        var appeals: RowReading?
        /// A 2021-format report that prints the 2019 single （六）其他处理 row.
        var singleOtherRow = false
    }

    public var preamble: [String] = []
    /// Text after the report (a web page's footer), kept as comments at the end.
    public var trailer: [String] = []
    public var title: String?
    public var body: String?
    public var year: Int?
    public var edition: FormatEdition = .y2021
    /// Why the format is what it is, when the tables' shape had to decide.
    public var editionNote: String?
    public var published: String?
    public var signoff: (name: String, date: String?)?
    public var parts: Int?
    public var intro: [Item] = []
    public var sections: [Section] = []
    var tables = Tables()
    public var warnings: [String] = []

    public init() {}
}

extension RecognizedReport {
    /// Counts for the summary line: cells read as printed, inferred from run-together text, unknown;
    /// labels matched approximately.
    public struct Tally: Sendable, Equatable {
        public var read = 0
        public var inferred = 0
        public var unknown = 0
        public var approximateLabels = 0
        public var missingRows = 0
        /// Cells of rows not found at all: written unknown.
        public var missingCells = 0
    }

    public var tally: Tally {
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
    public func cells(_ row: ApplicationRow) -> [CellReading]? { tables.applications[row]?.cells }
    /// One item of table 1 as read, its format's columns in order.
    public func cells(_ item: DisclosureItem) -> [CellReading]? { tables.disclosure[item]?.cells }
    /// Table 3's fifteen cells: 行政复议, 未经复议直接起诉, 复议后起诉 (维持, 纠正, 其他, 尚未审结, 总计 each).
    public var appealCells: [CellReading]? { tables.appeals?.cells }
    /// The approximate-match note of a table 2 row, if its label differs from the format's.
    public func approximation(_ row: ApplicationRow) -> String? { tables.applications[row]?.approximation }
    public var printsSingleOtherRow: Bool { tables.singleOtherRow }
}

extension Array where Element == CellReading {
    /// "64|0|0|2|0|4|70"; a blank cell is "空", an unknown one "?".
    public var printed: String { map(TableResolver.describe).joined(separator: "|") }
}

import GovLanguage
import GovReport

/// The report's facts that are data rather than print: the header as the script set it, the channels and
/// the findings. The printed formats read the title, blocks and sign-off; the data formats (JSON, the long
/// CSV) read these, so that every renderer reads the one layout and none walks the `Report` itself.
package struct LayoutHeader: Sendable {
    package var body: String
    package var year: Int
    package var title: String
    package var edition: FormatEdition
    package var published: DateLiteral?
    package var signoffBody: String?
    package var signoffDate: DateLiteral?
    package var announcedParts: Int?
    package var kind: BodyKind
    package var hasSignoff: Bool
    /// Table 2 prints （六）其他处理 as one row (the script states `other_total`): which cells the table has.
    package var otherAsOneRow: Bool

    package init(_ report: Report) {
        let header = report.header
        body = header.body
        year = header.year
        title = header.title
        edition = report.edition
        published = header.published
        signoffBody = header.signoffBody
        signoffDate = header.signoffDate
        announcedParts = header.announcedParts
        kind = header.kind
        hasSignoff = header.hasSignoff
        otherAsOneRow = report.otherPrintedAsOneRow
    }
}

/// What a value cell of an official table holds as data, beside its printed text: the exact decimal, where
/// it came from, its mark and where it was stated.
package struct LayoutCellData: Sendable {
    package enum Origin: String, Sendable {
        /// Written in the script.
        case stated
        /// Computed from other cells (a total).
        case derived
        /// Never written and not derived: 0.
        case unwritten
    }

    /// The value, exact (a blank is 0); nil for an unknown cell.
    package var value: Number?
    package var origin: Origin
    /// Printed empty (blank) or unreadable (unknown); nil for a number.
    package var mark: CellMark?
    /// Where the script stated it.
    package var statedRange: SourceRange?

    /// `report` is lent, not given: an initializer takes its arguments owned, and passing the report
    /// copied (retained and released) every field of it for each cell of every table.
    package init(_ id: CellID, in report: borrowing Report) {
        let stored = report.cells[id]
        mark = stored?.mark
        value = stored.map { $0.isUnknown ? nil : $0.value } ?? report[id]
        origin = stored.map { $0.isDerived ? .derived : .stated } ?? .unwritten
        statedRange = stored?.statedRange
    }
}

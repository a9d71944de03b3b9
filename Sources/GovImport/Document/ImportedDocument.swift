/// What every reader produces and the recognizer reads (pandoc's idea): the blocks of a published report
/// in reading order — paragraphs and tables with merged cells — whatever file format it came in.
package struct ImportedDocument: Sendable {
    package enum Block: Sendable, Equatable {
        case paragraph(Paragraph)
        case table(DocumentTable)
        /// What the importer could not place, kept where it was found (written as a comment).
        case note(String)
    }

    package var blocks: [Block]
    /// A publication date the page states outside the report itself (an HTML `<meta>` or a "发布时间" line).
    package var publishedHint: String?
    /// Text that came with the file but is not the published page (an archive's "SOURCE:" header).
    package var preamble: [String]
    /// Documents a web page links to (its report as .docx or .pdf): named when the page itself holds none.
    package var attachments: [String] = []
    /// A PDF's numbers with their positions, to place numbers under their columns when cells are blank.
    package var wordPositions: PDFWordPositions?

    package init(blocks: [Block], publishedHint: String? = nil, preamble: [String] = []) {
        self.blocks = blocks
        self.publishedHint = publishedHint
        self.preamble = preamble
    }
}

/// One paragraph as printed. `lead` is a bold run-in heading that starts it (Word's "（一）主动公开情况。"
/// printed bold before the text of the same paragraph); `isHeading` marks a paragraph the source itself
/// styles as a heading (Word outline level, HTML `<h1>`–`<h6>`).
package struct Paragraph: Sendable, Equatable {
    package var text: String
    package var isHeading: Bool
    package var lead: String?
    /// Lines printed inside one paragraph (a title set on two lines); joined with "\n" in `text`.
    package var isCentered: Bool

    package init(_ text: String, isHeading: Bool = false, lead: String? = nil, isCentered: Bool = false) {
        self.text = text
        self.isHeading = isHeading
        self.lead = lead
        self.isCentered = isCentered
    }
}

/// A table as its source lays it out: rows of cells, a cell spanning columns and rows. A cell covered by
/// another's row span is not repeated (HTML's model; Word's `vMerge` continuations are dropped).
package struct DocumentTable: Sendable, Equatable {
    package struct Cell: Sendable, Equatable {
        package var text: String
        package var rowSpan: Int
        package var columnSpan: Int

        package init(_ text: String, rowSpan: Int = 1, columnSpan: Int = 1) {
            self.text = text
            self.rowSpan = rowSpan
            self.columnSpan = columnSpan
        }
    }

    package var rows: [[Cell]]
    /// A caption the source attaches to the table (HTML `<caption>`).
    package var caption: String?

    package init(rows: [[Cell]], caption: String? = nil) {
        self.rows = rows
        self.caption = caption
    }

    /// Every cell's text, row by row, for a table that is not an official one (a local table, kept as is).
    package var textRows: [[String]] { rows.map { $0.map(\.text) } }
}

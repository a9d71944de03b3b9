import GovLanguage

/// What the collector keeps of the statements that the assembler turns into the report once the year, and
/// with it the format, is known: the section outline, the blocks of text, local tables and the table
/// statements, each as the parser made it.
extension StatementCollector {
    struct SectionDraft {
        var kind: Section.Kind
        var range: SourceRange
        /// The title as printed, when the script keeps it (an official section keeps its identity and place).
        var printedTitle: StringLiteral?
        /// Where its blocks start in `blockDrafts`.
        var firstBlock: Int
    }

    /// Where the blocks of section `index` (nil: the introduction, before the first section) lie in
    /// `blockDrafts`.
    func blockRange(ofSection index: Int?) -> Range<Int> {
        guard let index else { return 0..<(sections.first?.firstBlock ?? blockDrafts.count) }
        let end = index + 1 < sections.count ? sections[index + 1].firstBlock : blockDrafts.count
        return sections[index].firstBlock..<end
    }

    /// A heading, paragraph, lead or local table, in the order written. A kind and fields rather than an
    /// enum with payloads: matching a case copied its literal, retained and released (3,300 drafts for
    /// 300 scripts; callgrind), where a field is read in place.
    struct BlockDraft {
        enum Kind {
            case heading, text
            /// A run-in sub-heading, joined to the first paragraph of the next `text`.
            case lead
            case table
        }

        let kind: Kind
        /// The heading, paragraph or lead; a local table's title.
        let literal: StringLiteral
        /// A local table's columns and rows; nil for the others.
        let table: TableDraft?

        init(_ kind: Kind, _ literal: StringLiteral, table: TableDraft? = nil) {
            self.kind = kind
            self.literal = literal
            self.table = table
        }
    }

    /// A local table's columns and rows while its `columns`/`row` lines are read.
    final class TableDraft {
        var columns: [Expr] = []
        var rows: [[Expr]] = []
    }

    /// One `proactive` / `application` / `review` / `lawsuit` statement, kept as the parser made it (each
    /// entry copied into a record of its own, with the statement's selectors, retained and released every
    /// name twice: 44,000 reference counts for 300 scripts; callgrind). Its first `count` entries were read:
    /// all of them, unless a value could not be computed (the entries after it are not read).
    struct CellLine {
        let keyword: Keyword
        /// The statement as the parser made it; nil for a plain line (`PlainTableLine`), read straight
        /// into `plainCells`.
        let cells: CellStatement?
        /// A plain line's cells in `plainCells` (empty for the others).
        let plain: Range<Int>
        /// Its first entry's place among all the entries of `cellLines`.
        let firstEntry: Int
        let count: Int

        init(keyword: Keyword, cells: CellStatement?, plain: Range<Int> = 0..<0, firstEntry: Int, count: Int) {
            self.keyword = keyword
            self.cells = cells
            self.plain = plain
            self.firstEntry = firstEntry
            self.count = count
        }

        /// Whether an entry's value is a number written out, read when the cells are placed.
        static func isWrittenOut(_ expression: Expr) -> Bool {
            switch expression {
            case .integer, .decimal: return true
            default: return false
            }
        }
    }
}

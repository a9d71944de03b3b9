import GovLanguage

/// The value columns of table 2 and table 3 under their heading bands, declared once as a tree: the layout
/// lays the merged heading rows out from it (a band spans its columns; a column heading reaches down to the
/// last heading row), the value cells follow its columns in order, and the scaffold names a column by the
/// bands above it (法人或其他组织 / 商业企业, 行政诉讼 / 未经复议直接起诉).
package indirect enum ColumnHeading<Column: Sendable>: Sendable {
    /// A printed column: what it holds, and its heading.
    case column(Column, String)
    /// A heading over several columns (申请人情况, 行政诉讼).
    case band(String, [ColumnHeading])

    /// The columns under this heading, left to right.
    package var columns: [Column] {
        switch self {
        case .column(let column, _): return [column]
        case .band(_, let children): return children.flatMap(\.columns)
        }
    }

    /// How many heading rows this heading takes, itself included.
    package var depth: Int {
        switch self {
        case .column: return 1
        case .band(_, let children): return 1 + (children.map(\.depth).max() ?? 0)
        }
    }

    /// Each column with the headings above it, outermost first, this heading's own text included.
    package var paths: [(column: Column, headings: [String])] {
        switch self {
        case .column(let column, let text): return [(column, [text])]
        case .band(let text, let children):
            return children.flatMap(\.paths).map { ($0.column, [text] + $0.headings) }
        }
    }
}

extension Applicant {
    /// Table 2's columns: 申请人情况 over 自然人, 法人或其他组织 (its five kinds) and 总计.
    package static let headings = ColumnHeading<Applicant>.band("申请人情况", [
        .column(.person, Applicant.person.label),
        .band("法人或其他组织", organizations.map { .column($0, $0.label) }),
        .column(.all, Applicant.all.label),
    ])
}

extension AppealBlock {
    /// Table 3's columns: 行政复议's five outcomes, then 行政诉讼's two kinds of five.
    package static let headings: [ColumnHeading<CellID>] = [
        outcomes(of: .review),
        .band("行政诉讼", [outcomes(of: .direct), outcomes(of: .afterReview)]),
    ]

    private static func outcomes(of block: AppealBlock) -> ColumnHeading<CellID> {
        .band(block.label, AppealOutcome.allCases.map { .column(.appeal(block, $0), $0.label) })
    }

    /// The bands above a block's outcomes (行政复议; 行政诉讼 / 未经复议直接起诉).
    package var headingPath: [String] {
        let paths = AppealBlock.headings.flatMap(\.paths)
        return paths.first { $0.column == .appeal(self, .total) }.map { Array($0.headings.dropLast()) } ?? [label]
    }
}

import GovLanguage

/// The value columns of table 2 and table 3 under their heading bands, declared once as a tree: the layout
/// lays the merged heading rows out from it (a band spans its columns; a column heading reaches down to the
/// last heading row), the value cells follow its columns in order, and the scaffold names a column by the
/// bands above it (法人或其他组织 / 商业企业, 行政诉讼 / 未经复议直接起诉).
package struct ColumnHeading<Column: Sendable>: Sendable {
    package let text: String
    /// The headings under a band; empty for a column.
    package let children: [ColumnHeading]
    /// The columns under this heading, left to right (a column: itself).
    package let columns: [Column]
    /// How many heading rows this heading takes, itself included.
    package let depth: Int

    /// A printed column: what it holds, and its heading.
    package static func column(_ column: Column, _ text: String) -> ColumnHeading {
        ColumnHeading(text: text, children: [], columns: [column], depth: 1)
    }

    /// A heading over several columns (申请人情况, 行政诉讼).
    package static func band(_ text: String, _ children: [ColumnHeading]) -> ColumnHeading {
        var columns: [Column] = []
        var depth = 0
        for child in children {
            columns += child.columns
            depth = max(depth, child.depth)
        }
        return ColumnHeading(text: text, children: children, columns: columns, depth: depth + 1)
    }

    package var isBand: Bool { !children.isEmpty }

    /// Each column with the headings above it, outermost first, this heading's own text included.
    package var paths: [(column: Column, headings: [String])] {
        guard isBand else { return columns.map { ($0, [text]) } }
        var paths: [(column: Column, headings: [String])] = []
        for child in children {
            for path in child.paths { paths.append((path.column, [text] + path.headings)) }
        }
        return paths
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
    /// Table 3's value columns, left to right.
    package static let columns: [CellID] = headings.flatMap { $0.columns }

    private static func outcomes(of block: AppealBlock) -> ColumnHeading<CellID> {
        .band(block.label, AppealOutcome.allCases.map { .column(.appeal(block, $0), $0.label) })
    }

    /// The bands above a block's outcomes (行政复议; 行政诉讼 / 未经复议直接起诉).
    package var headingPath: [String] {
        let paths = AppealBlock.headings.flatMap { $0.paths }
        return paths.first { $0.column == .appeal(self, .total) }.map { Array($0.headings.dropLast()) } ?? [label]
    }
}

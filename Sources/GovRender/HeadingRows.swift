import GovReport

/// The merged heading rows of a table laid out from its declared column headings (`ColumnHeading`): each
/// band spans its columns on its own row, each column heading reaches down to the last heading row. The
/// headings are the same in every report, so each table's rows are laid out once per process.
enum HeadingRows {
    static let applications = of([Applicant.headings])
    static let appeals = of(AppealBlock.headings)

    static func of<Column>(_ headings: [ColumnHeading<Column>]) -> [[LayoutCell]] {
        let depth = headings.reduce(0) { max($0, $1.depth) }
        var rows = Array(repeating: [LayoutCell](), count: depth)
        func place(_ heading: ColumnHeading<Column>, level: Int) {
            guard heading.isBand else {
                rows[level].append(LayoutCell(heading.text, role: .header, rowSpan: depth - level))
                return
            }
            rows[level].append(LayoutCell(heading.text, role: .header, colSpan: heading.columns.count))
            for child in heading.children { place(child, level: level + 1) }
        }
        for heading in headings { place(heading, level: 0) }
        return rows
    }
}

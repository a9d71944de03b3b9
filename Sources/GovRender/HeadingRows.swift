import GovReport

/// The merged heading rows of a table laid out from its declared column headings (`ColumnHeading`): each
/// band spans its columns on its own row, each column heading reaches down to the last heading row.
enum HeadingRows {
    static func of<Column>(_ headings: [ColumnHeading<Column>]) -> [[LayoutCell]] {
        let depth = headings.map(\.depth).max() ?? 0
        var rows = Array(repeating: [LayoutCell](), count: depth)
        func place(_ heading: ColumnHeading<Column>, level: Int) {
            switch heading {
            case .column(_, let text):
                rows[level].append(LayoutCell(text, role: .header, rowSpan: depth - level))
            case .band(let text, let children):
                rows[level].append(LayoutCell(text, role: .header, colSpan: heading.columns.count))
                for child in children { place(child, level: level + 1) }
            }
        }
        for heading in headings { place(heading, level: 0) }
        return rows
    }
}

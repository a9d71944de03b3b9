import GovLanguage
import GovReport

/// The official tables' cells as the layout prints them: each value cell of each official table in the
/// document, row by row, with its declaration (row and column names, labels, kind). The long CSV and the
/// JSON tables read this, so they hold exactly the cells the printed tables hold, in the same order.
enum OfficialCellWalk {
    struct Entry {
        let table: OfficialTable
        let declaration: CellDeclaration
        /// The printed text of the value (a blank cell is 0; a positive 本年增/减 has its sign).
        let printed: String
        /// The value as data: exact value, origin, mark, place.
        let data: LayoutCellData?
    }

    static func entries(_ document: Document) -> [Entry] {
        var entries: [Entry] = []
        let edition = document.header.edition
        for table in document.tables {
            guard case .official(let official) = table.id else { continue }
            let declarations = official.cells(edition, otherAsOneRow: document.header.otherAsOneRow)
            let declared = Dictionary(declarations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for row in table.rows {
                for cell in row {
                    guard let id = cell.cell, let declaration = declared[id] else { continue }
                    entries.append(Entry(table: official, declaration: declaration, printed: cell.text, data: cell.data))
                }
            }
        }
        return entries
    }
}

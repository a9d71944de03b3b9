import GovLanguage
import GovReport

extension ReportJSON {
    /// Every cell the report's format has, table by table, in printed order.
    struct TablesJSON: Encodable {
        let disclosure: [CellJSON]
        let applications: [CellJSON]
        let appeals: [CellJSON]

        /// The cells as the layout prints them (every cell the report's format has, in printed order).
        init(_ document: Document, sources: SourceManager) {
            var tables: [OfficialTable: [CellJSON]] = [:]
            for entry in OfficialCellWalk.entries(document) {
                tables[entry.table, default: []].append(CellJSON(entry.declaration, data: entry.data, sources: sources))
            }
            disclosure = tables[.disclosure] ?? []
            applications = tables[.applications] ?? []
            appeals = tables[.appeals] ?? []
        }

        static func kind(_ kind: DisclosureColumn.Kind) -> String {
            switch kind {
            case .count: return "count"
            case .change: return "change"
            case .amount: return "amount"
            }
        }
    }

    struct CellJSON: Encodable {
        let path: String
        let row: String
        let column: String
        let rowLabel: String
        let columnLabel: String
        /// count, change (signed) or amount (exact decimal).
        let kind: String
        /// The value as exact decimal text ("514.4", "-18", "0"): never a binary floating-point number. A
        /// stated blank is "0" (it counts as 0); an unknown cell has no value (null).
        let value: String?
        /// stated, derived, or unwritten (never written and not derived: 0).
        let origin: String
        /// value, blank (printed empty) or unknown (unreadable; never 0).
        let state: String
        let stated: FindingRecord.Place?

        init(_ cell: CellDeclaration, data: LayoutCellData?, sources: SourceManager) {
            path = cell.id.path
            row = cell.row
            column = cell.column
            rowLabel = cell.rowLabel
            columnLabel = cell.columnLabel
            kind = TablesJSON.kind(cell.kind)
            state = data?.mark?.rawValue ?? "value"
            value = data?.value?.description
            origin = (data?.origin ?? .unwritten).rawValue
            stated = data?.statedRange.map { FindingRecord.Place($0, sources: sources) }
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(path, forKey: .path)
            try c.encode(row, forKey: .row)
            try c.encode(column, forKey: .column)
            try c.encode(rowLabel, forKey: .rowLabel)
            try c.encode(columnLabel, forKey: .columnLabel)
            try c.encode(kind, forKey: .kind)
            try c.encode(value, forKey: .value)
            try c.encode(origin, forKey: .origin)
            try c.encode(state, forKey: .state)
            try c.encode(stated, forKey: .stated)
        }

        enum CodingKeys: String, CodingKey { case path, row, column, rowLabel, columnLabel, kind, value, origin, state, stated }
    }
}

import GovLanguage
import GovReport

extension ReportJSON {
    /// Every cell the report's format has, table by table, in printed order.
    struct TablesJSON: Encodable {
        let disclosure: [CellJSON]
        let applications: [CellJSON]
        let appeals: [CellJSON]

        /// The cells as the layout prints them (every cell the report's format has, in printed order).
        init(_ report: Report, document: Document, sources: SourceManager) {
            var tables: [OfficialTable: [CellJSON]] = [:]
            for entry in OfficialCellWalk.entries(document, edition: report.edition, otherAsOneRow: report.otherPrintedAsOneRow) {
                tables[entry.table, default: []].append(CellJSON(entry.declaration, in: report, sources: sources))
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

        init(_ cell: CellDeclaration, in report: Report, sources: SourceManager) {
            let id = cell.id
            path = id.path
            row = cell.row
            column = cell.column
            rowLabel = cell.rowLabel
            columnLabel = cell.columnLabel
            kind = TablesJSON.kind(cell.kind)
            let stored = report.cells[id]
            state = stored?.mark?.rawValue ?? "value"
            value = stored?.isUnknown == true ? nil : report[id].description
            if let stored {
                origin = stored.isDerived ? "derived" : "stated"
                if let range = stored.statedRange { stated = FindingRecord.Place(range, sources: sources) } else { stated = nil }
            } else {
                origin = "unwritten"
                stated = nil
            }
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

import GovLanguage
import GovReport

extension ReportJSON {
    /// Every cell the report's format has, table by table, in printed order.
    struct TablesJSON: Encodable {
        let disclosure: [CellJSON]
        let applications: [CellJSON]
        let appeals: [CellJSON]

        init(_ report: Report, sources: SourceManager) {
            let edition = report.edition
            func cell(_ id: CellID, row: String, column: String, rowLabel: String, columnLabel: String, kind: String) -> CellJSON {
                let stored = report.cells[id]
                let origin = stored.map { $0.isDerived ? "derived" : "stated" } ?? "blank"
                let place = stored?.statedRange.map { FindingRecord.Place($0, sources: sources) }
                return CellJSON(
                    path: id.path, row: row, column: column, rowLabel: rowLabel, columnLabel: columnLabel, kind: kind,
                    value: report[id].description, origin: origin, stated: place)
            }
            disclosure = report.disclosureGroups.flatMap { group in
                group.items.flatMap { item in
                    group.columns.map { column in
                        let kind: String
                        switch column.kind {
                        case .count: kind = "count"
                        case .change: kind = "change"
                        case .amount: kind = "amount"
                        }
                        return cell(
                            .disclosure(item, column), row: item.english, column: column.english, rowLabel: item.label(edition),
                            columnLabel: column.label(edition), kind: kind)
                    }
                }
            }
            applications = report.applicationSpec.rows.flatMap { row in
                Applicant.allCases.map { column in
                    cell(
                        .application(row, column), row: row.english, column: column.english, rowLabel: row.label(edition),
                        columnLabel: column.label, kind: "count")
                }
            }
            appeals = AppealBlock.allCases.flatMap { block in
                AppealOutcome.allCases.map { outcome in
                    cell(
                        .appeal(block, outcome), row: block.english, column: outcome.english,
                        rowLabel: block == .review ? "行政复议" : "行政诉讼 · \(block.label)", columnLabel: outcome.label, kind: "count")
                }
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
        /// The value as exact decimal text ("514.4", "-18", "0"): never a binary floating-point number.
        let value: String
        /// stated, derived or blank (a blank cell is 0).
        let origin: String
        let stated: FindingRecord.Place?

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
            try c.encode(stated, forKey: .stated)
        }

        enum CodingKeys: String, CodingKey { case path, row, column, rowLabel, columnLabel, kind, value, origin, stated }
    }
}

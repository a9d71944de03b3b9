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
            var disclosure: [CellJSON] = []
            for group in report.disclosureGroups {
                for item in group.items {
                    for column in group.columns {
                        disclosure.append(
                            CellJSON(
                                .disclosure(item, column), in: report, sources: sources, row: item.english, column: column.english,
                                rowLabel: item.label(edition), columnLabel: column.label(edition), kind: TablesJSON.kind(column.kind)))
                    }
                }
            }
            var applications: [CellJSON] = []
            for row in report.applicationSpec.rows {
                for column in Applicant.allCases {
                    applications.append(
                        CellJSON(
                            .application(row, column), in: report, sources: sources, row: row.english, column: column.english,
                            rowLabel: row.label(edition), columnLabel: column.label, kind: "count"))
                }
            }
            var appeals: [CellJSON] = []
            for block in AppealBlock.allCases {
                for outcome in AppealOutcome.allCases {
                    appeals.append(
                        CellJSON(
                            .appeal(block, outcome), in: report, sources: sources, row: block.english, column: outcome.english,
                            rowLabel: block == .review ? "行政复议" : "行政诉讼 · \(block.label)", columnLabel: outcome.label, kind: "count"))
                }
            }
            self.disclosure = disclosure
            self.applications = applications
            self.appeals = appeals
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

        init(
            _ id: CellID, in report: Report, sources: SourceManager, row: String, column: String, rowLabel: String, columnLabel: String,
            kind: String
        ) {
            path = id.path
            self.row = row
            self.column = column
            self.rowLabel = rowLabel
            self.columnLabel = columnLabel
            self.kind = kind
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

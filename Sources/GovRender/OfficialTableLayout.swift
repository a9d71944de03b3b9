import GovLanguage
import GovReport

/// The three official tables laid out cell for cell as the formats print them, merged cells included
/// (format-2019.md §3–5, format-2021.md §3–5). Every value comes from the report; a blank cell prints 0.
enum OfficialTableLayout {
    static func table(for section: OfficialSection, in report: Report) -> LayoutTable? {
        switch section {
        case .proactive: return disclosure(report)
        case .applications: return applications(report)
        case .appeals: return appeals(report)
        default: return nil
        }
    }

    static func value(_ id: CellID, in report: Report) -> LayoutCell {
        let data = LayoutCellData(id, in: report)
        return LayoutCell(report.printed(id), role: .value, cell: id, isDerived: data.origin == .derived, data: data)
    }

    /// Table 1: four grid columns; a band row per 第二十条 item, a heading row, then the item rows. Items
    /// with fewer than three columns merge the rest into their last cell, as the official grid does.
    static func disclosure(_ report: Report) -> LayoutTable {
        var rows: [[LayoutCell]] = []
        for group in report.disclosureGroups {
            rows.append([LayoutCell(group.title, role: .header, colSpan: 4)])
            rows.append([LayoutCell("信息内容", role: .header)] + spread(group.columns.map { LayoutCell($0.label(report.edition), role: .header) }))
            for item in group.items {
                let values = group.columns.map { value(.disclosure(item, $0), in: report) }
                rows.append([LayoutCell(item.label(report.edition), role: .label)] + spread(values))
            }
        }
        return LayoutTable(id: .official(.disclosure), title: OfficialTable.disclosure.title, columnCount: 4, headerRows: 0, stubColumns: 1, rows: rows)
    }

    private static func spread(_ cells: [LayoutCell]) -> [LayoutCell] {
        var cells = cells
        if let last = cells.indices.last { cells[last].colSpan = 3 - (cells.count - 1) }
        return cells
    }

    /// Table 2: three label columns and the applicant columns under their heading bands (`Applicant.headings`).
    static func applications(_ report: Report) -> LayoutTable {
        let spec = report.applicationSpec
        var rows = HeadingRows.applications
        let headerRows = rows.count
        rows[0].insert(LayoutCell(ApplicationTableSpec.balanceNote, role: .header, rowSpan: rows.count, colSpan: 3), at: 0)
        let applicants = Applicant.headings.columns
        func values(_ row: ApplicationRow) -> [LayoutCell] {
            applicants.map { value(.application(row, $0), in: report) }
        }
        func label(_ row: ApplicationRow, span: Int, rowSpan: Int = 1) -> LayoutCell {
            LayoutCell(row.label(report.edition), role: .label, rowSpan: rowSpan, colSpan: span)
        }
        rows.append([label(.new, span: 3)] + values(.new))
        rows.append([label(.carried, span: 3)] + values(.carried))
        let resultsSpan = spec.resultRows.count + 1
        var first = true
        for row in spec.resultRows + [.total] {
            var cells: [LayoutCell] = []
            if first {
                cells.append(LayoutCell(ApplicationTableSpec.resultsLabel, role: .label, rowSpan: resultsSpan))
                first = false
            }
            if let group = spec.groups.first(where: { $0.rows.contains(row) }) {
                if group.rows.first == row { cells.append(LayoutCell(group.label, role: .label, rowSpan: group.rows.count)) }
                cells.append(label(row, span: 1))
            } else {
                cells.append(label(row, span: 2))
            }
            rows.append(cells + values(row))
        }
        rows.append([label(.forward, span: 3)] + values(.forward))
        return LayoutTable(id: .official(.applications), title: OfficialTable.applications.title, columnCount: 3 + applicants.count, headerRows: headerRows, stubColumns: 3, rows: rows)
    }

    /// Table 3: fifteen columns, 行政复议 then 行政诉讼 in its two kinds, under the bands of `AppealBlock.headings`.
    static func appeals(_ report: Report) -> LayoutTable {
        var rows = HeadingRows.appeals
        let headerRows = rows.count
        let columns = AppealBlock.columns
        rows.append(columns.map { value($0, in: report) })
        return LayoutTable(
            id: .official(.appeals), title: OfficialTable.appeals.title, columnCount: columns.count, headerRows: headerRows, stubColumns: 0, rows: rows)
    }
}

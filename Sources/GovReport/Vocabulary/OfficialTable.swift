import GovLanguage

/// The three official tables. Each knows its cells in printed order for a format — with their official
/// labels, their kind and whether a script states them or the rules derive them — so every renderer's
/// cell walk (CSV, JSON), the scaffold and the roll-up read one list.
public enum OfficialTable: String, Sendable, CaseIterable {
    /// Table 1, 主动公开政府信息情况.
    case disclosure
    /// Table 2, 收到和处理政府信息公开申请情况.
    case applications
    /// Table 3, 政府信息公开行政复议、行政诉讼情况.
    case appeals

    /// The section the table is printed in.
    public var section: OfficialSection {
        switch self {
        case .disclosure: return .proactive
        case .applications: return .applications
        case .appeals: return .appeals
        }
    }

    public var title: String {
        switch self {
        case .disclosure: return "主动公开政府信息情况"
        case .applications: return "收到和处理政府信息公开申请情况"
        case .appeals: return "政府信息公开行政复议、行政诉讼情况"
        }
    }

    /// The table a section prints, if any.
    public static func printed(in section: OfficialSection) -> OfficialTable? { allCases.first { $0.section == section } }

    /// Every cell the format has, in printed order (row by row, left to right; table 3 block by block); with
    /// `otherAsOneRow`, table 2's single （六）其他处理 row in place of its three sub-rows.
    package func cells(_ edition: FormatEdition, otherAsOneRow: Bool = false) -> [CellDeclaration] {
        switch self {
        case .disclosure:
            return DisclosureGroup.of(edition).flatMap { group in
                group.items.flatMap { item in
                    group.columns.map { column in
                        CellDeclaration(
                            id: .disclosure(item, column), row: item.english, column: column.english, rowLabel: item.label(edition),
                            columnLabel: column.label(edition), kind: column.kind, isStated: true)
                    }
                }
            }
        case .applications:
            return ApplicationTableSpec.of(edition, otherAsOneRow: otherAsOneRow).rows.flatMap { row in
                Applicant.allCases.map { column in
                    CellDeclaration(
                        id: .application(row, column), row: row.english, column: column.english, rowLabel: row.label(edition),
                        columnLabel: column.label, kind: .count, isStated: column != .all && row != .total && row != .forward)
                }
            }
        case .appeals:
            return AppealBlock.allCases.flatMap { block in
                AppealOutcome.allCases.map { outcome in
                    CellDeclaration(
                        id: .appeal(block, outcome), row: block.english, column: outcome.english,
                        rowLabel: block == .review ? "行政复议" : "行政诉讼 · \(block.label)", columnLabel: outcome.label, kind: .count,
                        isStated: outcome != .total)
                }
            }
        }
    }
}

/// One cell of an official table in one format, as the tables declare it.
package struct CellDeclaration: Sendable {
    package let id: CellID
    /// The row and column as the language spells them (`carried`, `person`).
    package let row: String
    package let column: String
    /// The official row and column labels as printed.
    package let rowLabel: String
    package let columnLabel: String
    package let kind: DisclosureColumn.Kind
    /// Written by a script; false for totals the rules derive (the 总计 column, （七）总计, 结转下年度, table 3's 总计).
    package let isStated: Bool
}

extension CellID {
    /// Whether the format has this cell (a 2021-only row, an item or column of one format only).
    public func exists(in edition: FormatEdition) -> Bool {
        switch self {
        case .application(let row, _): return ApplicationTableSpec.has(row, in: edition)
        case .disclosure(let item, let column): return DisclosureGroup.has(item, column, in: edition)
        case .appeal: return true
        }
    }
}

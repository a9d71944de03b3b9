import GovLanguage

/// Table 1, 主动公开政府信息情况: items of 第二十条 and their columns, which differ between the formats
/// (format-2019.md §3, format-2021.md §3).
public enum DisclosureItem: Int, DeclaredTerm, Comparable {
    case regulations, normative, licensing, services, penalty, coercion, fees, procurement

    /// The formats an item exists in; which columns it has in each is `DisclosureGroup`'s (one band per group),
    /// and a test checks the two agree.
    package static let declarations: [TermDeclaration<DisclosureItem>] = [
        .init(.regulations, "regulations", "规章"),
        .init(.normative, "normative", ["规范性文件", "行政规范性文件"], label: EditionText(y2019: "规范性文件", y2021: "行政规范性文件")),
        .init(.licensing, "licensing", "行政许可"),
        .init(.services, "services", "其他对外管理服务事项", formats: [.y2019]),
        .init(.penalty, "penalty", "行政处罚"),
        .init(.coercion, "coercion", "行政强制"),
        .init(.fees, "fees", "行政事业性收费"),
        .init(.procurement, "procurement", "政府集中采购", formats: [.y2019]),
    ]
    package static let declarationTable = declarationIndex()

    package static let spellingTable = makeSpellingTable()
    public static func < (a: DisclosureItem, b: DisclosureItem) -> Bool { a.rawValue < b.rawValue }
}

public enum DisclosureColumn: Int, DeclaredTerm, Comparable {
    // 2019
    case made, published, total, previous, change, decisions, projects
    // 2021 (and `decisions`, `amount` shared)
    case issued, repealed, effective
    case amount

    public enum Kind: Sendable {
        /// A non-negative whole number.
        case count
        /// A signed whole number, printed with its sign (本年增/减: +9, -18).
        case change
        /// An exact decimal amount (万元 in 2021; the 2019 format prints no unit).
        case amount
    }

    public var kind: Kind {
        switch self {
        case .change: return .change
        case .amount: return .amount
        default: return .count
        }
    }

    package static let declarations: [TermDeclaration<DisclosureColumn>] = [
        .init(.made, "made", "新制作", label: "本年新制作数量", formats: [.y2019]),
        .init(.published, "published", "新公开", label: "本年新公开数量", formats: [.y2019]),
        .init(.total, "total", "公开总数", label: "对外公开总数量", formats: [.y2019]),
        .init(.previous, "previous", "上一年", label: "上一年项目数量", formats: [.y2019]),
        .init(.change, "change", "增减", label: "本年增/减", formats: [.y2019]),
        .init(.decisions, "decisions", ["处理决定"], label: EditionText(y2019: "处理决定数量", y2021: "本年处理决定数量")),
        .init(.projects, "projects", "采购项目", label: "采购项目数量", formats: [.y2019]),
        .init(.issued, "issued", "制发", label: "本年制发件数", formats: [.y2021]),
        .init(.repealed, "repealed", "废止", label: "本年废止件数", formats: [.y2021]),
        .init(.effective, "effective", "现行有效", label: "现行有效件数", formats: [.y2021]),
        .init(.amount, "amount", ["金额"], label: EditionText(y2019: "采购总金额", y2021: "本年收费金额（单位：万元）")),
    ]
    package static let declarationTable = declarationIndex()

    package static let spellingTable = makeSpellingTable()
    public static func < (a: DisclosureColumn, b: DisclosureColumn) -> Bool { a.rawValue < b.rawValue }
}

/// One band of table 1: a 第二十条 item heading, its columns, and its rows.
package struct DisclosureGroup: Sendable {
    package let title: String
    package let columns: [DisclosureColumn]
    package let items: [DisclosureItem]

    package static func of(_ edition: FormatEdition) -> [DisclosureGroup] {
        edition == .y2019 ? y2019 : y2021
    }

    static let y2019: [DisclosureGroup] = [
        DisclosureGroup(title: "第二十条第（一）项", columns: [.made, .published, .total], items: [.regulations, .normative]),
        DisclosureGroup(title: "第二十条第（五）项", columns: [.previous, .change, .decisions], items: [.licensing, .services]),
        DisclosureGroup(title: "第二十条第（六）项", columns: [.previous, .change, .decisions], items: [.penalty, .coercion]),
        DisclosureGroup(title: "第二十条第（八）项", columns: [.previous, .change], items: [.fees]),
        DisclosureGroup(title: "第二十条第（九）项", columns: [.projects, .amount], items: [.procurement]),
    ]

    static let y2021: [DisclosureGroup] = [
        DisclosureGroup(title: "第二十条第（一）项", columns: [.issued, .repealed, .effective], items: [.regulations, .normative]),
        DisclosureGroup(title: "第二十条第（五）项", columns: [.decisions], items: [.licensing]),
        DisclosureGroup(title: "第二十条第（六）项", columns: [.decisions], items: [.penalty, .coercion]),
        DisclosureGroup(title: "第二十条第（八）项", columns: [.amount], items: [.fees]),
    ]

    /// The columns an item has in a format, or nil when the format has no such item. A table read (asked for
    /// every table-1 cell a script states, twice): searching the groups copied each one, about 400
    /// instructions a call.
    package static func columns(of item: DisclosureItem, in edition: FormatEdition) -> [DisclosureColumn]? {
        let table = edition == .y2019 ? columnsIn2019 : columnsIn2021
        return item.rawValue >= 0 && item.rawValue < table.count ? table[item.rawValue] : nil
    }

    private static let columnsIn2019 = columnsByItem(y2019)
    private static let columnsIn2021 = columnsByItem(y2021)

    /// Whether a format has an item's column: one bit, where `columns(of:in:)` hands out (retains and
    /// releases) the item's column list. Asked for every table-1 cell a script states, twice.
    package static func has(_ item: DisclosureItem, _ column: DisclosureColumn, in edition: FormatEdition) -> Bool {
        let table = edition == .y2019 ? columnBitsIn2019 : columnBitsIn2021
        return item.rawValue >= 0 && item.rawValue < table.count && table[item.rawValue] & (1 << column.rawValue) != 0
    }

    /// Whether a format has an item at all.
    package static func has(_ item: DisclosureItem, in edition: FormatEdition) -> Bool {
        let table = edition == .y2019 ? columnBitsIn2019 : columnBitsIn2021
        return item.rawValue >= 0 && item.rawValue < table.count && table[item.rawValue] != 0
    }

    /// A bit per column (by raw value) for each item (by raw value); 0 for an item the format lacks.
    private static let columnBitsIn2019 = columnBits(columnsIn2019)
    private static let columnBitsIn2021 = columnBits(columnsIn2021)

    private static func columnBits(_ columns: [[DisclosureColumn]?]) -> [UInt64] {
        columns.map { list in (list ?? []).reduce(0) { $0 | 1 << UInt64($1.rawValue) } }
    }

    /// Each item's columns by its raw value; the first group that lists an item has it.
    private static func columnsByItem(_ groups: [DisclosureGroup]) -> [[DisclosureColumn]?] {
        var table: [[DisclosureColumn]?] = Array(repeating: nil, count: DisclosureItem.allCases.count)
        for group in groups {
            for item in group.items where item.rawValue >= 0 && item.rawValue < table.count && table[item.rawValue] == nil {
                table[item.rawValue] = group.columns
            }
        }
        return table
    }
}

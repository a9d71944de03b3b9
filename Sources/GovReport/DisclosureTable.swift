import GovLanguage

/// Table 1, 主动公开政府信息情况: items of 第二十条 and their columns, which differ between the formats
/// (format-2019.md §3, format-2021.md §3).
public enum DisclosureItem: Int, Term, Comparable {
    case regulations, normative, licensing, services, penalty, coercion, fees, procurement

    public var english: String {
        switch self {
        case .regulations: return "regulations"
        case .normative: return "normative"
        case .licensing: return "licensing"
        case .services: return "services"
        case .penalty: return "penalty"
        case .coercion: return "coercion"
        case .fees: return "fees"
        case .procurement: return "procurement"
        }
    }

    public var chinese: [String] {
        switch self {
        case .regulations: return ["规章"]
        case .normative: return ["规范性文件", "行政规范性文件"]
        case .licensing: return ["行政许可"]
        case .services: return ["其他对外管理服务事项"]
        case .penalty: return ["行政处罚"]
        case .coercion: return ["行政强制"]
        case .fees: return ["行政事业性收费"]
        case .procurement: return ["政府集中采购"]
        }
    }

    public func label(_ edition: FormatEdition) -> String {
        switch self {
        case .normative: return edition == .y2019 ? "规范性文件" : "行政规范性文件"
        default: return chinese[0]
        }
    }

    public static let spellingTable = makeSpellingTable()
    public static func < (a: DisclosureItem, b: DisclosureItem) -> Bool { a.rawValue < b.rawValue }
}

public enum DisclosureColumn: Int, Term, Comparable {
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

    public var english: String {
        switch self {
        case .made: return "made"
        case .published: return "published"
        case .total: return "total"
        case .previous: return "previous"
        case .change: return "change"
        case .decisions: return "decisions"
        case .projects: return "projects"
        case .issued: return "issued"
        case .repealed: return "repealed"
        case .effective: return "effective"
        case .amount: return "amount"
        }
    }

    public var chinese: [String] {
        switch self {
        case .made: return ["新制作"]
        case .published: return ["新公开"]
        case .total: return ["公开总数"]
        case .previous: return ["上一年"]
        case .change: return ["增减"]
        case .decisions: return ["处理决定"]
        case .projects: return ["采购项目"]
        case .issued: return ["制发"]
        case .repealed: return ["废止"]
        case .effective: return ["现行有效"]
        case .amount: return ["金额"]
        }
    }

    public func label(_ edition: FormatEdition) -> String {
        switch self {
        case .made: return "本年新制作数量"
        case .published: return "本年新公开数量"
        case .total: return "对外公开总数量"
        case .previous: return "上一年项目数量"
        case .change: return "本年增/减"
        case .decisions: return edition == .y2019 ? "处理决定数量" : "本年处理决定数量"
        case .projects: return "采购项目数量"
        case .issued: return "本年制发件数"
        case .repealed: return "本年废止件数"
        case .effective: return "现行有效件数"
        case .amount: return edition == .y2019 ? "采购总金额" : "本年收费金额（单位：万元）"
        }
    }

    public static let spellingTable = makeSpellingTable()
    public static func < (a: DisclosureColumn, b: DisclosureColumn) -> Bool { a.rawValue < b.rawValue }
}

/// One band of table 1: a 第二十条 item heading, its columns, and its rows.
public struct DisclosureGroup: Sendable {
    public let title: String
    public let columns: [DisclosureColumn]
    public let items: [DisclosureItem]

    public static func of(_ edition: FormatEdition) -> [DisclosureGroup] {
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

    /// The columns an item has in a format, or nil when the format has no such item.
    public static func columns(of item: DisclosureItem, in edition: FormatEdition) -> [DisclosureColumn]? {
        of(edition).first { $0.items.contains(item) }?.columns
    }
}

import GovLanguage

/// The six parts every report has, in the official order (条例第五十条; both formats).
public enum OfficialSection: Int, Term, Comparable {
    case overview, proactive, applications, appeals, problems, other

    public var english: String {
        switch self {
        case .overview: return "overview"
        case .proactive: return "proactive"
        case .applications: return "applications"
        case .appeals: return "appeals"
        case .problems: return "problems"
        case .other: return "other"
        }
    }

    public var chinese: [String] {
        switch self {
        case .overview: return ["总体情况"]
        case .proactive: return ["主动公开政府信息情况", "主动公开"]
        case .applications: return ["收到和处理政府信息公开申请情况", "申请情况"]
        case .appeals: return ["政府信息公开行政复议、行政诉讼情况", "复议诉讼"]
        case .problems: return ["存在的主要问题及改进情况", "问题及改进"]
        case .other: return ["其他需要报告的事项", "其他事项"]
        }
    }

    /// The heading text, without its number.
    public var title: String { chinese[0] }

    public static let spellingTable = makeSpellingTable()
    public static func < (a: OfficialSection, b: OfficialSection) -> Bool { a.rawValue < b.rawValue }
}

public enum ChineseNumeral {
    /// 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (enough for section numbers).
    public static func of(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard n > 0, n < 100 else { return String(n) }
        if n < 10 { return digits[n] }
        let tens = n / 10, ones = n % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + (ones == 0 ? "" : digits[ones])
    }
}

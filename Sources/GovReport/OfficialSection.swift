import GovLanguage

/// The six parts every report has, in the official order (条例第五十条; both formats).
public enum OfficialSection: Int, DeclaredTerm, Comparable {
    case overview, proactive, applications, appeals, problems, other

    package static let declarations: [TermDeclaration<OfficialSection>] = [
        .init(.overview, "overview", ["总体情况"]),
        .init(.proactive, "proactive", ["主动公开政府信息情况", "主动公开"]),
        .init(.applications, "applications", ["收到和处理政府信息公开申请情况", "申请情况"]),
        .init(.appeals, "appeals", ["政府信息公开行政复议、行政诉讼情况", "复议诉讼"]),
        .init(.problems, "problems", ["存在的主要问题及改进情况", "问题及改进"]),
        .init(.other, "other", ["其他需要报告的事项", "其他事项"]),
    ]
    package static let declarationTable = declarationIndex()

    /// The heading text, without its number.
    public var title: String { chinese[0] }

    package static let spellingTable = makeSpellingTable()
    public static func < (a: OfficialSection, b: OfficialSection) -> Bool { a.rawValue < b.rawValue }
}

package enum ChineseNumeral {
    /// 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (enough for section numbers).
    package static func of(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard n > 0, n < 100 else { return String(n) }
        if n < 10 { return digits[n] }
        let tens = n / 10, ones = n % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + (ones == 0 ? "" : digits[ones])
    }
}

import GovLanguage

/// Table 3, 政府信息公开行政复议、行政诉讼情况: three blocks of five outcome columns, the same in both
/// formats (15 columns when printed side by side).
public enum AppealBlock: Int, DeclaredTerm, Comparable {
    case review, direct, afterReview

    package static let declarations: [TermDeclaration<AppealBlock>] = [
        .init(.review, "review", "行政复议"),
        .init(.direct, "direct", "直接起诉", label: "未经复议直接起诉"),
        .init(.afterReview, "after_review", "复议后起诉"),
    ]
    package static let declarationTable = declarationIndex()

    /// The heading as printed (the same in both formats).
    public var label: String { label(.y2021) }

    package static let spellingTable = makeSpellingTable()
    public static func < (a: AppealBlock, b: AppealBlock) -> Bool { a.rawValue < b.rawValue }
}

public enum AppealOutcome: Int, DeclaredTerm, Comparable {
    case upheld, corrected, other, pending, total

    package static let declarations: [TermDeclaration<AppealOutcome>] = [
        .init(.upheld, "upheld", ["维持", "结果维持"], label: EditionText("结果维持")),
        .init(.corrected, "corrected", ["纠正", "结果纠正"], label: EditionText("结果纠正")),
        .init(.other, "other", ["其他", "其他结果"], label: EditionText("其他结果")),
        .init(.pending, "pending", ["未审结", "尚未审结"], label: EditionText("尚未审结")),
        .init(.total, "total", "总计"),
    ]
    package static let declarationTable = declarationIndex()

    /// The heading as printed (the same in both formats).
    public var label: String { label(.y2021) }

    /// The four outcomes whose sum is 总计 (rules B1–B3).
    public static let parts: [AppealOutcome] = [.upheld, .corrected, .other, .pending]

    package static let spellingTable = makeSpellingTable()
    public static func < (a: AppealOutcome, b: AppealOutcome) -> Bool { a.rawValue < b.rawValue }
}

import GovLanguage

/// Table 3, 政府信息公开行政复议、行政诉讼情况: three blocks of five outcome columns, the same in both
/// formats (15 columns when printed side by side).
public enum AppealBlock: Int, Term, Comparable {
    case review, direct, afterReview

    public var english: String {
        switch self {
        case .review: return "review"
        case .direct: return "direct"
        case .afterReview: return "after_review"
        }
    }

    public var chinese: [String] {
        switch self {
        case .review: return ["行政复议"]
        case .direct: return ["直接起诉"]
        case .afterReview: return ["复议后起诉"]
        }
    }

    public var label: String {
        switch self {
        case .review: return "行政复议"
        case .direct: return "未经复议直接起诉"
        case .afterReview: return "复议后起诉"
        }
    }

    public static let spellingTable = makeSpellingTable()
    public static func < (a: AppealBlock, b: AppealBlock) -> Bool { a.rawValue < b.rawValue }
}

public enum AppealOutcome: Int, Term, Comparable {
    case upheld, corrected, other, pending, total

    public var english: String {
        switch self {
        case .upheld: return "upheld"
        case .corrected: return "corrected"
        case .other: return "other"
        case .pending: return "pending"
        case .total: return "total"
        }
    }

    public var chinese: [String] {
        switch self {
        case .upheld: return ["维持", "结果维持"]
        case .corrected: return ["纠正", "结果纠正"]
        case .other: return ["其他", "其他结果"]
        case .pending: return ["未审结", "尚未审结"]
        case .total: return ["总计"]
        }
    }

    public var label: String {
        switch self {
        case .upheld: return "结果维持"
        case .corrected: return "结果纠正"
        case .other: return "其他结果"
        case .pending: return "尚未审结"
        case .total: return "总计"
        }
    }

    /// The four outcomes whose sum is 总计 (rules B1–B3).
    public static let parts: [AppealOutcome] = [.upheld, .corrected, .other, .pending]

    public static let spellingTable = makeSpellingTable()
    public static func < (a: AppealOutcome, b: AppealOutcome) -> Bool { a.rawValue < b.rawValue }
}

import GovLanguage

/// Table 2, 收到和处理政府信息公开申请情况: its applicant columns and its rows, labels verbatim from the
/// official formats (see shared/reference/format-2019.md §4 and format-2021.md §4).
public enum Applicant: Int, Term, Comparable {
    case person, business, research, nonprofit, legal, otherOrganization, all

    public var english: String {
        switch self {
        case .person: return "person"
        case .business: return "business"
        case .research: return "research"
        case .nonprofit: return "nonprofit"
        case .legal: return "legal"
        case .otherOrganization: return "other_org"
        case .all: return "all"
        }
    }

    public var chinese: [String] {
        switch self {
        case .person: return ["自然人"]
        case .business: return ["商业企业"]
        case .research: return ["科研机构"]
        case .nonprofit: return ["社会公益组织"]
        case .legal: return ["法律服务机构"]
        case .otherOrganization: return ["其他组织"]
        case .all: return ["总计"]
        }
    }

    /// The column heading as printed.
    public var label: String {
        switch self {
        case .person: return "自然人"
        case .business: return "商业企业"
        case .research: return "科研机构"
        case .nonprofit: return "社会公益组织"
        case .legal: return "法律服务机构"
        case .otherOrganization: return "其他"
        case .all: return "总计"
        }
    }

    /// The six columns that are counted; `all` (总计) is their sum.
    public static let counted: [Applicant] = [.person, .business, .research, .nonprofit, .legal, .otherOrganization]
    /// The five columns under the merged heading 法人或其他组织.
    public static let organizations: [Applicant] = [.business, .research, .nonprofit, .legal, .otherOrganization]

    public static let spellingTable = makeSpellingTable()
    public static func < (a: Applicant, b: Applicant) -> Bool { a.rawValue < b.rawValue }
}

public enum ApplicationRow: Int, Term, Comparable {
    case new, carried
    case granted, partial
    case secret, prohibited, security, thirdParty, internalAffairs, deliberative, caseFile, inquiry
    case notHeld, needsCreation, unclear
    case petition, repeated, publication, excessive, reconfirm
    case overdueCorrection, overdueFee, other
    case total, forward
    /// 2021 format: （六）其他处理 printed as one row, as many 2021–2024 reports did; its value is the sum of
    /// the three sub-rows. Last in the enumeration so the order of every other cell is unchanged.
    case otherTotal

    public var english: String {
        switch self {
        case .new: return "new"
        case .carried: return "carried"
        case .granted: return "granted"
        case .partial: return "partial"
        case .secret: return "secret"
        case .prohibited: return "prohibited"
        case .security: return "security"
        case .thirdParty: return "third_party"
        case .internalAffairs: return "internal"
        case .deliberative: return "deliberative"
        case .caseFile: return "case_file"
        case .inquiry: return "inquiry"
        case .notHeld: return "not_held"
        case .needsCreation: return "needs_creation"
        case .unclear: return "unclear"
        case .petition: return "petition"
        case .repeated: return "repeated"
        case .publication: return "publication"
        case .excessive: return "excessive"
        case .reconfirm: return "reconfirm"
        case .overdueCorrection: return "overdue_correction"
        case .overdueFee: return "overdue_fee"
        case .other: return "other"
        case .total: return "total"
        case .forward: return "forward"
        case .otherTotal: return "other_total"
        }
    }

    public var chinese: [String] {
        switch self {
        case .new: return ["本年新收"]
        case .carried: return ["上年结转"]
        case .granted: return ["予以公开"]
        case .partial: return ["部分公开"]
        case .secret: return ["国家秘密"]
        case .prohibited: return ["法律法规禁止"]
        case .security: return ["三安全一稳定"]
        case .thirdParty: return ["第三方权益"]
        case .internalAffairs: return ["内部事务"]
        case .deliberative: return ["过程性信息"]
        case .caseFile: return ["行政执法案卷"]
        case .inquiry: return ["行政查询事项"]
        case .notHeld: return ["本机关不掌握"]
        case .needsCreation: return ["需另行制作"]
        case .unclear: return ["补正后仍不明确"]
        case .petition: return ["信访举报投诉"]
        case .repeated: return ["重复申请"]
        case .publication: return ["公开出版物"]
        case .excessive: return ["大量反复申请"]
        case .reconfirm: return ["确认或重新出具"]
        case .overdueCorrection: return ["逾期不补正"]
        case .overdueFee: return ["逾期未缴费"]
        case .other: return ["其他处理"]
        case .total: return ["办理总计"]
        case .forward: return ["结转下年度"]
        case .otherTotal: return ["（六）其他处理"]
        }
    }

    /// `总计` also names the row when no column is named first (`申请 总计 5`): the parser reads a word
    /// followed by another word as a column, so the two meanings never meet.
    public static let spellingTable = makeSpellingTable(extra: [("总计", .total)])

    public static func < (a: ApplicationRow, b: ApplicationRow) -> Bool { a.rawValue < b.rawValue }

    /// The row label as printed in the given format.
    public func label(_ edition: FormatEdition) -> String {
        switch self {
        case .new: return "一、本年新收政府信息公开申请数量"
        case .carried: return "二、上年结转政府信息公开申请数量"
        case .granted: return "（一）予以公开"
        case .partial: return "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
        case .secret: return "1.属于国家秘密"
        case .prohibited: return "2.其他法律行政法规禁止公开"
        case .security: return "3.危及“三安全一稳定”"
        case .thirdParty: return "4.保护第三方合法权益"
        case .internalAffairs: return "5.属于三类内部事务信息"
        case .deliberative: return "6.属于四类过程性信息"
        case .caseFile: return "7.属于行政执法案卷"
        case .inquiry: return "8.属于行政查询事项"
        case .notHeld: return "1.本机关不掌握相关政府信息"
        case .needsCreation: return "2.没有现成信息需要另行制作"
        case .unclear: return "3.补正后申请内容仍不明确"
        case .petition: return "1.信访举报投诉类申请"
        case .repeated: return "2.重复申请"
        case .publication: return "3.要求提供公开出版物"
        case .excessive: return "4.无正当理由大量反复申请"
        case .reconfirm: return "5.要求行政机关确认或重新出具已获取信息"
        case .overdueCorrection: return "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
        case .overdueFee: return "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
        case .other: return edition == .y2019 ? "（六）其他处理" : "3.其他"
        case .total: return "（七）总计"
        case .forward: return "四、结转下年度继续办理"
        case .otherTotal: return "（六）其他处理"
        }
    }
}

/// The layout of table 2's rows in one format: which rows exist, in order, and how the result rows group.
public struct ApplicationTableSpec: Sendable {
    /// A run of rows under one label: the result rows under 三、本年度办理结果, and inside it the
    /// sub-groups （三）不予公开, （四）无法提供, （五）不予处理 and, in 2021, （六）其他处理.
    public struct Group: Sendable {
        public let label: String
        public let rows: [ApplicationRow]
    }

    public let edition: FormatEdition
    /// All data rows in printed order.
    public let rows: [ApplicationRow]
    /// The rows that add up to （七）总计 (rule A2).
    public let resultRows: [ApplicationRow]
    /// Sub-groups of the result rows.
    public let groups: [Group]

    public static let resultsLabel = "三、本年度办理结果"
    /// Printed in the header cell of both formats: the rule A1.
    public static let balanceNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

    /// Whether （六）其他处理 is printed as one row (2021 format only; `other_total` stated).
    public let otherAsOneRow: Bool

    public static func of(_ edition: FormatEdition, otherAsOneRow: Bool = false) -> ApplicationTableSpec {
        edition == .y2019 ? y2019 : otherAsOneRow ? y2021OneOtherRow : y2021
    }

    /// The three shapes of table 2, for instantiating the rules once per shape.
    public static let all: [ApplicationTableSpec] = [y2019, y2021, y2021OneOtherRow]

    /// The rows of 2021's （六）其他处理.
    public static let otherHandling: [ApplicationRow] = [.overdueCorrection, .overdueFee, .other]

    /// Whether the format has a row, without copying the spec (asked for every cell a script states).
    public static func has(_ row: ApplicationRow, in edition: FormatEdition) -> Bool {
        switch row {
        case .other: return true
        case .overdueCorrection, .overdueFee, .otherTotal: return edition == .y2021
        default: return true
        }
    }

    static let withheld: [ApplicationRow] = [
        .secret, .prohibited, .security, .thirdParty, .internalAffairs, .deliberative, .caseFile, .inquiry,
    ]
    static let unable: [ApplicationRow] = [.notHeld, .needsCreation, .unclear]
    static let notProcessed: [ApplicationRow] = [.petition, .repeated, .publication, .excessive, .reconfirm]

    static let y2019: ApplicationTableSpec = {
        let results: [ApplicationRow] = [.granted, .partial] + withheld + unable + notProcessed + [.other]
        return ApplicationTableSpec(
            edition: .y2019, rows: [.new, .carried] + results + [.total, .forward], resultRows: results,
            groups: [
                Group(label: "（三）不予公开", rows: withheld), Group(label: "（四）无法提供", rows: unable),
                Group(label: "（五）不予处理", rows: notProcessed),
            ], otherAsOneRow: false)
    }()

    static let y2021: ApplicationTableSpec = {
        let results: [ApplicationRow] = [.granted, .partial] + withheld + unable + notProcessed + otherHandling
        return ApplicationTableSpec(
            edition: .y2021, rows: [.new, .carried] + results + [.total, .forward], resultRows: results,
            groups: [
                Group(label: "（三）不予公开", rows: withheld), Group(label: "（四）无法提供", rows: unable),
                Group(label: "（五）不予处理", rows: notProcessed), Group(label: "（六）其他处理", rows: otherHandling),
            ], otherAsOneRow: false)
    }()

    /// The 2021 table as printed with a single （六）其他处理 row: that row replaces the three sub-rows in
    /// print and in （七）总计.
    static let y2021OneOtherRow: ApplicationTableSpec = {
        let results: [ApplicationRow] = [.granted, .partial] + withheld + unable + notProcessed + [.otherTotal]
        return ApplicationTableSpec(
            edition: .y2021, rows: [.new, .carried] + results + [.total, .forward], resultRows: results,
            groups: [
                Group(label: "（三）不予公开", rows: withheld), Group(label: "（四）无法提供", rows: unable),
                Group(label: "（五）不予处理", rows: notProcessed),
            ], otherAsOneRow: true)
    }()
}

import GovLanguage

/// Table 2, 收到和处理政府信息公开申请情况: its applicant columns and its rows, labels verbatim from the
/// official formats (see shared/reference/format-2019.md §4 and format-2021.md §4).
public enum Applicant: Int, DeclaredTerm, Comparable {
    case person, business, research, nonprofit, legal, otherOrganization, all

    package static let declarations: [TermDeclaration<Applicant>] = [
        .init(.person, "person", "自然人"),
        .init(.business, "business", "商业企业"),
        .init(.research, "research", "科研机构"),
        .init(.nonprofit, "nonprofit", "社会公益组织"),
        .init(.legal, "legal", "法律服务机构"),
        .init(.otherOrganization, "other_org", "其他组织", label: "其他"),
        .init(.all, "all", "总计"),
    ]
    package static let declarationTable = declarationIndex()

    /// The column heading as printed (the same in both formats).
    public var label: String { label(.y2021) }

    /// The six columns that are counted; `all` (总计) is their sum.
    public static let counted: [Applicant] = [.person, .business, .research, .nonprofit, .legal, .otherOrganization]
    /// The five columns under the merged heading 法人或其他组织.
    public static let organizations: [Applicant] = [.business, .research, .nonprofit, .legal, .otherOrganization]

    package static let spellingTable = makeSpellingTable()
    public static func < (a: Applicant, b: Applicant) -> Bool { a.rawValue < b.rawValue }
}

public enum ApplicationRow: Int, DeclaredTerm, Comparable {
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

    /// Every row of table 2, in printed order: its spellings, its label, the formats it exists in, whether it
    /// is one of 三、本年度办理结果 (their sum is （七）总计, rule A2) and the sub-group it sits in. Adding a
    /// row is its case above and one line here: the spec, the layout, the rules, every renderer, the
    /// scaffold, completion and help read this table.
    package static let rows: [ApplicationRowDeclaration] = [
        .init(.new, "new", "本年新收", label: "一、本年新收政府信息公开申请数量"),
        .init(.carried, "carried", "上年结转", label: "二、上年结转政府信息公开申请数量"),
        .result(.granted, "granted", "予以公开", label: "（一）予以公开"),
        .result(.partial, "partial", "部分公开", label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        .result(.secret, "secret", "国家秘密", label: "1.属于国家秘密", group: withheld),
        .result(.prohibited, "prohibited", "法律法规禁止", label: "2.其他法律行政法规禁止公开", group: withheld),
        .result(.security, "security", "三安全一稳定", label: "3.危及“三安全一稳定”", group: withheld),
        .result(.thirdParty, "third_party", "第三方权益", label: "4.保护第三方合法权益", group: withheld),
        .result(.internalAffairs, "internal", "内部事务", label: "5.属于三类内部事务信息", group: withheld),
        .result(.deliberative, "deliberative", "过程性信息", label: "6.属于四类过程性信息", group: withheld),
        .result(.caseFile, "case_file", "行政执法案卷", label: "7.属于行政执法案卷", group: withheld),
        .result(.inquiry, "inquiry", "行政查询事项", label: "8.属于行政查询事项", group: withheld),
        .result(.notHeld, "not_held", "本机关不掌握", label: "1.本机关不掌握相关政府信息", group: unable),
        .result(.needsCreation, "needs_creation", "需另行制作", label: "2.没有现成信息需要另行制作", group: unable),
        .result(.unclear, "unclear", "补正后仍不明确", label: "3.补正后申请内容仍不明确", group: unable),
        .result(.petition, "petition", "信访举报投诉", label: "1.信访举报投诉类申请", group: notProcessed),
        .result(.repeated, "repeated", "重复申请", label: "2.重复申请", group: notProcessed),
        .result(.publication, "publication", "公开出版物", label: "3.要求提供公开出版物", group: notProcessed),
        .result(.excessive, "excessive", "大量反复申请", label: "4.无正当理由大量反复申请", group: notProcessed),
        .result(.reconfirm, "reconfirm", "确认或重新出具", label: "5.要求行政机关确认或重新出具已获取信息", group: notProcessed),
        .result(
            .overdueCorrection, "overdue_correction", "逾期不补正", label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            group: otherHandling, formats: [.y2021]),
        .result(
            .overdueFee, "overdue_fee", "逾期未缴费", label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            group: otherHandling, formats: [.y2021]),
        .result(.other, "other", "其他处理", label: EditionText(y2019: "（六）其他处理", y2021: "3.其他"), group: [.y2021: "（六）其他处理"]),
        .init(.total, "total", "办理总计", label: "（七）总计"),
        .init(.forward, "forward", "结转下年度", label: "四、结转下年度继续办理"),
        // Not a row of the format's own grid: it takes the place of （六）'s three sub-rows when a report printed
        // them as one (ApplicationTableSpec.y2021OneOtherRow).
        .init(.otherTotal, "other_total", "（六）其他处理", label: "（六）其他处理", formats: [.y2021]),
    ]

    private static let withheld: [FormatEdition: String] = [.y2019: "（三）不予公开", .y2021: "（三）不予公开"]
    private static let unable: [FormatEdition: String] = [.y2019: "（四）无法提供", .y2021: "（四）无法提供"]
    private static let notProcessed: [FormatEdition: String] = [.y2019: "（五）不予处理", .y2021: "（五）不予处理"]
    private static let otherHandling: [FormatEdition: String] = [.y2021: "（六）其他处理"]

    package static let declarations = rows.map(\.term)
    package static let declarationTable = declarationIndex()

    /// `总计` also names the row when no column is named first (`申请 总计 5`): the parser reads a word
    /// followed by another word as a column, so the two meanings never meet.
    package static let spellingTable = makeSpellingTable(extra: [("总计", .total)])

    public static func < (a: ApplicationRow, b: ApplicationRow) -> Bool { a.rawValue < b.rawValue }
}

/// One row of table 2 as declared: the term, and where it sits among the results.
package struct ApplicationRowDeclaration: Sendable {
    package let term: TermDeclaration<ApplicationRow>
    /// One of 三、本年度办理结果, whose sum is （七）总计.
    package let isResult: Bool
    /// The sub-group label (（三）不予公开 …) in each format where the row sits in one.
    package let group: [FormatEdition: String]

    package var row: ApplicationRow { term.term }

    init(
        _ row: ApplicationRow, _ english: String, _ chinese: String, label: String, isResult: Bool = false,
        group: [FormatEdition: String] = [:], formats: Set<FormatEdition> = [.y2019, .y2021]
    ) {
        self.init(row, english, chinese, label: EditionText(label), isResult: isResult, group: group, formats: formats)
    }

    init(
        _ row: ApplicationRow, _ english: String, _ chinese: String, label: EditionText, isResult: Bool = false,
        group: [FormatEdition: String] = [:], formats: Set<FormatEdition> = [.y2019, .y2021]
    ) {
        term = TermDeclaration(row, english, [chinese], label: label, formats: formats)
        self.isResult = isResult
        self.group = group
    }

    static func result(
        _ row: ApplicationRow, _ english: String, _ chinese: String, label: String, group: [FormatEdition: String] = [:],
        formats: Set<FormatEdition> = [.y2019, .y2021]
    ) -> ApplicationRowDeclaration {
        ApplicationRowDeclaration(row, english, chinese, label: EditionText(label), isResult: true, group: group, formats: formats)
    }

    static func result(
        _ row: ApplicationRow, _ english: String, _ chinese: String, label: EditionText, group: [FormatEdition: String] = [:]
    ) -> ApplicationRowDeclaration {
        ApplicationRowDeclaration(row, english, chinese, label: label, isResult: true, group: group)
    }
}

/// The layout of table 2's rows in one format: which rows exist, in order, and how the result rows group.
package struct ApplicationTableSpec: Sendable {
    /// A run of rows under one label: the result rows under 三、本年度办理结果, and inside it the
    /// sub-groups （三）不予公开, （四）无法提供, （五）不予处理 and, in 2021, （六）其他处理.
    package struct Group: Sendable {
        package let label: String
        package let rows: [ApplicationRow]
    }

    package let edition: FormatEdition
    /// All data rows in printed order.
    package let rows: [ApplicationRow]
    /// The rows that add up to （七）总计 (rule A2).
    package let resultRows: [ApplicationRow]
    /// Sub-groups of the result rows.
    package let groups: [Group]

    package static let resultsLabel = "三、本年度办理结果"
    /// Printed in the header cell of both formats: the rule A1.
    package static let balanceNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

    /// Whether （六）其他处理 is printed as one row (2021 format only; `other_total` stated).
    package let otherAsOneRow: Bool

    package static func of(_ edition: FormatEdition, otherAsOneRow: Bool = false) -> ApplicationTableSpec {
        all[shape(edition, otherAsOneRow: otherAsOneRow)]
    }

    /// The three shapes of table 2, for instantiating the rules once per shape.
    package static let all: [ApplicationTableSpec] = [y2019, y2021, y2021OneOtherRow]

    /// Where `of(edition, otherAsOneRow:)` is in `all`, without copying a spec.
    static func shape(_ edition: FormatEdition, otherAsOneRow: Bool) -> Int {
        edition == .y2019 ? 0 : otherAsOneRow ? 2 : 1
    }

    /// The rows of 2021's （六）其他处理.
    package static let otherHandling: [ApplicationRow] = [.overdueCorrection, .overdueFee, .other]

    /// Whether the format has a row, without copying the spec (asked for every cell a script states).
    package static func has(_ row: ApplicationRow, in edition: FormatEdition) -> Bool {
        let present = edition == .y2019 ? presentIn2019 : presentIn2021
        return row.rawValue >= 0 && row.rawValue < present.count && present[row.rawValue]
    }

    /// `has` by raw value: a table read, where the declaration's set of formats would be hashed per cell.
    private static let presentIn2019 = ApplicationRow.allCases.map { $0.exists(in: .y2019) }
    private static let presentIn2021 = ApplicationRow.allCases.map { $0.exists(in: .y2021) }

    static let y2019 = ApplicationTableSpec(from: ApplicationRow.rows, edition: .y2019)
    static let y2021 = ApplicationTableSpec(from: ApplicationRow.rows, edition: .y2021)

    /// The 2021 table as printed with a single （六）其他处理 row: that row replaces the three sub-rows in
    /// print and in （七）总计.
    static let y2021OneOtherRow: ApplicationTableSpec = {
        func replaced(_ rows: [ApplicationRow]) -> [ApplicationRow] {
            rows.flatMap { row -> [ApplicationRow] in
                row == .overdueCorrection ? [.otherTotal] : otherHandling.contains(row) ? [] : [row]
            }
        }
        return ApplicationTableSpec(
            edition: .y2021, rows: replaced(y2021.rows), resultRows: replaced(y2021.resultRows),
            groups: y2021.groups.filter { $0.rows != otherHandling }, otherAsOneRow: true)
    }()

    private init(edition: FormatEdition, rows: [ApplicationRow], resultRows: [ApplicationRow], groups: [Group], otherAsOneRow: Bool) {
        self.edition = edition
        self.rows = rows
        self.resultRows = resultRows
        self.groups = groups
        self.otherAsOneRow = otherAsOneRow
    }

    /// The spec of one format, read from the row declarations: the rows it has, in order; the result rows;
    /// and each run of consecutive result rows under one sub-group label.
    init(from declarations: [ApplicationRowDeclaration], edition: FormatEdition) {
        let present = declarations.filter { $0.term.formats.contains(edition) && $0.row != .otherTotal }
        var groups: [Group] = []
        for declaration in present where declaration.isResult {
            guard let label = declaration.group[edition] else { continue }
            if let last = groups.last, last.label == label {
                groups[groups.count - 1] = Group(label: label, rows: last.rows + [declaration.row])
            } else {
                groups.append(Group(label: label, rows: [declaration.row]))
            }
        }
        self.edition = edition
        rows = present.map(\.row)
        resultRows = present.filter(\.isResult).map(\.row)
        self.groups = groups
        otherAsOneRow = false
    }
}

/// The phrase patterns that link a literal number in a paragraph to the report quantity it states — data,
/// in one place, like the rule table. Each says: in a sentence about this topic, a number whose clause
/// holds one of these words (and none of those) states this quantity, exactly or only probably.
///
/// Words are looked for in the clause before the number (予以公开12件), and only when there are none there,
/// after it (1件结转下年度). A number that two patterns claim, or none, is left alone: a false alarm is
/// worse than a miss.
package struct PhrasePattern: Sendable {
    package let id: String
    package let topic: TextTopic
    /// Any of these in the clause.
    package let words: [String]
    /// None of these in the clause (a more specific pattern owns them).
    package let unless: [String]
    package let target: TextTarget
    /// Exact: the clause can mean only this quantity, a difference is an error. Otherwise the text may
    /// count differently: the alternatives are accepted too, and a difference is a warning with the reason.
    package let certainty: Certainty
    /// The finding's code: C1 (applications, appeals, channels) or C5 (table 1).
    package let rule: String
    package let units: Set<TextUnit>

    package enum Certainty: Sendable {
        case exact
        case loose(alternatives: [TextTarget], reason: String)
    }
}

package enum TextTopic: String, Sendable {
    case applications, review, lawsuit, disclosure, channels
}

/// What a text quantity may state. Application rows are summed in the column the clause names (自然人,
/// 法人或其他组织, …; 总计 by default); appeal outcomes are summed over the blocks of the topic (行政复议, or
/// 行政诉讼's two); table 1 columns are read for the item the clause names.
package enum TextTarget: Sendable {
    case applicationRows([ApplicationRow])
    case appeal(AppealOutcome)
    case disclosure(DisclosureColumn)
    case channel
}

package enum PhraseTable {
    static let applicationUnits: Set<TextUnit> = [.item, .piece]
    static let appealUnits: Set<TextUnit> = [.item, .cases, .piece]
    static let documentUnits: Set<TextUnit> = [.item, .piece, .article]
    static let decisionUnits: Set<TextUnit> = [.item, .piece, .matter, .times]
    static let amountUnits: Set<TextUnit> = [.yuan, .tenThousandYuan]

    static let withheld: [ApplicationRow] = [.secret, .prohibited, .security, .thirdParty, .internalAffairs, .deliberative, .caseFile, .inquiry]
    static let unable: [ApplicationRow] = [.notHeld, .needsCreation, .unclear]
    static let notProcessed: [ApplicationRow] = [.petition, .repeated, .publication, .excessive, .reconfirm]

    /// Words that make a clause about received requests count them either way.
    static let receivedReason = "“收到/受理”可能把上年结转的申请也算在内"

    package static let patterns: [PhrasePattern] = [
        // 一、本年新收 and what may be counted with it.
        PhrasePattern(
            id: "application.new", topic: .applications, words: ["新收", "新增"], unless: ["结转"],
            target: .applicationRows([.new]), certainty: .exact, rule: "C1", units: applicationUnits),
        PhrasePattern(
            id: "application.received", topic: .applications, words: ["收到", "受理", "接收", "接到", "收悉"],
            unless: ["新收", "新增", "结转", "办结", "答复"],
            target: .applicationRows([.new]),
            certainty: .loose(alternatives: [.applicationRows([.new, .carried])], reason: receivedReason), rule: "C1",
            units: applicationUnits),
        PhrasePattern(
            id: "application.carried", topic: .applications, words: ["上年结转", "上年度结转", "上一年度结转", "结转上年", "上年转入"],
            unless: [], target: .applicationRows([.carried]), certainty: .exact, rule: "C1", units: applicationUnits),
        PhrasePattern(
            id: "application.forward", topic: .applications,
            words: ["结转下年", "结转至下", "结转到下", "转入下", "顺延到下", "顺延至下", "下年度继续办理", "结转至2", "结转到2"],
            unless: [], target: .applicationRows([.forward]), certainty: .exact, rule: "C1", units: applicationUnits),
        PhrasePattern(
            id: "application.total", topic: .applications, words: ["办结", "办理完毕", "处理完毕", "已办理", "已答复", "作出答复"],
            unless: ["办结率"], target: .applicationRows([.total]), certainty: .exact, rule: "C1", units: applicationUnits),
        PhrasePattern(
            id: "application.replied", topic: .applications, words: ["答复"],
            unless: ["办结", "已答复", "作出答复", "予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "结转", "顺延", "下年度"],
            target: .applicationRows([.total]),
            certainty: .loose(alternatives: [.applicationRows([.total, .forward])], reason: "“答复”可能按另一口径统计（如含正在办理的）"),
            rule: "C1", units: applicationUnits),
        // 三、本年度办理结果.
        PhrasePattern(
            id: "application.granted+partial", topic: .applications,
            words: ["予以公开和部分公开", "予以公开及部分公开", "予以公开、部分公开", "予以公开与部分公开", "全部公开和部分公开", "同意公开和部分公开"],
            unless: [], target: .applicationRows([.granted, .partial]), certainty: .exact, rule: "C1", units: applicationUnits),
        PhrasePattern(
            id: "application.granted", topic: .applications, words: ["予以公开", "同意公开", "全部公开"], unless: ["部分公开", "不予公开"],
            target: .applicationRows([.granted]), certainty: .exact, rule: "C1", units: applicationUnits),
        PhrasePattern(
            id: "application.partial", topic: .applications, words: ["部分公开"], unless: ["予以公开", "同意公开", "全部公开"],
            target: .applicationRows([.partial]), certainty: .exact, rule: "C1", units: applicationUnits),
        PhrasePattern(
            id: "application.withheld", topic: .applications, words: ["不予公开"], unless: [],
            target: .applicationRows(withheld), certainty: .exact, rule: "C1", units: applicationUnits),
        PhrasePattern(
            id: "application.unable", topic: .applications, words: ["无法提供"], unless: ["不掌握", "另行制作", "补正"],
            target: .applicationRows(unable), certainty: .exact, rule: "C1", units: applicationUnits),
        PhrasePattern(
            id: "application.not_held", topic: .applications, words: ["不掌握"], unless: [],
            target: .applicationRows([.notHeld]), certainty: .exact, rule: "C1", units: applicationUnits),
        PhrasePattern(
            id: "application.not_processed", topic: .applications, words: ["不予处理"], unless: ["信访", "重复申请", "出版物"],
            target: .applicationRows(notProcessed), certainty: .exact, rule: "C1", units: applicationUnits),
        PhrasePattern(
            id: "application.other", topic: .applications, words: ["其他处理"], unless: [],
            target: .applicationRows([.other, .overdueCorrection, .overdueFee]), certainty: .exact, rule: "C1", units: applicationUnits),
        // 行政复议 / 行政诉讼: the count, then each outcome.
        PhrasePattern(
            id: "appeal.upheld", topic: .review, words: ["维持"], unless: ["均维持", "均获维持", "全部维持", "均予维持", "均被维持"],
            target: .appeal(.upheld), certainty: .exact, rule: "C1", units: appealUnits),
        PhrasePattern(
            id: "appeal.corrected", topic: .review, words: ["纠正", "撤销", "确认违法"], unless: [],
            target: .appeal(.corrected), certainty: .exact, rule: "C1", units: appealUnits),
        PhrasePattern(
            id: "appeal.other", topic: .review, words: ["其他结果"], unless: [], target: .appeal(.other), certainty: .exact, rule: "C1",
            units: appealUnits),
        PhrasePattern(
            id: "appeal.pending", topic: .review, words: ["尚未审结", "未审结", "审理中", "正在审理"], unless: [],
            target: .appeal(.pending), certainty: .exact, rule: "C1", units: appealUnits),
        PhrasePattern(
            id: "appeal.total", topic: .review, words: ["行政复议", "复议", "行政诉讼", "诉讼"],
            unless: ["维持", "纠正", "撤销", "其他结果", "审结", "审理"],
            target: .appeal(.total), certainty: .exact, rule: "C1", units: appealUnits),
        // Table 1 (C5): a column word and an item word in the clause.
        PhrasePattern(
            id: "proactive.issued", topic: .disclosure, words: ["制发", "印发", "出台"], unless: ["废止", "现行有效"],
            target: .disclosure(.issued), certainty: .exact, rule: "C5", units: documentUnits),
        PhrasePattern(
            id: "proactive.repealed", topic: .disclosure, words: ["废止"], unless: ["制发", "现行有效", "拟"],
            target: .disclosure(.repealed), certainty: .exact, rule: "C5", units: documentUnits),
        PhrasePattern(
            id: "proactive.effective", topic: .disclosure, words: ["现行有效"], unless: [],
            target: .disclosure(.effective), certainty: .exact, rule: "C5", units: documentUnits),
        PhrasePattern(
            id: "proactive.made", topic: .disclosure, words: ["新制作"], unless: [], target: .disclosure(.made), certainty: .exact,
            rule: "C5", units: documentUnits),
        PhrasePattern(
            id: "proactive.published", topic: .disclosure, words: ["新公开"], unless: [], target: .disclosure(.published),
            certainty: .exact, rule: "C5", units: documentUnits),
        PhrasePattern(
            id: "proactive.total", topic: .disclosure, words: ["对外公开总数", "公开总数"], unless: [], target: .disclosure(.total),
            certainty: .exact, rule: "C5", units: documentUnits),
        PhrasePattern(
            id: "proactive.decisions", topic: .disclosure, words: ["决定"], unless: [], target: .disclosure(.decisions),
            certainty: .exact, rule: "C5", units: decisionUnits),
        PhrasePattern(
            id: "proactive.amount", topic: .disclosure, words: ["收费金额", "收取", "收费", "采购金额", "采购总金额", "采购资金"],
            unless: ["处理费"], target: .disclosure(.amount), certainty: .exact, rule: "C5", units: amountUnits),
        PhrasePattern(
            id: "proactive.projects", topic: .disclosure, words: ["采购项目"], unless: [], target: .disclosure(.projects),
            certainty: .exact, rule: "C5", units: [.piece, .matter, .item]),
        // A channel or category named as the script names it, with its count.
        PhrasePattern(
            id: "channel", topic: .channels, words: [], unless: [], target: .channel, certainty: .exact, rule: "C1",
            units: [.entry, .article, .piece, .times]),
    ]

    /// Applicant words pick the column of an application quantity (总计 by default).
    static let applicants: [(words: [String], columns: [Applicant])] = [
        (["自然人", "公民"], [.person]),
        (["法人或其他组织", "法人和其他组织", "法人及其他组织"], Applicant.organizations),
        (["商业企业", "企业"], [.business]),
        (["科研机构"], [.research]),
        (["社会公益组织"], [.nonprofit]),
        (["法律服务机构"], [.legal]),
    ]

    /// Item words pick the row of a table-1 quantity; a clause that names none (or two) is left alone.
    static let items: [(words: [String], unless: [String], item: DisclosureItem)] = [
        (["规章"], ["规章制度"], .regulations),
        (["规范性文件"], [], .normative),
        (["行政许可"], [], .licensing),
        (["行政处罚"], [], .penalty),
        (["行政强制"], [], .coercion),
        (["收费"], ["处理费"], .fees),
        (["采购"], [], .procurement),
    ]

    /// Topic words, found in the sentence before the number (the nearest wins), else in its clause after it.
    static let topics: [(word: String, topic: TextTopic)] = [
        ("依申请", .applications), ("申请", .applications),
        // Words of the applications table that no other subject uses: they carry the topic themselves.
        ("新收", .applications), ("上年结转", .applications), ("上年度结转", .applications), ("结转下年", .applications),
        ("予以公开", .applications), ("部分公开", .applications), ("不予公开", .applications), ("无法提供", .applications),
        ("不予处理", .applications),
        ("行政复议", .review), ("复议", .review), ("行政诉讼", .lawsuit), ("诉讼", .lawsuit), ("起诉", .lawsuit),
        ("规章", .disclosure), ("规范性文件", .disclosure), ("行政许可", .disclosure), ("行政处罚", .disclosure),
        ("行政强制", .disclosure), ("收费", .disclosure), ("采购", .disclosure),
    ]

    /// Words that say a sentence counts for another scope than the report: the office alone in a
    /// government's report, or the whole area in a department's (C6).
    static let narrowScope = ["本机关", "本办", "本单位", "本部门", "政府办", "办公室", "本级"]
    static let wideScope = ["全区", "全市", "全县", "全省", "全镇", "各级", "各部门", "各单位", "全系统"]

    /// 行政复议3件，均维持原行政行为: a claim about every case of the count before it.
    static let allUpheld = ["均维持", "均获维持", "全部维持", "均予维持", "均被维持", "均依法维持"]

    /// A clause that compares (较上年增加5件, 同比增长20%) states a difference, not a quantity of the table.
    static let comparisonWords = ["增加", "增长", "减少", "下降", "上升", "提高", "同比", "环比", "较上年", "比上年", "较去年", "比去年", "相比"]

    /// Percentages: 占 + a share of a count linked just before, in the same sentence.
    static let shareWords = ["占", "比例为", "比重为"]
}

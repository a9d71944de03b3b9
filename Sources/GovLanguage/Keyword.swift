/// The statement keywords: each has one English and one Chinese spelling, and both mean the same.
/// This table is the single source for the parser, for did-you-mean suggestions, the REPL's completion and
/// the language reference in docs/language.md.
public enum Keyword: String, CaseIterable, Sendable {
    case body, kind, year, format, title, published, signoff, parts, previous
    case section, heading, lead, text, table, columns, row
    case channel, category
    case proactive, application, review, lawsuit
    case deliberate
    case `let`, include, assert

    public var english: String { rawValue }

    public var chinese: String {
        switch self {
        case .body: return "机关"
        case .kind: return "机关类型"
        case .lead: return "段首"
        case .deliberate: return "如实"
        case .year: return "年度"
        case .format: return "格式"
        case .title: return "标题"
        case .published: return "发布日期"
        case .signoff: return "落款"
        case .parts: return "部分数"
        case .previous: return "上年报告"
        case .section: return "章节"
        case .heading: return "小标题"
        case .text: return "正文"
        case .table: return "表格"
        case .columns: return "列"
        case .row: return "行"
        case .channel: return "渠道"
        case .category: return "类别"
        case .proactive: return "主动公开"
        case .application: return "申请"
        case .review: return "复议"
        case .lawsuit: return "诉讼"
        case .let: return "设"
        case .include: return "引用"
        case .assert: return "断言"
        }
    }

    /// What the statement does, for help texts.
    public var summary: String {
        switch self {
        case .body: return "the reporting body (报告机关)"
        case .kind: return "the body's kind, department or government: its publication deadline (条例第四十九条)"
        case .lead: return "a run-in sub-heading: a bold lead that starts the next text paragraph"
        case .deliberate: return "a number of the text above written deliberately, with the reason: its finding is silenced"
        case .year: return "the report year (报告年度)"
        case .format: return "the official format, 2019 or 2021; chosen from the year when absent"
        case .title: return "the report's title, when it differs from the standard one"
        case .published: return "the publication date"
        case .signoff: return "the sign-off under the report: body and date"
        case .parts: return "how many parts the introduction announces (checked, rule C3)"
        case .previous: return "last year's script (上年报告): gov check also checks the numbers carried across the years"
        case .section: return "starts a section: an official one by name, or a local one by title"
        case .heading: return "a sub-heading inside a section"
        case .text: return "narrative paragraphs; {…} takes a value from the tables"
        case .table: return "starts a local table (like a province's extra 表二)"
        case .columns: return "the column headings of the local table"
        case .row: return "one row of the local table"
        case .channel: return "a disclosure channel and how many items it published"
        case .category: return "a category of the last channel's items (their sum is checked, rule C4)"
        case .proactive: return "table 1, 主动公开政府信息情况: an item and its columns"
        case .application: return "table 2, 收到和处理政府信息公开申请情况: rows for one applicant column"
        case .review: return "table 3, 行政复议: outcomes"
        case .lawsuit: return "table 3, 行政诉讼 (direct or after_review): outcomes"
        case .let: return "names a value for later use"
        case .include: return "reads another .gov file here"
        case .assert: return "a check of your own, with your message"
        }
    }

    /// One canonical example line, for help texts and completion.
    public var example: String {
        switch self {
        case .body: return "body 大隐镇人民政府"
        case .kind: return "kind government"
        case .lead: return "lead \"（一）主动公开情况。\""
        case .deliberate: return "deliberate 120 \"含上年结转的 2 件\""
        case .year: return "year 2020"
        case .format: return "format 2021"
        case .title: return "title \"大隐镇2020年度政务公开工作年度报告\""
        case .published: return "published 2021-01-20"
        case .signoff: return "signoff 大隐镇人民政府 2021-01-20"
        case .parts: return "parts 6"
        case .previous: return "previous \"2020.gov\""
        case .section: return "section overview"
        case .heading: return "heading \"（一）主动公开\""
        case .text: return "text \"全年新收申请{application.new}件。\""
        case .table: return "table \"表二\""
        case .columns: return "columns 统计指标 单位 统计数"
        case .row: return "row \"政府网站公开政府信息数\" 条 100"
        case .channel: return "channel 微博 39"
        case .category: return "category 法规公文 7"
        case .proactive: return "proactive regulations issued 3 repealed 0 effective 12"
        case .application: return "application carried 1 granted 1"
        case .review: return "review upheld 1 corrected 0"
        case .lawsuit: return "lawsuit direct upheld 2 pending 1"
        case .let: return "let 平台 = 100"
        case .include: return "include \"common.gov\""
        case .assert: return "assert application.new > 0 \"今年应有申请\""
        }
    }

    /// Every keyword, and each spelling's place among them: one lazy global, so a lookup (every statement,
    /// every `{…}`) passes one initialisation guard, not two.
    private struct Spellings {
        let ordered = Array(Keyword.allCases)
        let index: SpellingIndex
        init() { index = SpellingIndex(ordered.enumerated().flatMap { [($1.english, $0), ($1.chinese, $0)] }) }
    }

    private static let spellings = Spellings()

    public init?(spelling: String) {
        let spellings = Keyword.spellings
        guard let position = spellings.index.lookup(spelling) else { return nil }
        self = spellings.ordered[position]
    }

    /// The keyword spelled by these UTF-8 bytes (the same lookup, without making a string).
    package init?(utf8: UnsafeBufferPointer<UInt8>) {
        let spellings = Keyword.spellings
        guard let position = spellings.index.lookup(utf8) else { return nil }
        self = spellings.ordered[position]
    }

    /// Kept: every unknown statement word is measured against all of them.
    public static let allSpellings: [String] = allCases.flatMap { [$0.english, $0.chinese] }
}

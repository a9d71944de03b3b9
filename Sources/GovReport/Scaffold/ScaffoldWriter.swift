import Foundation
import GovLanguage

/// Writes the text of a new year's script (see `Scaffold`), then lays it out with `ScriptPrinter`, so what
/// `gov new` writes is already in the canonical layout.
struct ScaffoldWriter {
    let year: Int
    let body: String
    let language: KeywordLanguage
    let edition: FormatEdition
    /// Last year's report, its path, and how `previous` names it.
    var last: (report: Report, path: String, link: String)?
    var narrative = CarriedNarrative()
    var signoff: String?
    var announcesParts = false
    var carried: [CellID: (value: Int, rule: CrossYearRule)] = [:]

    init(year: Int, body: String, language: KeywordLanguage) {
        self.year = year
        self.body = body
        self.language = language
        self.edition = .forYear(year)
    }

    func text() -> String {
        var lines = [
            "# \(body)\(year)年政府信息公开工作年度报告",
            "# 由 gov new 生成的底稿（\(edition.rawValue) 格式，\(edition.notice)）：表中每一格都已写出，只需改数字、写正文。",
        ]
        if let last {
            lines.append("# 从上年报告 \(last.path) 结转了机关、落款和跨年相接的数字；上年的正文以注释保留在各章节，改写后去掉行首的 “# ” 即可。")
        }
        lines += [""] + header()
        lines += channels()
        lines += [""] + (narrative.introduction.isEmpty ? introductionHint() : ["# 上年的引言："] + narrative.introduction)
        if let local = narrative.following[nil] { lines += local }
        for section in OfficialSection.allCases { lines += [""] + self.section(section) }
        return ScriptPrinter.format(source: SourceFile(path: "new.gov", text: lines.joined(separator: "\n") + "\n"))
    }

    private func header() -> [String] {
        var lines = [
            "\(language.spell(.body)) \(ScriptLiteral.name(body))",
            "\(language.spell(.year)) \(year)",
        ]
        if let signoff { lines.append("\(language.spell(.signoff)) \(ScriptLiteral.name(signoff))  # 落款日期在发布前补上") }
        if announcesParts { lines.append("\(language.spell(.parts)) 6  # 引言所说的部分数（规则 C3 会核对）") }
        if let last {
            lines.append("\(language.spell(.previous)) \(ScriptLiteral.string(last.link))  # 上一年度的报告：gov check 会核对跨年相接的数字")
        }
        lines.append("# \(language.spell(.published)) \(year + 1)-01-31  # 发布日期：每年 1 月 31 日前公布（条例第四十九条）")
        return lines
    }

    /// Last year's channels and categories, with 0 (their names usually stay; their counts are new).
    private func channels() -> [String] {
        guard let last, !last.report.channels.isEmpty else { return [] }
        var lines = ["", "# 公开渠道与类别（上年的名称，数字请按本年填写）"]
        for channel in last.report.channels {
            lines.append("\(language.spell(.channel)) \(ScriptLiteral.name(channel.name)) 0  # 上年 \(channel.count)")
            for category in channel.categories {
                lines.append("\(language.spell(.category)) \(ScriptLiteral.name(category.name)) 0  # 上年 \(category.count)")
            }
        }
        return lines
    }

    private func introductionHint() -> [String] {
        [
            "# 引言：编制依据、报告由哪几部分组成、统计期限。例如：",
            "# \(language.spell(.text)) \"本报告所列数据的统计期限自{year}年1月1日至{year}年12月31日。\"",
        ]
    }

    private func section(_ section: OfficialSection) -> [String] {
        let name = language == .english ? section.english : section.title
        var lines = ["\(language.spell(.section)) \(name)"]
        if let own = narrative.own[section] {
            lines += ["# 上年的正文："] + own
        } else {
            lines += hint(for: section)
        }
        let tables = OfficialTableLines(
            edition: edition, language: language,
            value: { cell in
                if let carried = carried[cell] { return .integer(max(0, carried.value)) }
                if case .disclosure(_, let column) = cell, column.kind == .amount { return .amount(0, "0") }
                return .integer(0)
            },
            remark: { cell in
                guard let last, let carried = carried[cell], carried.value != 0 else { return nil }
                let note = carried.rule.carryNote(last.report.header.year, carried.value)
                return carried.value < 0 ? note + "：算得 \(carried.value)，不能为负，请核对" : note
            })
        lines += tables.lines(for: section)
        if let local = narrative.following[section] { lines += local }
        return lines
    }

    /// What a section usually says, for a script that starts from nothing.
    private func hint(for section: OfficialSection) -> [String] {
        let text = language.spell(.text), heading = language.spell(.heading)
        switch section {
        case .overview:
            return [
                "# 总体情况一般分为（一）主动公开（二）依申请公开（三）政府信息管理（四）政府信息公开平台建设（五）监督保障。例如：",
                "# \(heading) \"（二）依申请公开\"",
                "# \(text) \"全年新收政府信息公开申请{application.new}件，办结{application.total}件，结转下年度继续办理{application.forward}件。\"",
            ]
        case .problems:
            return ["# 写明存在的主要问题和改进情况。"]
        case .other:
            return edition == .y2021
                ? ["# 其他需要报告的事项，如收取信息处理费的情况。例如：", "# \(text) \"{year}年，无收取信息处理费情况。\""]
                : ["# 其他需要报告的事项；没有可写：", "# \(text) \"无。\""]
        case .proactive, .applications, .appeals:
            return []
        }
    }
}

import Foundation
import GovLanguage

/// Resolves the raw `proactive` / `application` / `review` / `lawsuit` entries against the format of the
/// report's year: which cell each name means, whether the format has it, and whether its value has the
/// right kind (a count, a signed change, an amount).
struct CellResolver {
    let edition: FormatEdition

    func resolve(_ entry: StatementCollector.CellEntry) throws -> (CellID, Number) {
        let cell = try cellID(entry)
        return (cell, try number(entry, for: cell))
    }

    private func cellID(_ entry: StatementCollector.CellEntry) throws -> CellID {
        switch entry.keyword {
        case .application:
            guard entry.selectors.count <= 1 else { throw extraSelector(entry.selectors[1], "申请人类别只写一个") }
            let column = try entry.selectors.first.map { try lookup(Applicant.self, $0, what: "申请人类别") } ?? .person
            let row = try lookup(ApplicationRow.self, entry.name, what: "申请表的行")
            guard ApplicationTableSpec.has(row, in: edition) else {
                throw Diagnostic(
                    code: "E051", message: "\(edition.rawValue) 格式的申请表没有「\(row.label(.y2021))」这一行（它属于 \(edition == .y2019 ? 2021 : 2019) 格式）",
                    range: entry.name.range)
            }
            return .application(row, column)
        case .proactive:
            guard let itemName = entry.selectors.first else {
                throw Diagnostic(code: "E012", message: "主动公开要先写事项名称，例如：\(Keyword.proactive.example)", range: entry.name.range)
            }
            guard entry.selectors.count == 1 else { throw extraSelector(entry.selectors[1], "事项只写一个") }
            let item = try lookup(DisclosureItem.self, itemName, what: "主动公开事项")
            guard let columns = DisclosureGroup.columns(of: item, in: edition) else {
                throw Diagnostic(code: "E051", message: "\(edition.rawValue) 格式的主动公开表没有「\(item.chinese[0])」", range: itemName.range)
            }
            let column = try lookup(DisclosureColumn.self, entry.name, what: "主动公开表的列")
            guard columns.contains(column) else {
                let names = columns.map { "\($0.english)（\($0.label(edition))）" }.joined(separator: "、")
                throw Diagnostic(
                    code: "E051", message: "\(edition.rawValue) 格式中「\(item.label(edition))」没有「\(column.label(edition))」列；它的列是：\(names)",
                    range: entry.name.range)
            }
            return .disclosure(item, column)
        case .review:
            if let extra = entry.selectors.first { throw extraSelector(extra, "复议不分类别") }
            return .appeal(.review, try lookup(AppealOutcome.self, entry.name, what: "复议结果"))
        case .lawsuit:
            guard let blockName = entry.selectors.first else {
                throw Diagnostic(
                    code: "E012", message: "诉讼要先写 direct（未经复议直接起诉）或 after_review（复议后起诉），例如：\(Keyword.lawsuit.example)",
                    range: entry.name.range)
            }
            guard entry.selectors.count == 1 else { throw extraSelector(entry.selectors[1], "诉讼类别只写一个") }
            let block = try lookup(AppealBlock.self, blockName, what: "诉讼类别")
            guard block != .review else {
                throw Diagnostic(code: "E050", message: "行政复议请用 review 语句", range: blockName.range)
            }
            return .appeal(block, try lookup(AppealOutcome.self, entry.name, what: "诉讼结果"))
        default:
            throw Diagnostic(code: "E012", message: "这里不能写表格数值", range: entry.name.range)
        }
    }

    private func number(_ entry: StatementCollector.CellEntry, for cell: CellID) throws -> Number {
        var kind = DisclosureColumn.Kind.count
        if case .disclosure(_, let column) = cell { kind = column.kind }
        switch (kind, entry.value) {
        case (.amount, .integer(let value)) where value >= 0:
            return .amount(Decimal(value), String(value))
        case (.amount, .amount(let value, let text)) where value >= 0:
            return .amount(value, text ?? value.plainString)
        case (.change, .integer(let value)):
            return .integer(value)
        case (.count, .integer(let value)) where value >= 0:
            return .integer(value)
        case _ where isNegative(entry.value):
            let rule = RuleTable.rule("A4")
            throw Diagnostic(
                code: "A4", message: "不符合“\(rule?.title ?? "")”：「\(cell.label(edition))」写的是 \(entry.value.display)，数量不能为负数",
                range: entry.valueRange)
        default:
            let expected = kind == .amount ? "金额" : "整数"
            throw Diagnostic(code: "E031", message: "「\(cell.label(edition))」应是\(expected)，这里是\(entry.value.typeName)", range: entry.valueRange)
        }
    }

    private func isNegative(_ value: Value) -> Bool {
        switch value {
        case .integer(let x): return x < 0
        case .amount(let x, _): return x < 0
        default: return false
        }
    }

    private func lookup<T: Term>(_ type: T.Type, _ name: Name, what: String) throws -> T {
        if let term = T.named(name.text) { return term }
        let known = T.allCases.map { "\($0.english)" }.joined(separator: ", ")
        throw Diagnostic(
            code: "E052",
            message: "不认识的\(what) “\(name.text)”" + Suggestion.hint(for: name.text, among: T.allSpellings) + "；可写：\(known)",
            range: name.range, fixIts: Suggestion.fixIts(for: name.text, among: T.allSpellings, at: name.range))
    }

    private func extraSelector(_ name: Name, _ message: String) -> Diagnostic {
        Diagnostic(code: "E015", message: "多出了“\(name.text)”：\(message)", range: name.range)
    }
}

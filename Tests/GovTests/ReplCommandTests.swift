import Foundation
import Gov
import GovLanguage
import GovRender
import GovReport
import Testing

@testable import GovREPL

/// `:` commands: unique prefixes, arguments, and what each prints.
struct ReplCommandTests {
    @Test(arguments: [
        (":help", CommandName.help), (":h", .help), (":sh", .show), (":sa", .save), (":c", .check), (":ren", .render),
        (":res", .reset), (":u", .undo), (":l", .load), (":q", .quit), (":QUIT", .quit), ("  :show", .show),
    ])
    func uniquePrefixesName(_ line: String, _ name: CommandName) throws {
        #expect(try ParsedCommand.parse(line).get().name == name)
    }

    @Test func ambiguousAndUnknownCommandsSaySo() {
        #expect(ParsedCommand.parse(":s") == .failure(.ambiguous("s", [.show, .save])))
        #expect(ParsedCommand.parse(":r") == .failure(.ambiguous("r", [.render, .reset])))
        #expect(ParsedCommand.parse(":frob") == .failure(.unknown("frob")))
        #expect(ParsedCommand.Failure.ambiguous("s", [.show, .save]).message.contains(":show、:save"))
    }

    @Test func argumentsSplitAtSpacesAndQuotesKeepThem() throws {
        let command = try ParsedCommand.parse(":render text \"my report.txt\"").get()
        #expect(command.arguments == ["text", "my report.txt"])
        #expect(ParsedCommand.isCommand("  :q") && !ParsedCommand.isCommand("body :x"))
    }

    @Test func helpListsEveryStatementWithAnExampleInEnglishAndChinese() {
        let help = HelpText.text(topic: nil, width: 120)
        for keyword in Keyword.allCases {
            #expect(help.contains("\(keyword.english) · \(keyword.chinese)"), "\(keyword)")
            #expect(help.contains(keyword.example), "\(keyword)")
            #expect(help.contains(ChineseSpelling.of(keyword.example)), "\(keyword)")
        }
        for name in CommandName.allCases { #expect(help.contains(name.usage)) }
    }

    @Test(arguments: [
        ("application carried 1 granted 1", "申请 上年结转 1 予以公开 1"),
        ("application business new 3", "申请 商业企业 本年新收 3"),
        ("proactive regulations issued 3 repealed 0 effective 12", "主动公开 规章 制发 3 废止 0 现行有效 12"),
        ("lawsuit direct upheld 2 pending 1", "诉讼 直接起诉 维持 2 未审结 1"),
        ("section overview", "章节 总体情况"),
        ("text \"全年新收申请{application.new}件。\"", "正文 \"全年新收申请{申请.本年新收}件。\""),
        ("assert application.new > 0 \"今年应有申请\"", "断言 申请.本年新收 > 0 \"今年应有申请\""),
        ("include \"common.gov\"", "引用 \"common.gov\""),
    ])
    func examplesAreSpelledInChineseFromTheTermTables(_ english: String, _ chinese: String) {
        #expect(ChineseSpelling.of(english) == chinese)
        // And the Chinese spelling means the same: it evaluates without language errors.
        let evaluation = Gov.evaluate(source: "body 甲\nyear 2021\n" + chinese + "\n", path: "x.gov")
        #expect(!evaluation.findings.contains { $0.code.rawValue.hasPrefix("E0") && $0.code != "E060" }, "\(evaluation.findings.map(\.message))")
    }

    @Test func helpTopics() {
        #expect(HelpText.text(topic: "申请", width: 100).contains("person 自然人"))
        #expect(HelpText.text(topic: "application", width: 100).contains("overdue_fee 逾期未缴费"))
        #expect(HelpText.text(topic: ":save", width: 100).hasPrefix(":save [FILE]"))
        #expect(HelpText.text(topic: "rules", width: 100).contains("A1"))
        #expect(HelpText.text(topic: "render", width: 100).contains(Gov.OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")))
        #expect(HelpText.text(topic: "nonsense", width: 100).hasPrefix("没有关于"))
    }

    @Test func showRendersOnePartWithTheBatchRenderer() throws {
        let evaluation = GoldenTests.evaluateExample("dayin-2020.gov")
        let report = evaluation.report
        let section = try PartRenderer.render("applications", report: report, width: 100).get()
        #expect(section.hasPrefix("四、收到和处理政府信息公开申请情况\n"))
        #expect(section.contains("四、结转下年度继续办理"))
        #expect(!section.contains("五、"))
        #expect(try PartRenderer.render("四", report: report, width: 100).get() == section)
        #expect(try PartRenderer.render("申请情况", report: report, width: 100).get() == section)
        let table = try PartRenderer.render("表二", report: report, width: 100).get()
        #expect(table.contains("政府网站公开政府信息数") && !table.contains("公开平台建设和信息发布情况"))
        #expect(try PartRenderer.render("application", report: report, width: 100).get().hasPrefix("收到和处理政府信息公开申请情况\n"))
        let whole = try PartRenderer.render(nil, report: report, width: 100).get()
        #expect(whole == Gov.text(evaluation))
        guard case .failure(let failure) = PartRenderer.render("无此", report: report, width: 100) else {
            Issue.record("an unknown part should fail")
            return
        }
        #expect(failure.message.contains("4 收到和处理政府信息公开申请情况"))
    }

    /// `:show`'s failure message and `:help :show` list the official tables by the keywords the vocabulary
    /// declares, and every name they list finds its table.
    @Test func showNamesTheOfficialTablesFromTheVocabulary() throws {
        let report = GoldenTests.evaluateExample("dayin-2020.gov").report
        let document = LayoutBuilder.document(for: report)
        guard case .failure(let failure) = PartRenderer.render("无此", report: report, width: 100) else {
            Issue.record("an unknown part should fail")
            return
        }
        let help = HelpText.command(.show)
        #expect(PartRenderer.officialTableNames.count == OfficialTable.allCases.count)
        for (statement, names) in zip(TableStatement.namingTables, PartRenderer.officialTableNames) {
            #expect(failure.message.contains("\(names.english)（\(names.chinese)）"))
            #expect(help.contains(names.english) && help.contains(names.chinese))
            for name in [names.english, names.chinese] {
                #expect(PartRenderer.table(name, in: document)?.id == .official(statement.table), "\(name)")
            }
        }
    }
}

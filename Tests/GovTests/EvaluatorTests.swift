import Foundation
import Testing
import GovRender

@testable import GovLanguage
@testable import GovReport

/// Bad input gets a located diagnostic, never a crash; and the language features do what they say.
struct EvaluatorTests {
    /// (script lines after a valid header, expected codes, line:column of the first finding).
    static let badInput: [(String, [String], String)] = [
        ("chanel 微博 39", ["E010"], "3:1"),
        ("channel 微博", ["E012"], "3:11"),
        ("application new -3", ["A4"], "3:17"),
        ("channel 微博 -3", ["E031"], "3:12"),
        ("application new 99999999999999999999", ["E016"], "3:17"),
        ("let a = 9223372036854775807\napplication new (a + 1)", ["E016"], "4:18"),
        ("application new 1\napplication new 2", ["E030"], "4:17"),
        ("application new 1\napplication new 1", [], "-"),
        ("title \"没有结束", ["E001"], "3:7"),
        ("application carried 1 grantd 1", ["E052"], "3:23"),
        ("application persn new 1", ["E052"], "3:13"),
        ("proactive licensing issued 3", ["E051"], "3:21"),
        ("proactive procurement projects 3", ["E051"], "3:11"),
        ("proactive licensing decisions 2.5", ["E031"], "3:31"),
        ("section overveiw", ["E044"], "3:9"),
        ("section problems\nsection overview", ["E045"], "4:9"),
        ("category 公告 3", ["E047"], "3:1"),
        ("row a b", ["E046"], "3:1"),
        ("section overview\ntable \"表\"\nsection proactive\nrow a b", ["E046"], "6:1"),
        ("section overview\ntable \"表\"\ncolumns a b\nrow 1 2", [], "-"),
        ("text \"共{application.nw}件\"", ["E035"], "3:21"),
        ("let a = b\nlet b = a\napplication new (a)", ["E033"], "4:9"),
        ("let a = 1\nlet a = 2", ["E034"], "4:5"),
        ("application new (application.carried)", ["E032"], "3:18"),
        ("let a = 1 / 0\napplication new (a)", ["E037"], "3:9"),
        ("year 2022", ["E030"], "3:1"),
        ("format 2020", ["E042"], "3:8"),
        ("assert 1 + 1 \"不是比较\"", ["E036"], "3:8"),
        ("include \"nowhere.gov\"", ["E060"], "3:9"),
        ("application new +x", ["E012"], "3:17"),
        ("text \"{year.x}\"", ["E035"], "3:8"),
        ("text \"{application.overdue_fee}\"\nformat 2019", ["E051"], "3:8"),
        ("text \"{proactive.procurement.amount}\"", ["E051"], "3:8"),
        ("application new 1 granted 3", ["A4"], "3:17"),
    ]

    @Test func anUnclosedParenthesisLosesOnlyItsOwnLine() {
        let evaluation = evaluate(script("application new (1 + 2\nchannel 微博 39\napplication granted 3"))
        #expect(codes(evaluation) == ["E018"])
        #expect(evaluation.report.channels.first?.count == 39)
        #expect(evaluation.report.count(.application(.granted, .person)) == 3)
    }

    /// A table value that is a name or arithmetic is computed where its statement is read (a name defined
    /// later is unknown there); one that cannot be computed ends its statement: the entries before it are
    /// placed, those after it are not. Numbers written out are read when the cells are placed.
    @Test func tableValuesAreComputedWhereTheirStatementIsRead() {
        let placed = evaluate(script("let a = 4\napplication new 1 carried (a + 1) granted 2\nproactive fees amount 356.8"))
        #expect(codes(placed) == [])
        #expect(placed.report.count(.application(.new, .person)) == 1)
        #expect(placed.report.count(.application(.carried, .person)) == 5)
        #expect(placed.report.count(.application(.granted, .person)) == 2)
        #expect(placed.report.cells[.disclosure(.fees, .amount)]?.printedValue == "356.8")

        let later = evaluate(script("application new (a)\nlet a = 1"))
        #expect(codes(later) == ["E032"])

        let cut = evaluate(script("application new 1 carried (nothing) granted 2 partial blank"))
        #expect(codes(cut) == ["E032"])
        #expect(cut.report.count(.application(.new, .person)) == 1)
        #expect(cut.report.cells[.application(.carried, .person)] == nil)
        #expect(cut.report.cells[.application(.granted, .person)] == nil)
        #expect(cut.report.cells[.application(.partial, .person)] == nil)
    }

    @Test func aTitleMayInterpolate() {
        #expect(evaluate(script("title \"{body}{year}年度政务公开工作年度报告\"")).report.header.title == "测试机关2021年度政务公开工作年度报告")
    }

    @Test func aFileThatIsNotUTF8GetsOneDiagnosticOnly() {
        let evaluation = Evaluator.evaluate(path: "gbk.gov", loader: ScriptLoader { _ in [0xB4, 0xF3, 0x0A] })
        #expect(codes(evaluation) == ["E007"])
    }

    @Test(arguments: badInput)
    func badInputIsLocated(lines: String, expected: [String], at: String) {
        let evaluation = evaluate(script(lines))
        #expect(codes(evaluation) == expected, "\(evaluation.findings.map(\.message))")
        #expect(evaluation.findings.first.map { position($0, in: evaluation) } ?? "-" == at)
    }

    @Test func missingYearAndBodyAreReported() {
        #expect(codes(evaluate("channel 微博 3")) == ["E040", "E041"])
    }

    @Test func notUTF8IsSaidPlainly() throws {
        let gbk: [UInt8] = Array("body ".utf8) + [0xB4, 0xF3, 0xD2, 0xFE] + Array("\nyear 2020\n".utf8)
        let evaluation = Evaluator.evaluate(path: "gbk.gov", loader: ScriptLoader { _ in gbk })
        let finding = try #require(evaluation.findings.first)
        #expect(finding.code == "E007")
        #expect(finding.message.contains("UTF-8") && finding.message.contains("GBK"))
        #expect(position(finding, in: evaluation) == "1:6")
    }

    @Test func byteOrderMarkAndCRLFAreNormal() {
        let text = "\u{FEFF}body 某局\r\nyear 2021\r\napplication new 2 granted 2\r\ntext \"\"\"\r\n第一段\r\n第二段\r\n\"\"\"\r\n"
        let evaluation = evaluate(text)
        #expect(evaluation.findings.isEmpty, "\(evaluation.findings.map(\.message))")
        guard case .paragraph(let second) = evaluation.report.introduction.last else {
            Issue.record("no paragraphs")
            return
        }
        #expect(second == "第二段")
    }

    @Test func amountsStayExact() {
        let report = evaluate(script("proactive fees amount 5949.088667")).report
        #expect(report[.disclosure(.fees, .amount)].description == "5949.088667")
        let sum = evaluate(script("let a = 0.1 + 0.2\nassert a == 0.3 \"十进制\"")).findings
        #expect(sum.isEmpty)
        let seed2019 = evaluate(script("proactive procurement projects 22 amount 514.4", year: 2020)).report
        #expect(seed2019[.disclosure(.procurement, .amount)].description == "514.4")
    }

    @Test func signedChangesKeepTheirSign() {
        let report = evaluate(script("proactive licensing previous 10 change -18 decisions 5", year: 2020)).report
        #expect(report.count(.disclosure(.licensing, .change)) == -18)
    }

    @Test func textInterpolatesCheckedNumbers() {
        let evaluation = evaluate(script("application new 4 carried 1 granted 3\ntext \"新收{application.new}件，结转{application.forward}件，{body}{year}\""))
        guard case .paragraph(let text) = evaluation.report.introduction.first else {
            Issue.record("no paragraph")
            return
        }
        #expect(text == "新收4件，结转2件，测试机关2021")
    }

    @Test func letBindingsCanUseTablesInText() {
        let evaluation = evaluate(script("application new 4 granted 3\nlet 办结率 = application.total * 100 / application.new\ntext \"办结率{办结率}%\""))
        guard case .paragraph(let text) = evaluation.report.introduction.first else {
            Issue.record("no paragraph")
            return
        }
        #expect(text == "办结率75%")
    }

    @Test func includesAreReadRelativeToTheIncludingFile() {
        let evaluation = evaluate(
            script("include \"common.gov\"\napplication new 1 granted 1"),
            files: ["common.gov": "channel 网站 5\nsignoff 测试机关 2022-01-20\n"])
        #expect(evaluation.findings.isEmpty, "\(evaluation.findings.map(\.message))")
        #expect(evaluation.report.channels.first?.count == 5)
        #expect(evaluation.sources.files.map(\.path) == ["/virtual/test.gov", "/virtual/common.gov"])
    }

    @Test func includeCyclesAreErrors() {
        let files = ["a.gov": "include \"b.gov\"\n", "b.gov": "include \"a.gov\"\n"]
        let evaluation = evaluate(script("include \"a.gov\""), files: files)
        #expect(codes(evaluation) == ["E061"])
        let itself = evaluate(script("include \"test.gov\""), files: ["test.gov": "include \"test.gov\"\n"])
        #expect(codes(itself) == ["E061"])
    }

    @Test func sectionsFollowTheOfficialOrderWithLocalOnesInPlace() {
        let report = evaluate(script("section proactive\nsection \"公开平台建设\"\nsection problems")).report
        #expect(report.sections.map(\.title) == ["总体情况", "主动公开政府信息情况", "公开平台建设", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"])
    }

    @Test func chineseKeywordsMeanTheSame() {
        let english = evaluate("body 某局\nyear 2021\napplication business new 2 granted 2\nreview upheld 1\nlawsuit direct pending 1\n").report
        let chinese = evaluate("机关 某局\n年度 2021\n申请 商业企业 本年新收 2 予以公开 2\n复议 维持 1\n诉讼 直接起诉 未审结 1\n").report
        #expect(english.cells.filled.map(\.id) == chinese.cells.filled.map(\.id))
        #expect(english.cells.filled.map(\.cell.value) == chinese.cells.filled.map(\.cell.value))
    }

    @Test func hostileInputNeverTraps() {
        let inputs = [
            String(repeating: "(", count: 5000), String(repeating: "\"", count: 999), "text \"" + String(repeating: "{", count: 3000) + "\"",
            String(repeating: "application new 1\n", count: 3), "\u{0}\u{1}\u{2}", "let a = -9223372036854775807 - 2",
            "assert " + String(repeating: "-", count: 3000) + "1", "year 1e9", "year 2021-99-99",
        ]
        for input in inputs { _ = evaluate(input) }
    }
}

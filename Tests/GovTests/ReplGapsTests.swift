import Foundation
import Testing

@testable import Gov
import GovLanguage
import GovReport
@testable import GovREPL

/// The REPL's gaps from issue 13: cross-year findings, restated values, recovery step by step, Tab on
/// continuation lines, Chinese did-you-mean, widths, and the small faults.
struct ReplGapsTests {
    /// A two-year series in a temporary directory whose 2021 carries 5 where 2020 forwarded 2 (D1).
    static func brokenSeries() throws -> URL {
        let directory = try makeTemporaryDirectory()
        for year in ["2020", "2021"] {
            try FileManager.default.copyItem(
                at: Paths.examples.appendingPathComponent("series/\(year).gov"), to: directory.appendingPathComponent("\(year).gov"))
        }
        let url = directory.appendingPathComponent("2021.gov")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
            of: "application new 40 carried 2", with: "application new 40 carried 5")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return directory
    }

    @Test func checkReportsTheCrossYearFindingsOfGovCheck() throws {
        let directory = try ReplGapsTests.brokenSeries()
        let script = directory.appendingPathComponent("2021.gov").path
        let run = runRepl([":check", ":quit", "y"], file: script)
        #expect(run.out.contains("error[D1]"))
        #expect(run.out.contains("2020.gov:47:51: note:"))
        // …and no pointer to :check at the end of :check itself.
        #expect(!run.out.contains("（:check 查看）\n  （"))
        let summary = run.out.split(separator: "\n").last { $0.hasPrefix("  ") && $0.contains("个错误") }
        #expect(summary.map { !$0.contains(":check 查看") } == true)
    }

    @Test func thePipeAndTheEchoReportCrossYearFindings() throws {
        let directory = try ReplGapsTests.brokenSeries()
        let script = try Data(contentsOf: directory.appendingPathComponent("2021.gov"))
        let run = try runGov(["repl"], currentDirectory: directory, standardInput: script)
        #expect(run.status == 1)
        #expect(run.stdout.contains("现在不成立 error[D1]（第 47 行）"))
        #expect(run.stderr.contains("<stdin>:47:28: error[D1]"))
        let check = try runGov(["check", "2021.gov"], currentDirectory: directory)
        #expect(check.stderr.contains("2021.gov:47:28: error[D1]"))
    }

    @Test func restatingACellReplacesItsValueOnceAndUndoes() throws {
        let directory = try makeTemporaryDirectory()
        let script = directory.appendingPathComponent("new.gov").path
        #expect(try runGov(["new", "--year", "2021", "--body", "测试局", "-o", script]).status == 0)
        let run = runRepl(["application new 5", "application carried 2", ":undo", ":save", ":quit"], file: script)
        #expect(run.err.isEmpty, "\(run.err)")
        #expect(run.out.contains("改写了前面写过的「一、本年新收政府信息公开申请数量 / 自然人」（原为 0；:undo 可以撤销）"))
        #expect(run.out.contains("已撤销"))
        let saved = try String(contentsOfFile: script, encoding: .utf8)
        let newLines = saved.split(separator: "\n").filter { $0.hasPrefix("application person new ") }
        #expect(newLines.count == 1, "the value is written once")
        #expect(newLines.first?.contains(" 5 ") == true || newLines.first?.hasSuffix(" 5") == true || newLines.first?.contains("5  #") == true)
        let carried = saved.split(separator: "\n").first { $0.hasPrefix("application person carried ") }
        #expect(carried?.contains(" 0") == true, "the undone restatement is back to 0")
        #expect(Gov.evaluate(path: script).hasErrors == false)
    }

    @Test func aRestatementInTheSameSessionReplacesTheEarlierEntry() {
        let run = runRepl(["body 甲", "year 2021", "application new 12 carried 1", "application new 14", ":quit", "y"])
        #expect(run.err.isEmpty)
        #expect(run.live.session.entries == ["body 甲", "year 2021", "application new 14 carried 1"])
        let again = runRepl(["body 甲", "year 2021", "application new 12", "year 2022", ":undo", ":quit", "y"])
        #expect(again.live.session.entries == ["body 甲", "year 2021", "application new 12"])
    }

    @Test func tabCompletesOnContinuationLines() {
        let completer = Completer()
        let inParentheses = completer.complete("+ application.carr", continuing: "let a = (application.new")
        #expect(inParentheses.insertion.hasPrefix("ied") || inParentheses.listing.contains { $0.contains("carried") })
        let inTextBlock = completer.complete("共{application.carr", continuing: "text \"\"\"\n第一段")
        #expect(inTextBlock.insertion.hasPrefix("ied") || inTextBlock.listing.contains { $0.contains("carried") })
        let plainText = completer.complete("第二段 appl", continuing: "text \"\"\"")
        #expect(plainText.insertion.isEmpty && plainText.listing.isEmpty, "inside a text block, plain words are text")
    }

    @Test func chineseNamesGetChineseSuggestions() {
        let evaluation = Gov.evaluate(source: "body 甲\nyear 2021\n申请 结转 1\n")
        #expect(evaluation.findings.first { $0.code == "E052" }?.message.contains("是不是想写 “上年结转”") == true)
    }

    @Test(arguments: [40, 50, 60, 80, 100, 120])
    func textIsNeverWiderThanTheWidth(width: Int) {
        for example in GoldenTests.examples {
            let evaluation = GoldenTests.evaluateExample(example)
            let widest = Gov.text(evaluation, width: width).split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
            #expect(widest <= width, "\(example) at \(width): \(widest)")
            for part in ["application", "proactive", "review", "总体情况"] {
                if case .success(let shown) = PartRenderer.render(part, report: evaluation.report, width: width) {
                    let widestPart = shown.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
                    #expect(widestPart <= width, ":show \(part) in \(example) at \(width): \(widestPart)")
                }
            }
        }
    }

    @Test func helpThroughAPipeIsNotAnError() throws {
        let run = try runGov(["repl"], standardInput: Data(":help previous\n".utf8))
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.contains("previous · 上年报告"))
    }
}

/// `gov render --format json` carries the cross-year findings that `gov check` reports (issue 13, item 5).
struct RenderCrossYearTests {
    @Test func jsonIncludesCrossYearFindings() throws {
        let directory = try ReplGapsTests.brokenSeries()
        let run = try runGov(["render", "2021.gov", "--format", "json", "--allow-errors"], currentDirectory: directory)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let codes = (json?["findings"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? []
        #expect(codes.contains("D1"))
        // A consistent series renders with no cross-year findings.
        let clean = try runGov(["render", "examples/series/2021.gov", "--format", "json"], currentDirectory: Paths.packageRoot)
        #expect(clean.status == 0)
        #expect(!clean.stdout.contains("\"D1\""))
    }
}

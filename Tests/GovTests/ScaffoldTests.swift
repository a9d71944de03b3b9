import Foundation
import Testing
import GovRender

@testable import Gov
@testable import GovLanguage
@testable import GovReport

/// `gov new`: complete scripts for a year, and next year's script carried over from last year's.
struct ScaffoldTests {
    @Test(arguments: [(2020, KeywordLanguage.english), (2020, .chinese), (2021, .english), (2021, .chinese)])
    func aNewScriptChecksCleanAndStatesEveryCell(year: Int, language: KeywordLanguage) throws {
        let text = try Scaffold.script(year: year, body: "青禾县 示范局", language: language)
        let evaluation = Gov.evaluate(source: text, path: "new.gov")
        #expect(evaluation.findings.isEmpty, "\(evaluation.findings.map(\.message))")
        let report = evaluation.report
        #expect(report.header.body == "青禾县 示范局" && report.header.year == year)
        for cell in OfficialTableLines.statedCells(report.edition) {
            #expect(report.cells[cell]?.statedRange != nil, "\(cell.path) not written")
        }
        #expect(report.sections.allSatisfy { $0.range != nil }, "every official section is written")
        #expect(Gov.format(source: text) == text, "already in the canonical layout")
        #expect(text.contains(language == .english ? "application person new" : "申请 自然人 本年新收"))
        #expect(text.contains("# 一、本年新收政府信息公开申请数量"))
    }

    /// The scaffold's statement lines come from one walk over the table statements: each stated cell of each
    /// format is on exactly one line, stated by the statement that resolves it back to the same cell.
    @Test(arguments: FormatEdition.allCases)
    func everyStatedCellIsOnExactlyOneStatementLine(edition: FormatEdition) {
        let lines = OfficialTable.allCases.flatMap { $0.statementLines(edition) }
        let cells = lines.flatMap { line in line.cells.map(\.id) }
        #expect(cells.sorted() == OfficialTableLines.statedCells(edition).sorted())
        #expect(Set(cells).count == cells.count, "no cell twice")
        for line in lines {
            for name in line.names {
                #expect(line.statement.cell(selector: line.selector?.rawValue, name: name.term.rawValue) == name.cell.id)
            }
        }
    }

    @Test func chineseKeywordsSpellTable1ItemsAsTheirLabelInEachFormat() throws {
        let y2019 = try Scaffold.script(year: 2020, body: "某局", language: .chinese)
        let y2021 = try Scaffold.script(year: 2021, body: "某局", language: .chinese)
        #expect(y2019.contains("主动公开 规范性文件 ") && !y2019.contains("主动公开 行政规范性文件"))
        #expect(y2021.contains("主动公开 行政规范性文件 "))
        #expect(y2021.contains("复议") && y2021.contains(" 维持 0"), "names keep their first spelling, not their label 结果维持")
    }

    /// What `gov new` and `gov sum` write, byte for byte: a new script per format and keyword language, next
    /// year's script from the fictional example, and a roll-up of two 2021 reports.
    @Test(arguments: [(2020, KeywordLanguage.english), (2020, .chinese), (2021, .english), (2021, .chinese)])
    func newScriptsMatchTheirGoldenFiles(year: Int, language: KeywordLanguage) throws {
        let text = try Scaffold.script(year: year, body: "青禾县 示范局", language: language)
        expectGolden(text, "new-\(year)-\(language == .english ? "english" : "chinese").gov")
    }

    @Test func nextYearAndRollUpMatchTheirGoldenFiles() throws {
        let last = GoldenTests.evaluateExample("fictional-2021.gov")
        let next = try Scaffold.script(after: .init(evaluation: last, path: "examples/fictional-2021.gov", link: "fictional-2021.gov"))
        expectGolden(next, "new-from-fictional-2021.gov")
        let chinese = try Scaffold.script(
            after: .init(evaluation: last, path: "examples/fictional-2021.gov", link: "fictional-2021.gov"), language: .chinese)
        expectGolden(chinese, "new-from-fictional-2021-chinese.gov")
        let sum = try RollUp.script(of: RollUpTests.inputs(RollUpTests.twoBodies), body: "青禾县（虚构）", language: .chinese)
        expectGolden(sum, "sum-fictional-2021-chinese.gov")
    }

    @Test func nextYearFromTheFictionalExampleCarriesWhatMustCarry() throws {
        let last = GoldenTests.evaluateExample("fictional-2021.gov")
        let text = try Scaffold.script(after: .init(evaluation: last, path: "examples/fictional-2021.gov", link: "fictional-2021.gov"))
        let next = Gov.evaluate(source: text, path: "examples/2022.gov")
        #expect(!next.hasErrors, "\(next.findings.map(\.message))")
        let report = next.report
        #expect(report.header.year == 2022 && report.header.body == "青禾县示范局（虚构）")
        #expect(report.header.signoffBody == "青禾县示范局（虚构）" && report.header.signoffDate == nil)
        #expect(report.header.previous?.written == "fictional-2021.gov")
        for applicant in Applicant.allCases {
            #expect(report.count(.application(.carried, applicant)) == last.report.count(.application(.forward, applicant)), "\(applicant)")
        }
        #expect(report.count(.application(.carried, .person)) == 3)
        #expect(report.count(.disclosure(.normative, .effective)) == 48, "a starting value for 现行有效件数")
        #expect(text.contains("现行有效件数从 2021 年的 48 起算"))
        #expect(report.channels.map(\.name) == ["政府网站", "政务微信"] && report.channels.allSatisfy { $0.count == 0 })
        // The narrative is kept, commented out, in its section.
        #expect(text.contains("section overview\n# 上年的正文：\n# heading \"（一）主动公开\"\n"))
        #expect(text.contains("# text \"{year}年，无收取信息处理费情况。\""))
        #expect(text.contains("# assert application.forward == 3"))
    }

    @Test func theNewScriptPassesTheCrossYearChecksAgainstLastYear() throws {
        let directory = try temporaryDirectory()
        let lastPath = directory.appendingPathComponent("2021.gov").path
        try FileManager.default.copyItem(atPath: Paths.examples.appendingPathComponent("fictional-2021.gov").path, toPath: lastPath)
        let nextPath = directory.appendingPathComponent("2022.gov").path
        let text = try Scaffold.script(
            after: .init(evaluation: Gov.evaluate(path: lastPath), path: lastPath, link: Scaffold.link(to: lastPath, from: nextPath)))
        try text.write(toFile: nextPath, atomically: true, encoding: .utf8)
        let batch = Gov.check(paths: [nextPath])
        #expect(batch.scripts.flatMap(\.findings).isEmpty, "\(batch.scripts.flatMap(\.findings).map(\.message))")
    }

    @Test func the2019FormatChainsItsItemCounts() throws {
        let last = Gov.evaluate(source: """
            body 某局
            year 2019
            proactive licensing previous 210 change +6 decisions 5
            proactive services previous 3 change -5
            proactive normative made 4 published 4 total 38
            application new 3 granted 1
            """, path: "2019.gov")
        #expect(!last.hasErrors)
        let text = try Scaffold.script(after: .init(evaluation: last, path: "2019.gov", link: "2019.gov"))
        let report = Gov.evaluate(source: text, path: "2020.gov").report
        #expect(report.edition == .y2019)
        #expect(report.count(.disclosure(.licensing, .previous)) == 216)
        #expect(report.count(.disclosure(.normative, .total)) == 38)
        #expect(report.count(.application(.carried, .person)) == 2)
        #expect(report.count(.disclosure(.services, .previous)) == 0, "a negative count is written as 0 …")
        #expect(text.contains("算得 -2，不能为负，请核对"), "… and said so")
    }

    @Test func refusals() {
        let broken = Gov.evaluate(source: "body 某局\nyear 2021\napplication new 1 granted 2\n", path: "x.gov")
        #expect(throws: Scaffold.Failure.lastYearHasErrors(path: "x.gov", count: 1)) {
            try Scaffold.script(after: .init(evaluation: broken, path: "x.gov", link: "x.gov"))
        }
        let fine = Gov.evaluate(source: "body 某局\nyear 2021\n", path: "x.gov")
        #expect(throws: Scaffold.Failure.notTheNextYear(lastYear: 2021, requested: 2023)) {
            try Scaffold.script(after: .init(evaluation: fine, path: "x.gov", link: "x.gov"), year: 2023)
        }
        #expect(throws: Scaffold.Failure.yearOutOfRange(1999)) { try Scaffold.script(year: 1999, body: "某局") }
        #expect(throws: Scaffold.Failure.emptyBody) { try Scaffold.script(year: 2021, body: "") }
    }

    @Test(arguments: [
        ("/a/x/new.gov", "/a/b/last.gov", "../b/last.gov"),
        ("/a/new.gov", "/a/last.gov", "last.gov"),
        ("/a/b/c/new.gov", "/a/last.gov", "../../last.gov"),
    ])
    func previousLinksAreRelativeToTheNewScript(newScript: String, target: String, expected: String) {
        #expect(Scaffold.link(to: target, from: newScript) == expected)
    }

    @Test(arguments: ["青禾县示范局", "A_1", "县 政府", "2021年", "a{b}\"c\"", "a.b", "（一）"])
    func namesAreSpelledSoTheyReadBack(name: String) {
        let evaluation = Gov.evaluate(source: "body \(ScriptLiteral.name(name))\nyear 2021\n")
        #expect(evaluation.findings.isEmpty && evaluation.report.header.body == name, "\(ScriptLiteral.name(name))")
    }

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gov-new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

import Testing
import GovRender

import GovLanguage
@testable import GovReport

/// Each rule shown to fire and to stay quiet: (rule, a script that breaks it, a script that keeps it).
struct RuleTests {
    static let cases: [(rule: String, fires: String, quiet: String)] = [
        ("A1", "application new 3 granted 2 forward 2", "application new 3 granted 2 forward 1"),
        ("A1", "application all carried 1 granted 1\napplication all forward 1", "application carried 1 granted 1\napplication all forward 0"),
        ("A2", "application new 3 granted 2 total 3", "application new 3 granted 2 repeated 1 total 3"),
        ("A3", "application new 3\napplication business new 1\napplication all new 3", "application new 3\napplication business new 1\napplication all new 4"),
        ("A4", "application new 1 granted 2", "application new 2 granted 2"),
        ("A4", "application new -1", "application new 0"),
        ("B1", "review upheld 1 corrected 1 total 1", "review upheld 1 corrected 1 total 2"),
        ("B2", "lawsuit direct upheld 2 total 1", "lawsuit direct upheld 2 other 1 total 3"),
        ("B3", "lawsuit after_review pending 1 total 0", "lawsuit after_review pending 1 total 1"),
        ("B5", "proactive normative issued 5 effective 4", "proactive normative issued 5 effective 40"),
        ("C3", "parts 7", "parts 6"),
        ("C4", "channel 网站 10\ncategory 公告 4\ncategory 动态 5", "channel 网站 10\ncategory 公告 4\ncategory 动态 6"),
        ("ASSERT", "application new 2\nassert application.new > 2 \"太少\"", "application new 3\nassert application.new > 2 \"太少\""),
    ]

    @Test(arguments: cases)
    func ruleFiresAndStaysQuiet(rule: String, fires: String, quiet: String) {
        let broken = evaluate(script(fires))
        #expect(codes(broken).contains(rule), "\(rule) should fire on: \(fires) — got \(codes(broken))")
        let kept = evaluate(script(quiet))
        #expect(kept.findings.isEmpty, "\(rule) should stay quiet on: \(quiet) — got \(kept.findings.map(\.message))")
    }

    @Test func everyRuleIdOfTheTableIsExercised() {
        let tested = Set(RuleTests.cases.map(\.rule))
        for rule in RuleTable.distinct { #expect(tested.contains(rule.id.rawValue), "no test for \(rule.id)") }
    }

    @Test func severitiesFollowTheFormat() {
        let severities = Dictionary(RuleTable.distinct.map { ($0.id, $0.severity) }, uniquingKeysWith: { a, _ in a })
        for id: DiagnosticCode in ["A1", "A2", "A3", "B1", "B2", "B3"] { #expect(severities[id] == .error) }
        for id: DiagnosticCode in ["B5", "C3", "C4"] { #expect(severities[id] == .warning) }
    }

    @Test func totalsAreDerivedWhenNotStated() {
        let report = evaluate(script("application new 5 carried 1\napplication granted 3 repeated 1\napplication business new 2 granted 2")).report
        #expect(report.count(.application(.new, .all)) == 7)
        #expect(report.count(.application(.total, .person)) == 4)
        #expect(report.count(.application(.total, .all)) == 6)
        #expect(report.count(.application(.forward, .person)) == 2)
        #expect(report.count(.application(.forward, .all)) == 2)
        #expect(report.cells[.application(.forward, .person)]?.origin == .derived("A1"))
        #expect(report.count(.appeal(.review, .total)) == 0)
    }

    @Test func aBrokenSumCarriesItsNumbersAndPlaces() throws {
        let evaluation = evaluate(script("application new 3 granted 2 forward 2"))
        let finding = try #require(evaluation.findings.first { $0.code == "A1" })
        let arithmetic = try #require(finding.arithmetic)
        #expect(arithmetic.stated == "2")
        #expect(arithmetic.computed == "1")
        #expect(arithmetic.difference == "1")
        #expect(arithmetic.cells.map(\.value) == ["3", "0", "2"])
        #expect(arithmetic.cells[0].range != nil && arithmetic.cells[2].range == nil)
        #expect(position(finding, in: evaluation) == "3:37")
        #expect(finding.notes.count == 1)
    }

    @Test func the2019FormatHasItsOwnRows() {
        let report2019 = evaluate(script("application new 1 other 1", year: 2020)).report
        #expect(report2019.edition == .y2019)
        #expect(report2019.count(.application(.total, .all)) == 1)
        let wrongRow = evaluate(script("application new 1 overdue_fee 1", year: 2020))
        #expect(codes(wrongRow) == ["E051"])
        let forced = evaluate(script("format 2021\napplication new 1 overdue_fee 1", year: 2020))
        #expect(forced.report.edition == .y2021 && forced.findings.isEmpty)
    }
}

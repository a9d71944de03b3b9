import Foundation
import Testing
import GovRender

@testable import GovLanguage
@testable import GovReport

/// Checks `this` (which names `last` with `previous`), both served from memory.
func checkPair(last: String, lastYear: Int, this: String, thisYear: Int) -> BatchCheck {
    let files = [
        "/virtual/last.gov": "body 测试机关\nyear \(lastYear)\n" + last + "\n",
        "/virtual/this.gov": "body 测试机关\nyear \(thisYear)\nprevious \"last.gov\"\n" + this + "\n",
    ]
    let loader = ScriptLoader { path in
        guard let text = files[path] else { throw CocoaError(.fileReadNoSuchFile) }
        return Array(text.utf8)
    }
    return BatchCheck.run([ScriptFinder.Found(path: "/virtual/this.gov", fromDirectory: false)], loader: loader)
}

func allCodes(_ batch: BatchCheck) -> [String] { batch.scripts.flatMap { $0.findings.map(\.code.rawValue) } }

/// Each cross-year rule shown to fire and to stay quiet: (rule, last year's lines, this year's lines that
/// break it, this year's lines that keep it, the two years).
struct CrossYearTests {
    static let cases: [(rule: String, last: String, fires: String, quiet: String, years: [Int])] = [
        ("D1", "application new 3 granted 1", "application carried 1", "application carried 2", [2021, 2022]),
        ("D1", "application new 3 granted 1", "application new 1", "application carried 2 new 1", [2021, 2022]),
        ("D1", "application business new 2", "application carried 2", "application business carried 2", [2021, 2022]),
        ("D1", "application new 1", "application new 1", "application carried 1", [2020, 2021]),
        ("D2", "proactive licensing previous 10 change +2", "proactive licensing previous 10", "proactive licensing previous 12", [2019, 2020]),
        ("D2", "proactive fees previous 4 change -1", "proactive fees previous 4", "proactive fees previous 3", [2019, 2020]),
        ("D3", "proactive normative total 20", "proactive normative published 5 total 24", "proactive normative published 5 total 25", [2019, 2020]),
        ("D4", "proactive normative effective 48", "proactive normative issued 3 repealed 1 effective 48",
         "proactive normative issued 3 repealed 1 effective 50", [2021, 2022]),
        ("D4", "proactive regulations effective 3", "proactive regulations issued 1", "proactive regulations issued 1 effective 4", [2021, 2022]),
    ]

    @Test(arguments: cases)
    func ruleFiresAndStaysQuiet(rule: String, last: String, fires: String, quiet: String, years: [Int]) {
        let broken = checkPair(last: last, lastYear: years[0], this: fires, thisYear: years[1])
        #expect(allCodes(broken).contains(rule), "\(rule) should fire on: \(fires) — got \(allCodes(broken))")
        let kept = checkPair(last: last, lastYear: years[0], this: quiet, thisYear: years[1])
        #expect(allCodes(kept).isEmpty, "\(rule) should stay quiet on: \(quiet) — got \(kept.scripts.flatMap { $0.findings.map(\.message) })")
    }

    @Test func everyRuleOfTheTableIsExercised() {
        let tested = Set(CrossYearTests.cases.map(\.rule))
        #expect(Set(CrossYearTable.rules.map(\.id.rawValue)) == tested)
        #expect(CrossYearTable.rules.map(\.id.rawValue) == ["D1", "D2", "D3", "D4"])
    }

    @Test func severities() {
        #expect(CrossYearTable.rule("D1")?.severity == .error)
        for id: DiagnosticCode in ["D2", "D3", "D4"] { #expect(CrossYearTable.rule(id)?.severity == .warning) }
    }

    @Test func acrossTheChangeOfFormatOnlyTheCarryOverApplies() {
        let applying = CrossYearTable.rules.filter { !$0.equations(.y2019, .y2021).isEmpty }.map(\.id)
        #expect(applying == ["D1"])
        #expect(CrossYearTable.rules.filter { !$0.equations(.y2019, .y2019).isEmpty }.map(\.id) == ["D1", "D2", "D3"])
        #expect(CrossYearTable.rules.filter { !$0.equations(.y2021, .y2021).isEmpty }.map(\.id) == ["D1", "D4"])
    }

    @Test func aCarryOverFindingPointsIntoBothFiles() throws {
        let batch = checkPair(last: "application new 3 granted 1", lastYear: 2021, this: "application carried 1", thisYear: 2022)
        let finding = try #require(batch.scripts.first?.findings.first { $0.code == "D1" })
        #expect(finding.severity == .error)
        let primary = try #require(finding.range)
        #expect(batch.sources.location(primary).description == "/virtual/this.gov:4:21")
        let note = try #require(finding.notes.first?.range)
        #expect(batch.sources.location(note).path == "/virtual/last.gov")
        #expect(finding.message.contains("/virtual/last.gov") && finding.message.contains("应为 2"))
        #expect(finding.arithmetic?.stated == "1" && finding.arithmetic?.computed == "2")
    }

    @Test func aCarryOverNeverWrittenPointsAtThePreviousStatement() throws {
        let batch = checkPair(last: "application new 2", lastYear: 2021, this: "", thisYear: 2022)
        let finding = try #require(batch.scripts.first?.findings.first)
        #expect(finding.code == "D1" && finding.message.contains("没有填写"))
        #expect(batch.sources.location(try #require(finding.range)).description == "/virtual/this.gov:3:10")
    }

    @Test(arguments: [
        ("not an earlier year", 2022, 2022, "S3"),
        ("a later year", 2023, 2022, "S3"),
        ("a gap of years", 2019, 2022, "S1"),
    ])
    func previousMustBeAnEarlierYear(_ name: String, lastYear: Int, thisYear: Int, code: String) {
        #expect(allCodes(checkPair(last: "", lastYear: lastYear, this: "", thisYear: thisYear)) == [code], "\(name)")
    }

    @Test func previousOfAnotherBodyIsAWarningAndStillCompared() {
        let files = [
            "/v/a.gov": "body 旧名称局\nyear 2021\napplication new 2\n",
            "/v/b.gov": "body 新名称局\nyear 2022\nprevious \"a.gov\"\n",
        ]
        let loader = ScriptLoader { path in try files[path].map { Array($0.utf8) } ?? { throw CocoaError(.fileReadNoSuchFile) }() }
        let batch = BatchCheck.run([ScriptFinder.Found(path: "/v/b.gov", fromDirectory: false)], loader: loader)
        #expect(allCodes(batch).sorted() == ["D1", "S4"])
    }

    @Test func aPreviousScriptWithErrorsIsMentioned() {
        #expect(allCodes(checkPair(last: "application new 1 granted 2", lastYear: 2021, this: "", thisYear: 2022)).contains("S5"))
    }
}

/// `SeriesFacts.besideItself` takes a `previous` script's name off its script's directory by bytes; the
/// answers are the ones the string slicing it replaced gave (kept here as the reference), for paths with
/// and without directories, at the root, with doubled slashes, dots, non-ASCII names and names that are
/// not beside the script. (None of these files exists, so no link is found either way.)
struct BesideItselfTests {
    static func reference(_ previous: String, script: String, standardized: String) -> String? {
        func parent(_ path: String) -> String? {
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
            if slash == path.utf8.startIndex { return "/" }
            return String(path[..<slash])
        }
        let directory = parent(script) ?? ""
        let prefix = directory.isEmpty ? "" : directory.hasSuffix("/") ? directory : directory + "/"
        guard previous.hasPrefix(prefix), let standardizedDirectory = parent(standardized) else { return nil }
        let name = previous.utf8.dropFirst(prefix.utf8.count)
        guard !name.isEmpty, !name.contains(UInt8(ascii: "/")), !name.elementsEqual(".".utf8), !name.elementsEqual("..".utf8)
        else { return nil }
        return (standardizedDirectory == "/" ? "" : standardizedDirectory) + "/" + String(decoding: name, as: UTF8.self)
    }

    @Test(arguments: [
        ("/nowhere/b/2021.gov", "/nowhere/b/2022.gov", "/nowhere/b/2022.gov"),
        ("b/2021.gov", "b/2022.gov", "/work/b/2022.gov"),
        ("2021.gov", "2022.gov", "/work/2022.gov"),
        ("/2021.gov", "/2022.gov", "/2022.gov"),
        ("/nowhere//2021.gov", "/nowhere//2022.gov", "/nowhere/2022.gov"),
        ("/nowhere/b/2021.gov", "/nowhere/b/2022.gov", "//2022.gov"),
        ("/nowhere/b/", "/nowhere/b/2022.gov", "/nowhere/b/2022.gov"),
        ("/nowhere/b/.", "/nowhere/b/2022.gov", "/nowhere/b/2022.gov"),
        ("/nowhere/b/..", "/nowhere/b/2022.gov", "/nowhere/b/2022.gov"),
        ("/nowhere/b/...", "/nowhere/b/2022.gov", "/nowhere/b/2022.gov"),
        ("/nowhere/b/.x", "/nowhere/b/2022.gov", "/nowhere/b/2022.gov"),
        ("/nowhere/b/2021.gov", "/nowhere/b/2022.gov", "/2022.gov"),
        ("/nowhere/b/c/2021.gov", "/nowhere/b/2022.gov", "/nowhere/b/2022.gov"),
        ("/nowhere/c/2021.gov", "/nowhere/b/2022.gov", "/nowhere/b/2022.gov"),
        ("/nowhere/青禾/上年.gov", "/nowhere/青禾/今年.gov", "/实际/青禾/今年.gov"),
        ("/nowhere/b/2021.gov", "/nowhere/b/2022.gov", "2022.gov"),
        ("/nowhere/b2021.gov", "/nowhere/b/2022.gov", "/nowhere/b/2022.gov"),
    ])
    func takesTheNameOffAsTheStringsDid(previous: String, script: String, standardized: String) {
        #expect(SeriesFacts.besideItself(previous, script: script, standardized: standardized)
            == Self.reference(previous, script: script, standardized: standardized))
    }
}

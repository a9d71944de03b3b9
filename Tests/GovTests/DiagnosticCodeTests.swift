import Foundation
import Testing
import GovRender

@testable import GovLanguage
@testable import GovReport
@testable import GovCLI

/// Checks `paths` from files served from memory (raw bytes, so a file may be not UTF-8).
private func batchCodes(_ files: [String: [UInt8]], checking paths: [String]) -> [String] {
    let loader = ScriptLoader { path in
        guard let bytes = files[path] else { throw CocoaError(.fileReadNoSuchFile) }
        return bytes
    }
    let found = paths.map { ScriptFinder.Found(path: $0, fromDirectory: false) }
    return BatchCheck.run(found, loader: loader).scripts.flatMap { $0.findings.map(\.code.rawValue) }
}

private func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

/// The registry of diagnostic codes is complete and honest: every code the sources make is registered,
/// every registered code is documented in docs/language.md §7, and every one is produced by a case here.
struct DiagnosticCodeTests {
    /// One way to trigger each registered code. `codes` returns the codes the trigger produced.
    static let triggers: [(code: String, codes: @Sendable () -> [String])] = [
        // A whole file reports the lexer's E003 for such a line instead (Parser.parseScript keeps the lexer's
        // words); the parser's own statement reader is where E000 is made.
        ("E000", {
            let source = SourceFile(path: "t.gov", text: "@ 2021\n")
            var parser = Parser(source: source, file: FileID(0), tokens: Lexer.tokenize(source, file: FileID(0)).tokens)
            do { _ = try parser.parseStatement() } catch let diagnostic as Diagnostic { return [diagnostic.code.rawValue] } catch {}
            return []
        }),
        ("E001", { codes(evaluate(script("text \"abc"))) }),
        ("E002", { codes(evaluate(script("text \"\"\"abc"))) }),
        ("E003", { codes(evaluate(script("let a = 1 @ 2"))) }),
        ("E004", { codes(evaluate(script("text \"a\\qb\""))) }),
        ("E005", { codes(evaluate(script("channel " + String(repeating: "a", count: 100_001) + " 1"))) }),
        ("E006", { codes(evaluate(script("text \"a{b\""))) }),
        ("E007", { batchCodes(["/v/a.gov": [0x62, 0x6F, 0x64, 0x79, 0x20, 0xFF, 0xFE, 0x0A]], checking: ["/v/a.gov"]) }),
        ("E008", { codes(evaluate(script("text \"a\u{1B}[31mb\""))) }),
        ("E009", { codes(evaluate(script("channel @ a @ b @ c @ d @ e @"))) }),
        ("E010", { codes(evaluate(script("bdy 甲"))) }),
        ("E011", { codes(evaluate(script("let a 1"))) }),
        ("E012", { codes(evaluate(script("proactive issued 1"))) }),
        ("E013", { codes(evaluate(script("let x = 1\ninclude \"{x}.gov\""))) }),
        ("E014", { codes(evaluate(script("published 2021-02-29"))) }),
        ("E015", { codes(evaluate(script("application person business new 1"))) }),
        ("E016", { codes(evaluate(script("application new 99999999999999999999999"))) }),
        ("E017", { codes(evaluate(script("assert application. > 0 \"x\""))) }),
        ("E018", { codes(evaluate(script("let a = (1 + 2"))) }),
        ("E019", { codes(evaluate(script("let a = (1 + )"))) }),
        ("E020", { codes(evaluate(script("let a = " + String(repeating: "(", count: 70) + "1" + String(repeating: ")", count: 70)))) }),
        ("E030", { codes(evaluate(script("application new 1\napplication new 2"))) }),
        ("E031", { codes(evaluate(script("application new 1.5"))) }),
        ("E032", { codes(evaluate(script("application new (application.carried)"))) }),
        ("E033", { codes(evaluate(script("let a = a + 1\ntext \"{a}\""))) }),
        ("E034", { codes(evaluate(script("let a = 1\nlet a = 2"))) }),
        ("E035", { codes(evaluate(script("text \"{application.nonsense}\""))) }),
        ("E036", { codes(evaluate(script("assert 1 + \"a\" > 0 \"x\""))) }),
        ("E037", { codes(evaluate(script("text \"{1 / 0}\""))) }),
        // Chains are computed link by link as they are bound; only one bound backwards (each name read
        // from a later one) and longer than 2 × 64 still has to be followed lazily too deep.
        ("E038", { codes(evaluate(script((0..<200).map { "let a\($0) = a\($0 + 1) + 1" }.joined(separator: "\n") + "\nlet a200 = 1\ntext \"{a0}\""))) }),
        ("E039", { codes(evaluate(script((["let a0 = \"ab\""] + (1...40).map { "let a\($0) = a\($0 - 1) + a\($0 - 1)" } + ["text \"{a40}\""]).joined(separator: "\n")))) }),
        ("E040", { codes(evaluate("body 甲\n")) }),
        ("E041", { codes(evaluate("year 2021\n")) }),
        ("E042", { codes(evaluate(script("format 2020"))) }),
        ("E044", { codes(evaluate(script("section nonsense"))) }),
        ("E045", { codes(evaluate(script("section appeals\nsection overview"))) }),
        ("E046", { codes(evaluate(script("row \"a\" 1"))) }),
        ("E047", { codes(evaluate(script("category 法规公文 7"))) }),
        ("E050", { codes(evaluate(script("lawsuit 行政复议 upheld 1"))) }),
        ("E051", { codes(evaluate(script("application overdue_fee 1", year: 2020))) }),
        ("E052", { codes(evaluate(script("application nonsense 1"))) }),
        ("E060", { codes(evaluate(script("include \"missing.gov\""))) }),
        ("E061", { codes(evaluate(script("include \"a.gov\""), files: ["a.gov": "include \"b.gov\"\n", "b.gov": "include \"a.gov\"\n"])) }),
        ("E062", {
            var files: [String: String] = [:]
            for depth in 0..<20 { files["f\(depth).gov"] = "include \"f\(depth + 1).gov\"\n" }
            files["f20.gov"] = "\n"
            return codes(evaluate(script("include \"f0.gov\""), files: files))
        }),
        ("E063", { codes(evaluate(script("# " + String(repeating: "注释", count: 400_000)))) }),
        ("E064", { codes(evaluate(script(String(repeating: "include \"a.gov\"\n", count: 70)), files: ["a.gov": "\n"])) }),
        ("E065", { codes(evaluate(script("include \"/etc/passwd\""))) }),
        ("E070", {
            guard case .notFormatted(let found) = ScriptPrinter.checked("body 甲\n", keepsMeaning: false, file: FileID(0)) else { return [] }
            return found.map(\.code.rawValue)
        }),
        ("A1", { codes(evaluate(script("application new 1 forward 5"))) }),
        ("A2", { codes(evaluate(script("application new 1 granted 1 total 3"))) }),
        ("A3", { codes(evaluate(script("application all new 5\napplication new 1"))) }),
        ("A4", { codes(evaluate(script("application new 1 granted 3"))) }),
        ("B1", { codes(evaluate(script("review upheld 1 total 3"))) }),
        ("B2", { codes(evaluate(script("lawsuit direct upheld 1 total 3"))) }),
        ("B3", { codes(evaluate(script("lawsuit after_review upheld 1 total 3"))) }),
        ("B5", { codes(evaluate(script("proactive regulations issued 5 effective 1"))) }),
        ("C3", { codes(evaluate(script("parts 3"))) }),
        ("C4", { codes(evaluate(script("channel 微博 39\ncategory 法规公文 7"))) }),
        ("C1", { codes(evaluate(script("application new 3\ntext \"全年新收申请5件。\""))) }),
        ("C2", { codes(evaluate(script("application new 4 granted 2 not_held 2\ntext \"予以公开2件，占40%。\""))) }),
        ("C5", { codes(evaluate(script("proactive normative issued 1 effective 9\ntext \"现行有效规范性文件8件。\""))) }),
        ("C6", { codes(evaluate("body 某县人民政府\nyear 2021\napplication new 30\ntext \"本办受理政府信息公开申请12件。\"\n")) }),
        ("Q1", { codes(evaluate("body 某县教育局\nyear 2021\npublished 2022-02-15\n")) }),
        ("Q2", {
            let paragraph = "text \"本局坚持以公开为常态、不公开为例外，健全信息发布审核机制，依托政府网站和政务新媒体及时发布政策文件和办事指南。\""
            let files = [
                "/v/2020.gov": utf8("body 甲局\nyear 2020\nsection overview\n\(paragraph)\n"),
                "/v/2021.gov": utf8("body 甲局\nyear 2021\nprevious \"2020.gov\"\nsection overview\n\(paragraph)\n"),
            ]
            return batchCodes(files, checking: ["/v/2021.gov"])
        }),
        ("Q3", { codes(evaluate(script("text \"2017年，本局建立了公开台账。\""))) }),
        ("Q4", { codes(evaluate(script("section problems\ntext \"存在的主要问题是答复文书不够规范。\""))) }),
        ("Q5", { codes(evaluate(script("section other\ntext \"无。\""))) }),
        ("ASSERT", { codes(evaluate(script("assert 1 > 2 \"never\""))) }),
        ("D1", { allCodes(checkPair(last: "application new 3 granted 1", lastYear: 2021, this: "application carried 1", thisYear: 2022)) }),
        ("D2", { allCodes(checkPair(last: "proactive licensing previous 10 change +2", lastYear: 2019, this: "proactive licensing previous 10", thisYear: 2020)) }),
        ("D3", { allCodes(checkPair(last: "proactive normative total 20", lastYear: 2019, this: "proactive normative published 5 total 24", thisYear: 2020)) }),
        ("D4", { allCodes(checkPair(last: "proactive normative effective 48", lastYear: 2021, this: "proactive normative effective 40", thisYear: 2022)) }),
        ("S1", { allCodes(checkPair(last: "", lastYear: 2019, this: "", thisYear: 2022)) }),
        ("S2", { batchCodes(["/v/a.gov": utf8("body 甲\nyear 2021\n"), "/v/b.gov": utf8("body 甲\nyear 2021\n")], checking: ["/v/a.gov", "/v/b.gov"]) }),
        ("S3", { allCodes(checkPair(last: "", lastYear: 2022, this: "", thisYear: 2022)) }),
        ("S4", {
            batchCodes(
                ["/v/last.gov": utf8("body 乙\nyear 2021\n"), "/v/this.gov": utf8("body 甲\nyear 2022\nprevious \"last.gov\"\n")],
                checking: ["/v/this.gov"])
        }),
        ("S5", { allCodes(checkPair(last: "application new 1 granted 2", lastYear: 2021, this: "", thisYear: 2022)) }),
    ]

    @Test func everyRegisteredCodeHasATrigger() {
        let registered = DiagnosticCode.registry.map(\.code.rawValue)
        #expect(registered == DiagnosticCodeTests.triggers.map(\.code), "one trigger per registered code, in registry order")
        #expect(Set(registered).count == registered.count, "each code registered once")
    }

    @Test(arguments: triggers.map(\.code))
    func theTriggerProducesItsCode(code: String) {
        guard let trigger = DiagnosticCodeTests.triggers.first(where: { $0.code == code }) else { return }
        let produced = trigger.codes()
        #expect(produced.contains(code), "\(code) not produced; got \(produced)")
    }

    @Test func everyRegisteredCodeIsDocumented() throws {
        let docs = try String(contentsOf: Paths.packageRoot.appendingPathComponent("docs/language.md"), encoding: .utf8)
        guard let start = docs.range(of: "## 7. Diagnostic codes") else {
            Issue.record("docs/language.md has no §7")
            return
        }
        let section = docs[start.upperBound...].prefix { _ in true }
        let table = section[..<(section.range(of: "\n## ")?.lowerBound ?? section.endIndex)]
        for entry in DiagnosticCode.registry {
            let row = "| `\(entry.code.rawValue)` | \(entry.kind.rawValue) | \(entry.severity.rawValue) | \(entry.summary) |"
            #expect(table.contains(row), "docs/language.md §7 should have the row: \(row)")
        }
    }

    /// Every code written as a literal where a finding is made is registered: a new code cannot skip the registry.
    @Test func everyCodeInTheSourcesIsRegistered() throws {
        let sources = Paths.packageRoot.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        let pattern = try NSRegularExpression(pattern: #"(?:code: |report\(|Rule\(\s*id: |CrossYearRule\(\s*id: |\(")"(E\d{3}|[A-DS]\d|ASSERT)""#)
        var found = Set<String>()
        for file in files where file.pathExtension == "swift" && file.lastPathComponent != "DiagnosticCode.swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { found.insert(String(text[range])) }
            }
        }
        #expect(found.count > 40, "the scan finds the codes the sources make")
        let registered = Set(DiagnosticCode.registry.map(\.code.rawValue))
        #expect(found.subtracting(registered).isEmpty, "unregistered: \(found.subtracting(registered).sorted())")
    }

    @Test func rulesAndCrossYearRulesAgreeWithTheRegistry() {
        for rule in RuleTable.distinct {
            #expect(rule.id.kind == .rule && rule.id.entry?.severity == rule.severity, "\(rule.id)")
        }
        for rule in CrossYearTable.rules {
            #expect(rule.id.kind == .crossYear && rule.id.entry?.severity == rule.severity, "\(rule.id)")
        }
    }

    @Test func aFindingWithoutASeverityTakesTheRegisteredOne() {
        #expect(Diagnostic(code: "S1", message: "", range: nil).severity == .note)
        #expect(Diagnostic(code: "B5", message: "", range: nil).severity == .warning)
        #expect(Diagnostic(code: "B5", severity: .error, message: "", range: nil).severity == .error)
    }

    @Test func helpCodesListsTheRegistry() {
        let text = HelpCommand.codes()
        for entry in DiagnosticCode.registry {
            #expect(text.contains("\(entry.code.rawValue)") && text.contains(entry.summary), "\(entry.code)")
        }
        #expect(text.contains("E060   input      error   file cannot be read"))
    }

    @Test func aRuleFindingCarriesItsCellsAndNumbersTyped() {
        let evaluation = evaluate(script("application new 1 granted 1 total 3"))
        guard let finding = evaluation.findings.first(where: { $0.code == "A2" }), let arithmetic = finding.arithmetic else {
            Issue.record("no A2: \(codes(evaluation))")
            return
        }
        #expect(arithmetic.subjectCell.flatMap(CellID.init(key:)) == .application(.total, .person))
        #expect(arithmetic.statedNumber == 3 && arithmetic.computedNumber == 1)
        let cells = arithmetic.cells.compactMap { $0.cell.flatMap(CellID.init(key:)) }
        #expect(cells.contains(.application(.granted, .person)))
        #expect(arithmetic.cells.first { $0.cell == CellID.application(.granted, .person).key }?.number == 1)
        for cell in OfficialTable.allCases.flatMap({ $0.cells(.y2021) + $0.cells(.y2019) }) {
            #expect(CellID(key: cell.id.key) == cell.id)
        }
    }

    @Test func govHelpCodesPrintsTheRegistry() throws {
        let run = try runGov(["help", "codes"])
        #expect(run.status == 0)
        #expect(run.stdout == HelpCommand.codes())
        let check = try runGov(["help", "check"])
        #expect(check.status == 0 && check.stdout.contains("USAGE: gov check"))
        let unknown = try runGov(["help", "nonsense"])
        #expect(unknown.status == 2)
    }
}

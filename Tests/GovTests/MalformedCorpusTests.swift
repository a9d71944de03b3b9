import Foundation
import Testing

@testable import Gov
import GovLanguage
import GovReport

/// The malformed-input corpus: every script under Tests/Malformed (by category: encoding, lexical, syntax,
/// names, values, includes, size) is checked, formatted and rendered, and its findings — code, severity,
/// file:line:column — are compared with Tests/GovTests/Golden/malformed.txt. Files under a `parts/`
/// folder are only included by other cases. `GOV_UPDATE_GOLDEN=1 swift test` regenerates the golden file.
struct MalformedCorpusTests {
    static let root = Paths.packageRoot.appendingPathComponent("Tests/Malformed")

    static let cases: [String] = {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var found: [String] = []
        while let next = enumerator?.nextObject() as? String {
            guard next.hasSuffix(".gov"), !next.contains("parts/") else { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(next).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.append(next)
            }
        }
        return found.sorted()
    }()

    /// Cases that are well-formed on purpose: a limit met exactly, or input the language accepts (BOMs
    /// and CRLF line ends) next to one that it does not. Every other case must produce an error.
    static let acceptedCases: Set<String> = [
        "includes/empty-include.gov", "lexical/textblock-four-quotes.gov", "names/let-shadow-year-cell.gov",
        "syntax/signoff-no-date.gov", "values/decimal-overflow-multiply.gov",
        // Well-formed: what it tests is the name the fuzz target reads it under (`b`).
        "fuzz/one-character-script-name.gov",
    ]

    /// One line per finding: `CODE severity path:line:col` (paths relative to Tests/Malformed).
    static func summary(of evaluation: Evaluation) -> [String] {
        evaluation.findings.map { finding in
            let place = finding.range.map { evaluation.sources.location($0).description } ?? "-"
            return "  \(finding.code) \(finding.severity.rawValue) \(relative(place))"
        }
    }

    static func relative(_ text: String) -> String {
        text.replacingOccurrences(of: root.path + "/", with: "")
    }

    /// A check builds no paragraphs (`Evaluator.Prose.findingsOnly`) but must find exactly what a full
    /// evaluation finds, in the same order and words: over every malformed case and every example.
    @Test func aCheckThatBuildsNoParagraphsFindsWhatAFullEvaluationFinds() throws {
        let examples = try FileManager.default.subpathsOfDirectory(atPath: Paths.examples.path)
            .filter { $0.hasSuffix(".gov") }.map { Paths.examples.appendingPathComponent($0).path }
        let paths = MalformedCorpusTests.cases.map { MalformedCorpusTests.root.appendingPathComponent($0).path } + examples
        #expect(paths.count > 220)
        for path in paths {
            let built = Evaluator.evaluate(path: path)
            let checked = Evaluator.evaluate(path: path, prose: .findingsOnly)
            #expect(Gov.diagnostics(checked) == Gov.diagnostics(built), "\(path)")
            // A check that lists rule instances (the JSON) judges every one a full evaluation does, in
            // order; one that prints findings only records none, and finds the same.
            let listing = Evaluator.evaluate(path: path, prose: .findingsAndRules)
            #expect(Gov.diagnostics(listing) == Gov.diagnostics(built), "\(path)")
            let instances = { (report: Report) in report.ruleInstances.map { "\($0.rule) \($0.subject) \($0.status) \(String(describing: $0.range))" } }
            #expect(instances(listing.report) == instances(built.report), "\(path)")
            #expect(checked.report.ruleInstances.isEmpty, "\(path)")
            // The same cells, values, origins and marks: a check reads plain table lines straight into cells.
            #expect(PlainTableLineTests.cells(checked) == PlainTableLineTests.cells(built), "\(path)")
            // The same findings and text when no path is answered from its bytes (`FinalScope.resolve(path:)`).
            let byNames = Evaluator.$answersPathsFromBytes.withValue(false) { Evaluator.evaluate(path: path) }
            #expect(Gov.diagnostics(byNames) == Gov.diagnostics(built), "\(path)")
            #expect(PathInterpolationTests.text(byNames) == PathInterpolationTests.text(built), "\(path)")
        }
        // And it does skip them: the overview's paragraphs are not built, section 五's are (Q4 reads them).
        let series = Paths.examples.appendingPathComponent("series/2022.gov").path
        let built = Evaluator.evaluate(path: series).report, checked = Evaluator.evaluate(path: series, prose: .findingsOnly).report
        let overview = Section.Kind.official(.overview), problems = Section.Kind.official(.problems)
        #expect(built.sections.first { $0.kind == overview }?.blocks.isEmpty == false)
        #expect(checked.sections.first { $0.kind == overview }?.blocks.isEmpty == true)
        #expect(checked.sections.first { $0.kind == problems }?.blocks.count == built.sections.first { $0.kind == problems }?.blocks.count)
        // Nor does a check record what each statement did, which only the REPL and the editor ask.
        #expect(!Evaluator.evaluate(path: series).effects.isEmpty)
        #expect(Evaluator.evaluate(path: series, prose: .findingsOnly).effects.isEmpty)
    }

    @Test func theCorpusHasAtLeastTwoHundredScripts() {
        #expect(MalformedCorpusTests.cases.count >= 200)
    }

    /// Every case: evaluating never traps, every finding is located when it can be, output is bounded,
    /// and formatting and rendering complete. The findings are the golden file.
    @Test func everyCaseMatchesItsExpectedFindings() throws {
        var golden = ""
        for name in MalformedCorpusTests.cases {
            let path = MalformedCorpusTests.root.appendingPathComponent(name).path
            let evaluation = Gov.evaluate(path: path)
            let diagnostics = Gov.diagnostics(evaluation)
            #expect(diagnostics.utf8.count < 64 * 1024, "\(name): \(diagnostics.utf8.count) bytes of diagnostics")
            #expect(evaluation.findings.filter { DiagnosticLimit.isCapped($0.code) }.count <= DiagnosticLimit.perReport + 1, "\(name)")
            let hasErrors = evaluation.hasErrors
            if !MalformedCorpusTests.acceptedCases.contains(name) {
                #expect(hasErrors, "\(name) should be an error")
            }
            // Control characters never reach the rendered report or a terminal.
            let text = Gov.text(evaluation)
            #expect(!text.unicodeScalars.contains { ControlCharacter.isRefused($0) }, "\(name)")
            #expect(!diagnostics.unicodeScalars.contains { ControlCharacter.isRefused($0) }, "\(name)")
            _ = Gov.format(path: path)
            golden += name + "\n" + MalformedCorpusTests.summary(of: evaluation).joined(separator: "\n") + "\n"
        }
        expectGolden(golden, "malformed.txt")
    }

    /// The reports, each pinned to the finding it must now give.
    @Test(arguments: [
        ("encoding/crlf-year-missing.gov", "E012", "2:5"),
        ("includes/cycle-through-dotdot.gov", "E061", "3:9"),
        ("includes/dev-zero.gov", "E065", "3:9"),
        ("includes/dev-zero-named-gov.gov", "E060", "3:9"),
        ("includes/etc-shadow.gov", "E065", "3:9"),
        ("includes/directory.gov", "E060", "3:9"),
        ("syntax/body-empty-string.gov", "E012", "1:6"),
        ("syntax/published-year-zero.gov", "E014", "3:11"),
        ("lexical/empty-file.gov", "E040", "1:1"),
        ("lexical/comment-only-file.gov", "E041", "1:1"),
        ("size/let-chain-65.gov", "E052", "70:13"),
        ("size/operators-257.gov", "E020", "3:1035"),
        ("size/nesting-65.gov", "E020", "3:73"),
    ])
    func reportedCases(name: String, code: String, place: String) {
        let evaluation = Gov.evaluate(path: MalformedCorpusTests.root.appendingPathComponent(name).path)
        let found = evaluation.findings.filter { $0.code.rawValue == code }.compactMap { $0.range.map { evaluation.sources.location($0) } }
        #expect(found.contains { "\($0.line):\($0.column)" == place }, "\(name): \(MalformedCorpusTests.summary(of: evaluation))")
    }

    @Test func anIncludedNonScriptIsNeverQuoted() {
        let evaluation = Gov.evaluate(path: MalformedCorpusTests.root.appendingPathComponent("includes/etc-passwd.gov").path)
        #expect(!Gov.diagnostics(evaluation).contains("root:"))
        #expect(evaluation.sources.files.count == 1)
    }

    @Test func c1ControlCharactersAreRefusedInNamesAndReplacedInText() {
        let evaluation = Gov.evaluate(source: "body 甲\u{85}乙\nyear 2021\ntext \"a\u{9B}31mb\"\n")
        #expect(evaluation.findings.filter { $0.code == "E008" }.count == 2)
        #expect(!Gov.text(evaluation).unicodeScalars.contains { (0x80...0x9F).contains($0.value) } || evaluation.report.header.body.contains("\u{85}"))
        #expect(!Gov.text(evaluation).contains("a\u{9B}31mb"))
    }

    @Test func controlCharactersInStringsAreReplacedInTheReport() {
        let evaluation = Gov.evaluate(path: MalformedCorpusTests.root.appendingPathComponent("encoding/esc-in-string.gov").path)
        #expect(evaluation.findings.contains { $0.code == "E008" })
        let html = String(decoding: (try? Gov.render(evaluation, as: .html)) ?? Data(), as: UTF8.self)
        #expect(!html.contains("\u{1B}"))
        #expect(html.contains("\u{FFFD}[31mred"))
    }
}

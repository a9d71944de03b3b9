import Foundation
import Testing
import GovReport
import GovRender
import GovLanguage

@testable import Gov

/// `gov fmt` on every example and on every script the other tests use: formatting is idempotent, and the
/// formatted script evaluates to the same report (the same rendering, the same findings).
struct FormatterTests {
    /// Every example, subdirectories included ("series/2021.gov").
    static let examples: [String] = {
        let enumerator = FileManager.default.enumerator(atPath: Paths.examples.path)
        var names: [String] = []
        while let name = enumerator?.nextObject() as? String {
            if name.hasSuffix(".gov") { names.append(name) }
        }
        return names.sorted()
    }()

    /// The scripts of the table-driven tests, each with the header it is evaluated with.
    static let testScripts: [String] = {
        var scripts: [String] = []
        scripts += ParserTests.valid.map(\.0) + ParserTests.invalid.map(\.0)
        scripts += LexerTests.cases.map(\.0) + LexerTests.errors.map(\.0)
        scripts += EvaluatorTests.badInput.map { script($0.0) }
        scripts += RuleTests.cases.flatMap { [script($0.fires), script($0.quiet)] }
        scripts += CrossYearTests.cases.flatMap { [script($0.last, year: $0.years[0]), script($0.fires, year: $0.years[1]), script($0.quiet, year: $0.years[1])] }
        scripts += ScriptPrinterTests.cases.map(\.input)
        scripts += [
            "body 某局\nyear 2021\napplication business new 2 granted 2\nreview upheld 1\nlawsuit direct pending 1\n",
            "机关 某局\n年度 2021\n申请 商业企业 本年新收 2 予以公开 2\n复议 维持 1\n诉讼 直接起诉 未审结 1\n",
            script("let a = 0.1 + 0.2\nassert a == 0.3 \"十进制\""),
            script("application new 4 granted 3\nlet 办结率 = application.total * 100 / application.new\ntext \"办结率{办结率}%\""),
            script("section proactive\nsection \"公开平台建设\"\nsection problems"),
        ]
        return scripts
    }()

    @Test(arguments: examples)
    func everyExampleFormatsIdempotentlyAndKeepsItsReport(name: String) throws {
        let path = "examples/\(name)"
        let original = try [UInt8](Data(contentsOf: Paths.packageRoot.appendingPathComponent(path)))
        guard case .formatted(let once) = ScriptPrinter.layout(SourceFile(path: path, bytes: original)) else {
            Issue.record("\(name) does not format")
            return
        }
        #expect(ScriptPrinter.format(source: SourceFile(path: path, text: once)) == once, "\(name): idempotent")
        let before = FormatterTests.evaluate(path, replacing: nil)
        let after = FormatterTests.evaluate(path, replacing: Array(once.utf8))
        #expect(Gov.text(before) == Gov.text(after), "\(name): same rendering")
        #expect(FormatterTests.findings(before) == FormatterTests.findings(after), "\(name): same findings")
    }

    @Test(arguments: testScripts)
    func everyTestScriptFormatsIdempotentlyAndKeepsItsReport(text: String) {
        let once = Gov.format(source: text)
        #expect(Gov.format(source: once) == once, "idempotent: \(text)")
        let before = GovTests.evaluate(text), after = GovTests.evaluate(once)
        #expect(Gov.text(before) == Gov.text(after), "same rendering: \(text)")
        #expect(FormatterTests.findings(before) == FormatterTests.findings(after), "same findings: \(text)")
    }

    @Test func theFormattedExampleReallyChanges() throws {
        // The examples are laid out by hand; the canonical layout aligns their tables.
        let path = "examples/fictional-2021.gov"
        let text = try String(contentsOf: Paths.packageRoot.appendingPathComponent(path), encoding: .utf8)
        let formatted = Gov.format(source: text)
        #expect(formatted != text)
        #expect(formatted.contains("proactive regulations issued        0 repealed 0 effective  3\n"))
        #expect(formatted.contains("# FICTITIOUS EXAMPLE: the body, numbers and text are invented to show the language.\n"))
    }

    /// Evaluates an example as the golden tests do, optionally with its main file replaced by `bytes`.
    static func evaluate(_ path: String, replacing bytes: [UInt8]?) -> Evaluation {
        let loader = ScriptLoader { requested in
            if requested == path, let bytes { return bytes }
            return [UInt8](try Data(contentsOf: Paths.packageRoot.appendingPathComponent(requested)))
        }
        return Evaluator.evaluate(path: path, loader: loader)
    }

    /// Findings without positions; messages without spaces (an assert's message quotes its condition as
    /// written, and the formatter may change the spaces in it).
    static func findings(_ evaluation: Evaluation) -> [String] {
        evaluation.findings.map { "\($0.code) \($0.severity) " + $0.message.filter { !$0.isWhitespace } }
    }
}

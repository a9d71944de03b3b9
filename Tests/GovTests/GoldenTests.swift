import Foundation
import Testing
import GovReport
import GovRender
import GovLanguage

@testable import Gov

/// Golden files: the text rendering of every example and the diagnostics of every example, checked in
/// under Tests/GovTests/Golden. Regenerate with `GOV_UPDATE_GOLDEN=1 swift test`, then review the change
/// with `git diff Tests/GovTests/Golden`.
struct GoldenTests {
    /// Every example, subdirectories included ("series/2021.gov", golden files "series-2021.txt").
    static let examples: [String] = FormatterTests.examples

    static func golden(_ name: String, _ suffix: String) -> String {
        name.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".gov", with: suffix)
    }

    /// Evaluates an example with a path relative to the package root, so golden text is the same anywhere.
    static func evaluateExample(_ name: String) -> Evaluation {
        let loader = ScriptLoader { path in
            [UInt8](try Data(contentsOf: Paths.packageRoot.appendingPathComponent(path)))
        }
        return Evaluator.evaluate(path: "examples/\(name)", loader: loader)
    }

    @Test func thereAreExamples() {
        #expect(GoldenTests.examples.count >= 3)
    }

    @Test(arguments: examples)
    func textRendering(name: String) {
        let evaluation = GoldenTests.evaluateExample(name)
        expectGolden(Gov.text(evaluation), GoldenTests.golden(name, ".txt"))
    }

    @Test(arguments: examples)
    func diagnostics(name: String) {
        let evaluation = GoldenTests.evaluateExample(name)
        expectGolden(Gov.diagnostics(evaluation), GoldenTests.golden(name, ".diagnostics.txt"))
    }

    @Test func theSeedReportHasExactlyItsTwoKnownInconsistencies() {
        let evaluation = GoldenTests.evaluateExample("dayin-2020.gov")
        #expect(evaluation.findings.map(\.code) == ["C3", "C4"])
        #expect(evaluation.findings.allSatisfy { $0.severity == .warning })
    }

    @Test func theSeedRenderKeepsEveryNumberOfTheOriginal() {
        let text = Gov.text(GoldenTests.evaluateExample("dayin-2020.gov"))
        for figure in ["247", "100", "39", "94", "14", "+9", "+96", "50", "22", "514.4", "2020年1月1日至2020年12月31日"] {
            #expect(text.contains(figure), "missing \(figure)")
        }
        #expect(text.contains("政府集中采购") && text.contains("表二") && text.contains("七、其他需要报告的事项"))
    }

    @Test func theErrorCopyBreaksEveryRuleOnce() {
        let codes = GoldenTests.evaluateExample("fictional-2021-errors.gov").findings.map(\.code)
        #expect(codes.sorted() == ["A1", "A2", "A3", "A4", "ASSERT", "B1", "B2", "B3", "B5", "C3", "C4"])
    }

    @Test func theFictionalExampleIsClean() {
        #expect(GoldenTests.evaluateExample("fictional-2021.gov").findings.isEmpty)
    }
}

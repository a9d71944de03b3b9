import Foundation
import Testing

@testable import GovLanguage
@testable import GovReport

/// A `{…}` that is a dotted path of words is answered from its bytes (`FinalScope.resolve(path:)`) when it
/// can be; the same path in parentheses is not a plain path and goes through its expression and names.
/// Both give the same text and the same findings — for cells of either format, year and body, bindings,
/// channels, unknown words, paths too short or too long, and cells a format lacks.
struct PathInterpolationTests {
    static let paths = [
        "application.new", "application.total", "application.carried.person", "application.new.business", "application.granted",
        "proactive.normative.issued", "proactive.normative.published", "proactive.fees.amount", "review.total", "review.upheld",
        "lawsuit.direct.total", "lawsuit.after_review.upheld", "lawsuit.review.upheld", "year", "body", "x", "channel.网站",
        "channel.网站.文件", "application", "application.new.person.extra", "application.nw", "proactive.normative", "申请.新收",
        "year.month", "body.name", "主动公开.规章.制发",
    ]

    @Test(arguments: paths, [2019, 2021])
    func aPathReadFromItsBytesReadsAsItsExpression(path: String, year: Int) {
        let lines = "application new 3 carried 1 granted 2\nproactive normative issued 4\nproactive fees amount 9\nreview upheld 1\nchannel 网站 5\ncategory 文件 2\n"
        for bindings in ["", "let x = 7\nlet year = 1\n"] {
            let plain = evaluate(script(lines + bindings + "text \"甲{\(path)}乙\"", year: year))
            let parenthesized = evaluate(script(lines + bindings + "text \"甲{(\(path))}乙\"", year: year))
            #expect(plain.report.introduction.map { "\($0)" } == parenthesized.report.introduction.map { "\($0)" }, "\(path) \(bindings)")
            #expect(codes(plain) == codes(parenthesized), "\(path) \(bindings)")
            // And with no path answered from its bytes, the same text and findings, in the same places.
            let byNames = Evaluator.$answersPathsFromBytes.withValue(false) { evaluate(script(lines + bindings + "text \"甲{\(path)}乙\"", year: year)) }
            #expect(Self.text(byNames) == Self.text(plain), "\(path) \(bindings)")
            #expect(byNames.findings.map { "\($0.code) \($0.message) \(String(describing: $0.range))" } == plain.findings.map { "\($0.code) \($0.message) \(String(describing: $0.range))" })
        }
    }

    /// Every block of the report, as text.
    static func text(_ evaluation: Evaluation) -> [String] {
        (evaluation.report.introduction + evaluation.report.sections.flatMap(\.blocks)).map { "\($0)" }
    }
}

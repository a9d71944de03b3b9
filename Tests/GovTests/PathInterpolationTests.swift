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
        "year.month", "body.name", "主动公开.规章.制发", "channel", "channel.微信", "channel.网站.其他", "渠道.网站.文件",
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

/// A literal's interpolations by place, for both kinds of literal: one read from a script (paths kept as
/// bytes, their expressions made when asked for) and one made of parts.
struct InterpolationPlaceTests {
    @Test func aScriptsLiteralGivesEachInterpolationByPlace() throws {
        let source = SourceFile(path: "t.gov", text: "text \"甲{application.new}乙{1 + 2}丙{year}\"\n")
        let (script, diagnostics) = Parser.parse(source, file: FileID(0))
        #expect(diagnostics.isEmpty)
        guard case .text(let literal)? = script.statements.first?.kind else {
            Issue.record("not a text statement")
            return
        }
        #expect(literal.interpolationCount == 3)
        // The paths are kept as bytes; the sum is parsed.
        #expect(literal.path(at: 0).map { String(decoding: $0.bytes[$0.content], as: UTF8.self) } == "application.new")
        #expect(literal.path(at: 1) == nil)
        #expect(literal.path(at: 2).map { String(decoding: $0.bytes[$0.content], as: UTF8.self) } == "year")
        guard case .reference(let names) = literal.interpolation(at: 0) else {
            Issue.record("a path's expression is a reference")
            return
        }
        #expect(names.map(\.text) == ["application", "new"])
        #expect(names.map { source.text($0.range.start..<$0.range.end) } == ["application", "new"])
        guard case .binary = literal.interpolation(at: 1) else {
            Issue.record("the sum's expression")
            return
        }
        #expect(literal.text(interpolatingEach: { "<\($0)>" }) == "甲<0>乙<1>丙<2>")
        var seen: [String] = []
        literal.forEachInterpolation { expression in
            if case .reference(let names) = expression { seen.append(names.map(\.text).joined(separator: ".")) } else { seen.append("-") }
        }
        #expect(seen == ["application.new", "-", "year"])
    }

    @Test func aLiteralOfPartsGivesEachInterpolationByPlace() {
        let range = SourceRange(file: FileID(0), start: 0, end: 0)
        let literal = StringLiteral(
            parts: [.text("a"), .interpolation(.integer(1, range)), .text("b"), .interpolation(.integer(2, range))], range: range, isBlock: false)
        #expect(literal.interpolationCount == 2)
        #expect(literal.path(at: 0) == nil)
        guard case .integer(2, _) = literal.interpolation(at: 1) else {
            Issue.record("the second interpolation")
            return
        }
        #expect(literal.text(interpolatingEach: { "<\($0)>" }) == "a<0>b<1>")
        #expect(literal.text(interpolating: { expression in
            if case .integer(let value, _) = expression { return String(value) }
            return "?"
        }) == "a1b2")
    }
}

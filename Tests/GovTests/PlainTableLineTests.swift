import Foundation
import Gov
import Testing

@testable import GovLanguage
@testable import GovReport

/// A check reads the plain table lines straight into cells (`PlainTableLine`), and parses the others as
/// before: which lines are plain, what is read of them, and that a check finds and places exactly what a
/// full evaluation (which parses every line) does, for plain lines, lines that are not, and plain lines
/// that are wrong.
struct PlainTableLineTests {
    /// A line, and what the parser offers as plain: "selector|name=value name=value", or nil when the line
    /// is not plain and is parsed as usual.
    static let lines: [(String, String?)] = [
        ("application new 40 carried 2", "-|new=40 carried=2"),
        ("application business new 3 granted 2 not_held 1", "business|new=3 granted=2 not_held=1"),
        ("proactive normative issued 12 repealed 2 effective 48", "normative|issued=12 repealed=2 effective=48"),
        ("review upheld 1 corrected 1 pending 1", "-|upheld=1 corrected=1 pending=1"),
        ("主动公开 规章 制发 3", "规章|制发=3"),
        ("application new 1 # a comment", "-|new=1"),
        ("application new 1\r", "-|new=1"),
        ("application   new\t7", "-|new=7"),
        ("application new 0007", "-|new=7"),
        // Not plain: marks, units, signs, decimals, expressions, quoted names, two selectors, a number too
        // large, a name without a value, a value without a name, nothing at all.
        ("application new blank", nil),
        ("application new 不详", nil),
        ("application new \u{F967}详", nil),
        // A mark after a would-be selector is the first word's value; a first name is any word (a mark or
        // a unit there is an unknown name, as when the line is parsed).
        ("application new 不详 carried 1", nil),
        ("application business blank", nil),
        ("application business 不详 5", nil),
        ("application blank 5", "-|blank=5"),
        ("application 元 5", "-|元=5"),
        ("proactive fees amount 96.25", nil),
        ("proactive fees amount 96 万元", nil),
        ("application new -1", nil),
        ("application new +1", nil),
        ("application new (1 + 2)", nil),
        ("application new 1 + 2", nil),
        ("application \"new\" 1", nil),
        ("application a b new 1", nil),
        ("application new 99999999999999999999999", nil),
        ("application new 1 carried", nil),
        ("application new 1 2", nil),
        ("application 1", nil),
        ("application", nil),
        ("application new 1 ）", nil),
        ("channel 政府网站 3", nil),
    ]

    @Test(arguments: lines)
    func theParserOffersOnlyPlainLines(line: String, expected: String?) {
        let source = SourceFile(path: "t.gov", text: line + "\n")
        var offered: [String] = []
        var statements = 0
        _ = Parser.parse(
            source, file: FileID(0),
            plain: { line in
                let words = line.entries.map { "\(String(decoding: source.bytes[$0.name], as: UTF8.self))=\($0.value)" }
                let selector = line.selector.map { String(decoding: source.bytes[$0.bytes], as: UTF8.self) } ?? "-"
                offered.append(selector + "|" + words.joined(separator: " "))
                // The range a parsed statement would have.
                #expect(line.range.start == 0 && line.range.end == (line.entries.last?.valueRange.end ?? -1))
                return true
            },
            each: { _ in statements += 1 })
        #expect(offered == (expected.map { [$0] } ?? []), "\(line)")
        // A line taken is not parsed as well.
        if expected != nil { #expect(statements == 0, "\(line)") }
    }

    /// A plain line the reader turns down is parsed as any other, and handed over as a statement.
    @Test func aLineTurnedDownIsParsed() {
        let source = SourceFile(path: "t.gov", text: "application new 1 carried 2\n")
        var statements: [Statement] = []
        let diagnostics = Parser.parse(source, file: FileID(0), plain: { _ in false }, each: { statements.append($0) })
        #expect(diagnostics.isEmpty)
        guard case .cells(let cells)? = statements.first?.kind else {
            Issue.record("not a cell statement")
            return
        }
        #expect(cells.entries.map(\.name.text) == ["new", "carried"])
    }

    /// Scripts whose table lines are plain, not plain, or plain and wrong (an unknown word, a selector
    /// missing, extra or refused by the format, a cell the format lacks, a cell stated twice), in both
    /// formats: a check finds what a full evaluation finds, in the same words and places, and places the
    /// same cells with the same values, origins and marks.
    static let scripts: [(String, String?)] = [
        ("application new 40 carried 2\napplication business new 3 granted 2\nreview upheld 1 corrected 1", nil),
        ("proactive normative issued 12 repealed 2 effective 48\nproactive fees amount 96", nil),
        ("application new 40\napplication new 41", "E030"),
        ("application new 40\napplication new blank", "E030"),
        ("application new blank\napplication new 3", "E030"),
        ("application new 1\napplication new 1", nil),
        ("application new 1 grnted 2", "E052"),
        ("application blank 5\napplication 不详 5 new 1", "E052"),
        ("proactive fees amount 96 万元 new 1", "E052"),
        ("application busines new 1", "E052"),
        ("proactive issued 1", "E012"),
        ("review business upheld 1", "E015"),
        ("lawsuit review upheld 1", "E050"),
        ("lawsuit direct upheld 1 corrected 2", nil),
        ("lawsuit upheld 1", "E012"),
        ("application new 99999999999999999999999", nil),
        ("proactive fees amount 96 万元\nproactive fees amount 1", nil),
    ]

    @Test(arguments: scripts, [2019, 2021])
    func aCheckPlacesAndFindsWhatAFullEvaluationDoes(lines: (String, String?), year: Int) throws {
        let (text, code) = lines
        for source in [script(text, year: year), text + "\nbody 测试机关\nyear \(year)\n"] {
            let loader = ScriptLoader { _ in Array(source.utf8) }
            let built = Evaluator.evaluate(path: "/virtual/t.gov", loader: loader)
            let checked = Evaluator.evaluate(path: "/virtual/t.gov", loader: loader, prose: .findingsOnly)
            #expect(Gov.diagnostics(checked) == Gov.diagnostics(built), "\(source)")
            #expect(Self.cells(checked) == Self.cells(built), "\(source)")
            if let code, year == 2021 { #expect(codes(checked).contains(code), "\(source)") }
        }
    }

    /// A 2019 report has no `normative` … `issued` column: a plain line finds so when the year comes.
    @Test func theFormatsQuestionsWaitForTheYear() {
        let source = "proactive normative issued 12\nbody 测试机关\nyear 2019\n"
        let loader = ScriptLoader { _ in Array(source.utf8) }
        let checked = Evaluator.evaluate(path: "/virtual/t.gov", loader: loader, prose: .findingsOnly)
        #expect(codes(checked).contains("E051"))
        #expect(Gov.diagnostics(checked) == Gov.diagnostics(Evaluator.evaluate(path: "/virtual/t.gov", loader: loader)))
    }

    static func cells(_ evaluation: Evaluation) -> [String] {
        evaluation.report.cells.filled.map { "\($0.id)=\($0.cell)" }
    }
}

import Foundation
import Testing
import GovReport
import GovRender

@testable import GovLanguage

/// A compact dump of a statement, so parser expectations read like the language.
func dump(_ statement: Statement) -> String {
    func expr(_ e: Expr) -> String {
        switch e {
        case .integer(let v, _): return "\(v)"
        case .decimal(_, let text, _): return text
        case .string(let s): return "\"" + s.parts.map { part in
                if case .text(let t) = part { return t }
                if case .interpolation(let e) = part { return "{\(expr(e))}" }
                return ""
            }.joined() + "\""
        case .reference(let names): return names.map(\.text).joined(separator: ".")
        case .negate(let e, _): return "-\(expr(e))"
        case .binary(let op, let a, let b, _): return "(\(expr(a)) \(op.rawValue) \(expr(b)))"
        }
    }
    let body: String
    switch statement.kind {
    case .body(let n), .kind(let n), .section(let n, nil): body = n.isQuoted ? "\"\(n.text)\"" : n.text
    case .section(let n, let printed?): body = n.text + " " + expr(.string(printed))
    case .lead(let s): body = expr(.string(s))
    case .year(let e), .format(let e), .parts(let e): body = expr(e)
    case .title(let s), .heading(let s), .text(let s), .table(let s), .include(let s), .previous(let s): body = expr(.string(s))
    case .published(let d): body = d.iso
    case .signoff(let n, let d): body = n.text + (d.map { " " + $0.iso } ?? "")
    case .columns(let items), .row(let items): body = items.map(expr).joined(separator: " ")
    case .channel(let n, let e), .category(let n, let e): body = "\(n.text) \(expr(e))"
    case .cells(let c):
        func value(_ entry: CellStatement.Entry) -> String {
            switch entry.value {
            case .expression(let e): return expr(e) + (entry.unit.map { "[\($0.text)]" } ?? "")
            case .mark(let mark, _): return "<\(mark.rawValue)>"
            }
        }
        body = "[" + c.selectors.map(\.text).joined(separator: " ") + "] " + c.entries.map { "\($0.name.text)=\(value($0))" }.joined(separator: " ")
    case .deliberate(let e, let s): body = expr(e) + " " + expr(.string(s))
    case .binding(let n, let e): body = "\(n.text) = \(expr(e))"
    case .assertion(let e, let m): body = expr(e) + (m.map { " " + expr(.string($0)) } ?? "")
    }
    return "\(statement.keyword.english): \(body)"
}

func parse(_ text: String) -> (statements: [Statement], diagnostics: [Diagnostic]) {
    let (script, diagnostics) = Parser.parse(SourceFile(path: "t", text: text), file: FileID(0))
    return (script.statements, diagnostics)
}

struct ParserTests {
    /// A decimal literal read from its digits is the value `Decimal(string:)` reads, and prints and
    /// computes the same: leading and trailing zeros, every place of the point, 1 to 18 digits, and longer
    /// literals (which go to `Decimal(string:)` itself).
    @Test func aDecimalLiteralReadFromItsDigitsIsTheStringsValue() {
        var generator = SystemRandomNumberGenerator()
        var literals = ["0.0", "00.50", "96.25", "96.250", "1.000000", "0.000001", "999999999999999999.9", "12345678901234567.8",
            "123456789012345678901234567890.12345678", "5949.088667", "1.", ".5", "1.2.3"]
        for _ in 0..<3_000 {
            let whole = String((0..<Int.random(in: 1...12, using: &generator)).map { _ in "0123456789".randomElement(using: &generator)! })
            let fraction = String((0..<Int.random(in: 1...12, using: &generator)).map { _ in "0000123456789".randomElement(using: &generator)! })
            literals.append(whole + "." + fraction)
        }
        for literal in literals {
            let expected = Decimal(string: literal, locale: Locale(identifier: "en_US_POSIX"))
            let read = Parser.decimalValue(literal)
            #expect(read == expected, "\(literal)")
            #expect(read?.description == expected?.description, "\(literal)")
            #expect((read.map { $0 * 3 / 7 + 1 })?.description == (expected.map { $0 * 3 / 7 + 1 })?.description, "\(literal)")
        }
    }

    static let valid: [(String, String)] = [
        ("channel 微博 39", "channel: 微博 39"),
        // The spellings the importer writes (issue 12): cell states, units, the single （六） row, printed
        // section titles, two-line titles, no sign-off, run-in leads, the body's kind.
        ("application all granted blank", "application: [all] granted=<blank>"),
        ("review total unknown", "review: [] total=<unknown>"),
        ("proactive licensing decisions 空白", "proactive: [licensing] decisions=<blank>"),
        ("复议 总计 不详", "review: [] 总计=<unknown>"),
        ("application granted blank total 3", "application: [] granted=<blank> total=3"),
        ("proactive procurement amount 5394432.52 元", "proactive: [procurement] amount=5394432.52[元]"),
        ("proactive procurement amount 5394432.52元", "proactive: [procurement] amount=5394432.52[元]"),
        ("proactive fees amount 24.5 万元", "proactive: [fees] amount=24.5[万元]"),
        ("proactive procurement amount 3 元 projects 2", "proactive: [procurement] amount=3[元] projects=2"),
        ("application other_total 1", "application: [] other_total=1"),
        ("申请 （六）其他处理 1", "application: [] （六）其他处理=1"),
        ("section applications \"收到和处理政府信息公开申请情况\"", "section: applications \"收到和处理政府信息公开申请情况\""),
        ("title \"第一行\\n第二行\"", "title: \"第一行\n第二行\""),
        ("signoff none", "signoff: none"),
        ("落款 无", "signoff: 无"),
        ("lead \"（一）主动公开情况。\"", "lead: \"（一）主动公开情况。\""),
        ("段首 \"（一）\"", "lead: \"（一）\""),
        ("kind department", "kind: department"),
        ("机关类型 政府", "kind: 政府"),
        ("渠道 微博 39", "channel: 微博 39"),
        ("application carried 1 granted 1", "application: [] carried=1 granted=1"),
        ("application business carried 1", "application: [business] carried=1"),
        ("申请 总计 上年结转 1", "application: [总计] 上年结转=1"),
        ("申请 总计 5", "application: [] 总计=5"),
        ("lawsuit direct upheld 2 pending 1", "lawsuit: [direct] upheld=2 pending=1"),
        ("proactive licensing change -18", "proactive: [licensing] change=-18"),
        ("proactive licensing change +9", "proactive: [licensing] change=9"),
        ("proactive fees amount 5949.088667", "proactive: [fees] amount=5949.088667"),
        ("application granted (a + 1)", "application: [] granted=(a + 1)"),
        ("let x = 1 + 2 * 3", "let: x = (1 + (2 * 3))"),
        ("let y = (1 + 2) * 3", "let: y = ((1 + 2) * 3)"),
        ("assert application.new > 0 \"应有申请\"", "assert: (application.new > 0) \"应有申请\""),
        ("signoff 某局 2022-01-25", "signoff: 某局 2022-01-25"),
        ("published 2024-02-29", "published: 2024-02-29"),
        ("section overview", "section: overview"),
        ("section \"公开平台建设和信息发布情况\"", "section: \"公开平台建设和信息发布情况\""),
        ("text \"新收{application.new}件\"", "text: \"新收{application.new}件\""),
        ("text \"花括号\\{本身\\}\"", "text: \"花括号{本身}\""),
        ("row \"政府网站\" 条 (channel.网站)", "row: \"政府网站\" \"条\" channel.网站"),
        ("include \"common.gov\"", "include: \"common.gov\""),
        ("previous \"2020.gov\"", "previous: \"2020.gov\""),
        ("上年报告 \"../2020/报告.gov\"", "previous: \"../2020/报告.gov\""),
        ("year 2021 # 年度", "year: 2021"),
    ]

    @Test(arguments: valid)
    func parses(input: String, expected: String) {
        let (statements, diagnostics) = parse(input)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(statements.map(dump) == [expected])
    }

    /// Each bad line, the code it gets, and the column the diagnostic points at.
    static let invalid: [(String, String, Int)] = [
        ("chanel 微博 39", "E010", 1),
        ("39 微博", "E010", 1),
        ("channel 微博", "E012", 11),
        ("application carried", "E012", 13),
        ("application carried x", "E012", 21),
        ("channel 微博 39 40", "E015", 15),
        ("let x = 99999999999999999999", "E016", 9),
        ("published 2021-02-30", "E014", 11),
        ("published 2023-02-29", "E014", 11),
        ("let x", "E011", 6),
        ("let x = (1 + 2", "E018", 15),
        ("text \"{\"", "E006", 7),
        ("text \"{}\"", "E006", 7),
        ("text \"a\\q\"", "E004", 8),
        ("body {", "E003", 6),
    ]

    @Test(arguments: invalid)
    func reportsErrors(input: String, code: String, column: Int) {
        let source = SourceFile(path: "t", text: input)
        let (_, diagnostics) = Parser.parse(source, file: FileID(0))
        #expect(diagnostics.first?.code.rawValue == code, "\(diagnostics.map(\.message))")
        #expect(diagnostics.first?.range.map { source.column(of: $0.start) } == column)
    }

    @Test func unknownKeywordSuggestsTheClosest() {
        let (_, diagnostics) = parse("chanel 微博 39\napplicaton carried 1\n渠到 微博 3")
        #expect(diagnostics.map(\.code) == ["E010", "E010", "E010"])
        #expect(diagnostics[0].message.contains("“channel”"))
        #expect(diagnostics[1].message.contains("“application”"))
        #expect(diagnostics[2].message.contains("“渠道”"))
    }

    @Test func aBadLineDoesNotHideTheNextOne() {
        let (statements, diagnostics) = parse("channel 微博\nchannel 抖音 14\nchanel x 1\nyear 2021")
        #expect(diagnostics.count == 2)
        #expect(statements.map(dump) == ["channel: 抖音 14", "year: 2021"])
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = "let x = " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        let (_, diagnostics) = parse(deep)
        #expect(diagnostics.first?.code == "E020")
        let signs = "let x = " + String(repeating: "-", count: 10_000) + "1"
        #expect(parse(signs).diagnostics.first?.code == "E020")
    }

    @Test func everyNodeKeepsItsRange() {
        let source = SourceFile(path: "t", text: "application business carried 12")
        let (script, _) = Parser.parse(source, file: FileID(0))
        guard case .cells(let cells) = script.statements[0].kind else {
            Issue.record("not a cell statement")
            return
        }
        #expect(source.text(cells.selectors[0].range.start..<cells.selectors[0].range.end) == "business")
        #expect(source.text(cells.entries[0].value.range.start..<cells.entries[0].value.range.end) == "12")
        #expect(script.statements[0].range.start == 0 && script.statements[0].range.end == source.bytes.count)
    }
}

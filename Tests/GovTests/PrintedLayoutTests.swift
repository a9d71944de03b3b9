import Foundation
import Testing

@testable import GovLanguage
@testable import GovRender
@testable import GovReport

/// The layout as printed (issue 12): cell states, amounts with units, the single （六）其他处理 row,
/// printed section titles, two-line titles, no sign-off, run-in leads and the body's kind.
struct PrintedLayoutTests {
    /// (lines after a 2021 header, expected finding codes with severity).
    static let cellStates: [(String, [String])] = [
        // blank = 0: a blank part adds nothing, a blank total with parts 0 passes.
        ("application new 3 granted 3\napplication partial blank", []),
        ("review upheld 0 total blank", []),
        // A stated-blank total whose parts are not 0 is its rule's finding.
        ("review upheld 1 total blank", ["error B1"]),
        ("application granted 27\napplication all granted blank", ["error A3"]),
        ("application new 2 granted 1 not_held 1 total blank", ["error A2"]),
        // Unknown is never 0: the rules that read it are not assessable (a note), neither pass nor fail.
        ("application new 2 granted 1 not_held unknown total 2", ["note A2", "note A3"]),
        ("review upheld 1 total unknown", ["note B1"]),
        ("review upheld unknown total 5", ["note B1"]),
        ("proactive normative issued unknown effective 1", ["note B5"]),
        // The single （六）其他处理 row: counted in （七）总计 in place of its sub-rows.
        ("application new 3 granted 2 other_total 1 total 3", []),
        ("application new 3 granted 2 other_total 1 total 2", ["error A2"]),
        // …and checked as their sum when sub-rows are stated too.
        ("application new 3 granted 2 other_total 1 overdue_fee 1", []),
        ("application new 3 granted 2 other_total 1 overdue_fee 2", ["error A2"]),
        // Units: only on amounts.
        ("proactive fees amount 24.5 万元", []),
        ("proactive licensing decisions 3 元", ["error E031"]),
        ("kind 部门", []),
        ("kind ministry", ["error E052"]),
    ]

    @Test(arguments: cellStates)
    func cellState(_ lines: String, _ expected: [String]) {
        let evaluation = evaluate(script(lines))
        #expect(evaluation.findings.map { "\($0.severity.rawValue) \($0.code)" } == expected, "\(lines)")
    }

    @Test func blankTotalIsWordedAsPrintedBlank() throws {
        let evaluation = evaluate(script("review upheld 1 total blank"))
        let finding = try #require(evaluation.findings.first)
        #expect(finding.message.contains("印为空白"))
        #expect(finding.message.contains("应为 1"))
        #expect(finding.arithmetic?.stated == "blank")
    }

    @Test func unknownNoteNamesTheCell() throws {
        let evaluation = evaluate(script("review upheld unknown total 5"))
        let note = try #require(evaluation.findings.first)
        #expect(note.message.contains("「行政复议 / 结果维持」不详"))
        #expect(position(note, in: evaluation) == "3:15")
    }

    @Test func anUnknownCellReadsAsUnknownNeverZero() {
        let evaluation = evaluate(script("review upheld unknown\ntext \"维持{review.upheld}件\"\nassert review.upheld == 0"))
        #expect(evaluation.report.introduction.contains { if case .paragraph("维持不详件") = $0 { return true } else { return false } })
        #expect(evaluation.findings.contains { $0.code == "E036" })
    }

    @Test func amountWithUnitIsExactAndPrintedAsWritten() {
        let report = evaluate(script("proactive fees amount 245000.5 元", year: 2021)).report
        #expect(report[.disclosure(.fees, .amount)] == .amount(Decimal(string: "24.50005")!, ""))
        #expect(report.printed(.disclosure(.fees, .amount)) == "245000.5元")
        let tenThousand = evaluate(script("proactive fees amount 24.5 万元")).report
        #expect(tenThousand.printed(.disclosure(.fees, .amount)) == "24.5万元")
    }

    @Test func blankAndUnknownPrint() {
        let report = evaluate(script("application new 1 granted 1\napplication all new blank\nreview upheld unknown")).report
        #expect(report.printed(.application(.new, .all)) == "")
        #expect(report.printed(.appeal(.review, .upheld)) == Report.unknownMark)
        let text = TextRenderer(width: 100).render(LayoutBuilder.document(for: report))
        #expect(text.contains("注：\(Report.unknownMark) 表示原表此处无法辨认（不详）：「行政复议 / 结果维持」"))
    }

    @Test func singleOtherRowIsPrintedAsOneRow() {
        let report = evaluate(script("application new 1 other_total 1")).report
        #expect(report.applicationSpec.otherAsOneRow)
        #expect(report.count(.application(.total, .all)) == 1)
        let text = TextRenderer(width: 100).render(LayoutBuilder.document(for: report))
        #expect(text.contains("（六）其他处理"))
        #expect(!text.contains("逾期不补正"))
        let usual = TextRenderer(width: 100).render(LayoutBuilder.document(for: evaluate(script("application new 1 other 1")).report))
        #expect(usual.contains("3.其他"))
    }

    @Test func headerAndTextAsPrinted() {
        let source = script(
            """
            title "第一行\\n第二行"
            signoff none
            section applications "收到和处理政府信息公开申请请况"
            lead "（一）概述。"
            text "全年无申请。"
            """)
        let evaluation = evaluate(source)
        #expect(evaluation.findings.isEmpty)
        let report = evaluation.report
        #expect(report.header.titleLines == ["第一行", "第二行"])
        #expect(!report.header.hasSignoff)
        let section = report.sections.first { $0.kind == .official(.applications) }
        #expect(section?.title == "收到和处理政府信息公开申请请况")
        let numbered = evaluate(script("section proactive \"二、主动公开政府信息情况\"")).report
        #expect(numbered.sections.first { $0.kind == .official(.proactive) }?.title == "主动公开政府信息情况")
        guard case .leadParagraph(let lead, let text)? = section?.blocks.first else {
            Issue.record("no run-in lead")
            return
        }
        #expect(lead == "（一）概述。" && text == "全年无申请。")
        let document = LayoutBuilder.document(for: report)
        #expect(document.signoff.isEmpty)
        #expect(MarkdownRenderer().render(document).contains("**（一）概述。**全年无申请。"))
        #expect(HTMLRenderer().render(document).contains("<h1>第一行<br>第二行</h1>"))
    }

    @Test func bodyKindDefaultsFromTheName() {
        #expect(BodyKind.guess(from: "青禾县教育局") == .department)
        #expect(BodyKind.guess(from: "大隐镇人民政府") == .government)
        #expect(BodyKind.guess(from: "平潭综合实验区") == .government)
        #expect(BodyKind.guess(from: "某市人民政府办公室") == .government)
        #expect(BodyKind.guess(from: "某县卫生健康委员会") == .department)
        #expect(evaluate(script("kind department")).report.header.kind == .department)
    }
}

/// `gov check --format json` lists every judged rule instance as pass, fail or not assessable.
struct RuleInstanceTests {
    @Test func everyInstanceHasAStatus() throws {
        let source = script("application new 3 granted 3 total 3\nreview upheld 1 total blank\nlawsuit direct upheld unknown total 1\ntext \"全年新收申请3件。\"")
        let report = evaluate(source).report
        let statuses = Dictionary(grouping: report.ruleInstances, by: \.rule).mapValues { $0.map(\.status.rawValue).sorted() }
        #expect(statuses["A2"] == ["pass"])
        #expect(statuses["B1"] == ["fail"])
        #expect(statuses["B2"] == ["not assessable"])
        #expect(statuses["C1"] == ["pass"])
    }

    /// A check that prints text records no instances (it prints findings only); its JSON lists every one
    /// a full evaluation judges, in order.
    @Test func theJSONOfACheckListsEveryInstance() throws {
        let path = Paths.examples.appendingPathComponent("fictional-2021-errors.gov").path
        let run = try runGov(["check", "--format", "json", path])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let listed = try #require(json["rules"] as? [[String: Any]]).map { "\($0["rule"] ?? "") \($0["subject"] ?? "") \($0["status"] ?? "")" }
        let judged = Evaluator.evaluate(path: path).report.ruleInstances.map { "\($0.rule) \($0.subject) \($0.status.rawValue)" }
        #expect(judged.count >= 10 && Set(judged.map { $0.split(separator: " ").last ?? "" }) == ["pass", "fail"])
        #expect(listed == judged)
    }
}

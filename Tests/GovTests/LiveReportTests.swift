import Foundation
import Gov
import GovLanguage
import GovRender
import GovReport
import Testing

@testable import GovREPL

/// The live report: each entry is evaluated with the whole session by the batch evaluator, and only what
/// changed is echoed; entries the language refuses leave the session as it was.
struct LiveReportTests {
    func started(_ entries: [String]) -> LiveReport {
        let live = LiveReport()
        for entry in entries { _ = live.submit(entry) }
        return live
    }

    @Test func aStatementEchoesTheCellAndTheTotalsItDerives() {
        let live = started(["body 测试局", "year 2021"])
        let feedback = live.submit("application new 40 carried 2")
        #expect(!feedback.refused)
        #expect(feedback.lines.contains("一、本年新收政府信息公开申请数量 / 自然人 = 40"))
        #expect(feedback.lines.contains("一、本年新收政府信息公开申请数量 / 总计 = 40（推算）"))
        #expect(feedback.lines.contains("四、结转下年度继续办理 / 自然人 = 42（推算）"))
        // Blank cells that stay blank are not news.
        #expect(!feedback.lines.contains { $0.contains("商业企业") })
        let next = live.submit("application granted 30 not_held 9")
        #expect(next.lines.contains("四、结转下年度继续办理 / 自然人 = 3（推算，原为 42）"))
    }

    @Test func aRuleThatBreaksIsNamedAndSoIsItsMending() {
        let live = started(["body 测试局", "year 2021", "application new 3 granted 2"])
        let broken = live.submit("application forward 0")
        let failing = broken.lines.first { $0.hasPrefix("现在不成立 error[A1]（第 4 行）") }
        #expect(failing?.contains("写的是 0，按第一项加第二项、减第三项应为 1") == true)
        let mended = live.submit("application granted 2 partial 1")
        // `granted 2` again is the same value: allowed. The partial result makes the carry-over 0.
        #expect(!mended.refused)
        #expect(mended.lines.contains { $0.hasPrefix("现在成立 [A1]（第 4 行）：第一项加第二项之和，等于第三项加第四项之和（之前写的是 0，算得 1）") })
    }

    @Test func aRuleThatKeepsFailingIsNotRepeated() {
        let live = started(["body 测试局", "year 2020", "channel 平台 10", "category 甲 3"])
        let again = live.submit("category 乙 3")
        #expect(!again.lines.contains { $0.contains("C4") })
        let holds = live.submit("category 丙 4")
        #expect(holds.lines.contains { $0.hasPrefix("现在成立 [C4]") })
    }

    @Test func anEntryTheLanguageRefusesIsShownWithCaretsAndNotKept() {
        let live = started(["body 测试局"])
        let before = live.session.text
        let feedback = live.submit("application neww 3")
        #expect(feedback.refused)
        #expect(feedback.diagnostics.hasPrefix("<input>:1:13: error[E052]: "))
        #expect(feedback.diagnostics.contains("1 | application neww 3\n  |             ^^^^\n"))
        #expect(live.session.text == before)
        // The session goes on.
        #expect(!live.submit("year 2021").refused)
    }

    @Test func refusedEntriesPointAtTheirInputLineWhenReadFromAPipe() {
        let live = LiveReport(unnamedPath: "<stdin>")
        let feedback = live.submit("year 20x1", shownAs: .init(displayPath: "<stdin>", firstLine: 42))
        #expect(feedback.diagnostics.hasPrefix("<stdin>:42:"))
        #expect(feedback.diagnostics.contains("42 | year 20x1"))
    }

    @Test func anEntryThatBreaksAnEarlierLineIsRefused() {
        // 2021's rows do not all exist in 2019: changing the year would make line 2 unreadable (E051).
        let live = started(["body 测试局", "application overdue_fee 1"])
        let feedback = live.submit("year 2020")
        #expect(feedback.refused)
        #expect(feedback.diagnostics.contains("<session>:2:"))
        #expect(live.session.entries == ["body 测试局", "application overdue_fee 1"])
    }

    @Test func missingYearAndBodyNeverRefuseAnEntry() {
        let live = LiveReport()
        #expect(!live.submit("channel 微博 39").refused)
        #expect(live.summary.contains("还缺 year、body"))
    }

    @Test func aStatedNegativeCountIsARuleFindingNotARefusal() {
        let live = started(["body 测试局", "year 2021"])
        let feedback = live.submit("review upheld -1")
        #expect(!feedback.refused)
        #expect(feedback.lines.contains { $0.hasPrefix("现在不成立 error[A4]") })
    }

    @Test func letShowsItsValueAndSectionsWhereTextGoes() {
        let live = started(["body 测试局", "year 2021", "application new 5"])
        #expect(live.submit("let 新收 = application.new * 2").lines == ["新收 = 10"])
        #expect(live.submit("section applications").lines == ["以下内容写入「三、收到和处理政府信息公开申请情况」"])
        #expect(live.submit("text \"新收{新收}件\"").lines == ["「收到和处理政府信息公开申请情况」第 1 段：新收10件"])
        #expect(live.submit("assert 新收 == 10").lines == ["断言成立"])
        #expect(live.submit("heading \"（一）\"").lines == ["「收到和处理政府信息公开申请情况」小标题：（一）"])
    }

    @Test func textThatQuotesACellIsEchoedAgainWhenTheCellChanges() {
        let live = started(["body 测试局", "year 2021", "text \"新收{application.new}件\""])
        let feedback = live.submit("application new 7")
        #expect(feedback.lines.contains("「引言」第 1 段现为：新收7件"))
    }

    @Test func undoTakesBackTheLastEntryAndSaysWhatChanged() {
        let live = started(["body 测试局", "year 2021", "application new 5"])
        let feedback = live.undo()
        #expect(feedback.lines.first == "已撤销：application new 5")
        #expect(feedback.lines.contains("一、本年新收政府信息公开申请数量 / 自然人 = 0（原为 5，现在空白）"))
        #expect(live.session.entries == ["body 测试局", "year 2021"])
        _ = live.reset()
        #expect(live.session.entries.isEmpty)
        _ = live.undo()
        #expect(live.session.entries == ["body 测试局", "year 2021"])
    }

    @Test func aLoadedFileIsOneEntryAndSavesBackInTheCanonicalLayout() {
        let text = "# 注释\nbody 测试局\n\nyear 2021\n"
        let live = LiveReport()
        let feedback = live.load(text: text, name: "x.gov")
        #expect(feedback.lines == ["已载入 x.gov（4 行）：没有发现问题"])
        // :save writes what `gov fmt` would: comments kept, the stray blank line gone.
        #expect(ScriptWriter.script(for: live.session) == "# 注释\nbody 测试局\nyear 2021\n")
        #expect(ScriptWriter.script(for: live.session) == ScriptPrinter.format(source: SourceFile(path: "x.gov", text: text)))
        #expect(!live.session.hasUnsavedChanges)
        _ = live.submit("parts 6")
        #expect(live.session.hasUnsavedChanges)
        #expect(live.path == "x.gov")
    }

    @Test func snapshotsOfAFormatChangeDoNotListRelabelledBlankCells() {
        let live = started(["body 测试局"])
        let feedback = live.submit("year 2020")
        #expect(feedback.lines.contains("格式 = 2019 年格式（原为 2021 年格式）"))
        #expect(feedback.lines.count <= 4, "\(feedback.lines)")
    }
}

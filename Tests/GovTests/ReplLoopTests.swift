import Foundation
import Gov
import GovLanguage
import GovRender
import GovReport
import Testing

@testable import GovREPL

/// The loop, driven through a scripted line editor: prompts, multi-line entries, Ctrl-C, commands,
/// saving, leaving, history and recovery.
struct ReplLoopTests {
    @Test func aTextBlockContinuesWithTheContinuationPromptAndIsOneHistoryEntry() throws {
        let state = StateDirectory(path: try makeTemporaryDirectory().path)
        let run = runRepl(["body 测试局", "text \"\"\"", "第一段", "第二段", "\"\"\"", ":q", "y"], state: state)
        #expect(run.out.hasPrefix(Repl.banner))
        #expect(run.editor.prompts.prefix(5) == ["gov> ", "gov> ", "...> ", "...> ", "...> "])
        #expect(run.out.contains("「引言」第 1 段：第一段\n  「引言」第 2 段：第二段\n"))
        #expect(run.editor.remembered.contains("text \"\"\"\n第一段\n第二段\n\"\"\""))
        #expect(HistoryStore(path: state.historyPath).load().contains("text \"\"\"\n第一段\n第二段\n\"\"\""))
    }

    @Test func ctrlCAbandonsTheLineNotTheSession() {
        let run = runRepl(["body 测试局", nil, "text \"\"\"", "半截", nil, "year 2021", ":check", ":q", "y"])
        #expect(run.status == 0)
        #expect(run.err.isEmpty, "\(run.err)")
        #expect(run.out.contains("年度 = 2021"))
        #expect(run.out.contains("  没有发现问题\n"))
    }

    @Test func leavingWithUnsavedChangesAsksFirst() {
        let stays = runRepl(["body 测试局", ":quit", "n", "year 2021", ":quit", "y"])
        #expect(stays.out.contains("年度 = 2021"))
        #expect(stays.editor.prompts.filter { $0.contains("不保存就离开吗") }.count == 2)
        let saved = runRepl([":quit"])
        #expect(!saved.editor.prompts.contains { $0.contains("不保存就离开吗") })
    }

    @Test func saveWritesAScriptThatChecksAndRendersTheSameReport() throws {
        let directory = try makeTemporaryDirectory()
        let script = directory.appendingPathComponent("报告.gov").path
        let rendered = directory.appendingPathComponent("报告.txt").path
        let lines: [String?] = [
            "body 青禾县示范局", "year 2021", "channel 微博 39", "application new 40 carried 2", "application granted 30 not_held 9",
            "section overview", "text \"\"\"", "全年新收申请{application.new}件，结转{application.forward}件。", "\"\"\"",
            ":save \(script)", ":render text \(rendered)", ":render text \(script)", ":quit",
        ]
        let run = runRepl(lines)
        #expect(run.out.contains("已保存到 \(script)（9 行）：没有发现问题"))
        #expect(run.err.contains("是这个会话的脚本"), "refuses to render over the script")
        #expect(!run.editor.prompts.contains { $0.contains("不保存就离开吗") }, "saved: nothing to ask")
        let check = try runGov(["check", script])
        #expect(check.status == 0 && check.stderr.isEmpty)
        let render = try runGov(["render", script])
        #expect(render.stdout == (try String(contentsOfFile: rendered, encoding: .utf8)))
        #expect(render.stdout.contains("全年新收申请40件，结转3件。"))
    }

    @Test func loadUndoAndSaveWithoutAName() throws {
        let directory = try makeTemporaryDirectory()
        let script = directory.appendingPathComponent("a.gov")
        try "body 甲\nyear 2021\n".write(to: script, atomically: true, encoding: .utf8)
        let run = runRepl([":load \(script.path)", "parts 6", ":save", ":undo", ":undo", ":undo", ":quit", "y"])
        #expect(run.out.contains("已载入 \(script.path)（2 行）"))
        #expect(try String(contentsOf: script, encoding: .utf8) == "body 甲\nyear 2021\nparts 6\n")
        #expect(run.out.contains("已撤销：parts 6"))
        #expect(run.out.contains("没有可以撤销的了"))
    }

    @Test func startingFromAFileAndFromANewName() throws {
        let directory = try makeTemporaryDirectory()
        let fresh = directory.appendingPathComponent("new.gov").path
        let run = runRepl(["body 甲", ":save", ":quit"], file: fresh)
        #expect(run.out.contains("还不存在"))
        #expect(try String(contentsOfFile: fresh, encoding: .utf8) == "body 甲\n")
        let again = runRepl([":show 总体情况", ":quit"], file: fresh)
        #expect(again.out.contains("已载入 \(fresh)（1 行）"))
        #expect(runRepl([], file: directory.path).status == 2, "a directory cannot be a script")
    }

    @Test func anUnsavedSessionIsOfferedToTheNextOne() throws {
        let state = StateDirectory(path: try makeTemporaryDirectory().path)
        // The clerk's terminal closes at the question: the work stays in the recovery file.
        let first = runRepl(["body 未保存局", "year 2021"], state: state)
        #expect(first.editor.prompts.last?.contains("不保存就离开吗") == true)
        let second = runRepl(["", ":show", ":quit", "y"], state: state)
        #expect(second.editor.prompts.contains { $0.contains("上次有一个会话没有保存就结束了") })
        #expect(second.out.contains("已恢复 1 条（未保存）"))
        #expect(second.out.contains("未保存局2021年政府信息公开工作年度报告"))
        // Discarding at the question: nothing is offered next time.
        let third = runRepl([":quit"], state: state)
        #expect(!third.editor.prompts.contains { $0.contains("上次有一个会话") })
    }

    @Test func anUnusableStateDirectoryIsSaidOnceAndTheSessionGoesOn() throws {
        let file = try makeTemporaryDirectory().appendingPathComponent("not-a-directory")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let run = runRepl(["body 甲", ":quit", "y"], state: StateDirectory(path: file.appendingPathComponent("gov").path))
        #expect(run.err.contains("这次的历史和未保存的内容都不会留下"))
        #expect(run.out.contains("机关 = 甲"))
    }

    @Test func commandErrorsAndRefusedEntriesMakeAPipeFail() {
        let clean = runRepl(["body 甲", "year 2021"], interactive: false)
        #expect(clean.status == 0 && clean.err.isEmpty && !clean.out.contains("gov 0.1.0"))
        let refused = runRepl(["body 甲", "year 2021", "chanel 微博 3"], interactive: false)
        #expect(refused.status == 1)
        #expect(refused.err.contains("<stdin>:3:1: error[E010]: 未知的语句 “chanel”（是不是想写 “channel”？）"))
        #expect(runRepl(["body 甲", "year 2021", ":frob"], interactive: false).status == 1)
        let unfinished = runRepl(["channel 微博 3"], interactive: false)
        #expect(unfinished.status == 1 && unfinished.err.contains("error[E040]"))
    }

    @Test func blankLinesFromAPipeKeepTheInputsLineNumbers() {
        let run = runRepl(["body 甲", "", "  ", "year 2021", "", "parts 9"], interactive: false)
        #expect(run.err.contains("<stdin>:6:7: warning[C3]"), "\(run.err)")
    }
}

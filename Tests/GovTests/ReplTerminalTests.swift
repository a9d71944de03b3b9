import Foundation
import Testing
import GovReport
import GovRender
import GovLanguage

@testable import GovREPL

/// The done-when test of the REPL: the real `gov repl` in a pseudo-terminal (tmux), typed at like a clerk
/// would. A line with editing keys (Tab, arrows, Backspace), any line after Ctrl-C, and Ctrl-D are mostly
/// typed once the new prompt shows, as a person does; `typeAheadWaitsForThePrompt` types while gov is busy
/// on purpose. The locale is deliberately unset inside the
/// terminal, so the test also shows that `gov` sets a UTF-8 character type itself (without it libedit
/// returns Chinese input as an empty line).
@Suite(.serialized)
struct ReplTerminalTests {
    /// `gov repl` (or `gov` alone) in `directory`, with a private history and state directory and no locale.
    /// `set -m` runs it as an interactive shell would, in a process group of its own in the foreground, so
    /// Ctrl-C reaches gov alone and not the shell that prints its exit status.
    /// A working directory and a state directory (HOME, XDG_STATE_HOME) for one terminal test; nil, with
    /// the test failed (not skipped), when tmux is missing.
    func terminalDirectories() throws -> (directory: URL, state: URL)? {
        guard TerminalSession.isAvailable else {
            Issue.record("tmux is needed for the terminal tests: run scripts/setup (apt-get install tmux)")
            return nil
        }
        return (try makeTemporaryDirectory("gov-terminal"), try makeTemporaryDirectory("gov-terminal-state"))
    }

    func start(in directory: URL, state: URL, arguments: String = "repl", columns: Int = 120, environment: String = "") throws -> TerminalSession {
        let command = "set -m; cd '\(directory.path)' && env -u LANG -u LC_ALL -u LC_CTYPE NO_COLOR=1 HOME='\(state.path)' \(environment) "
            + "XDG_STATE_HOME='\(state.path)' '\(Paths.gov.path)' \(arguments); echo EXIT=$?; sleep 60"
        return try TerminalSession(command, columns: columns)
    }

    /// Keys typed while gov is at work (here a PDF from a LibreOffice stand-in that takes two seconds) wait
    /// for the next prompt: the line appears once, where libedit shows it, not also echoed raw by the
    /// terminal in the middle of gov's output; and a Ctrl-D typed then is the Ctrl-D at that prompt, not
    /// lost (issue 13).
    @Test func typeAheadWaitsForThePrompt() throws {
        guard let (directory, state) = try terminalDirectories() else { return }
        let converter = directory.appendingPathComponent("slow-soffice")
        try """
            #!/bin/sh
            sleep 2
            while [ $# -gt 0 ]; do
                if [ "$1" = --outdir ]; then shift; out="$1"; fi
                shift
            done
            printf '%%PDF-1.4\\n' > "$out/report.pdf"

            """.write(to: converter, atomically: true, encoding: .utf8)
        chmod(converter.path, 0o755)
        let terminal = try start(in: directory, state: state, environment: "GOV_SOFFICE='\(converter.path)'")
        defer { terminal.close() }
        terminal.waitFor("退出\ngov>")
        for line in ["body 测试局", "year 2021"] {
            terminal.waitForEmptyPrompt()
            terminal.type(line)
            terminal.press("Enter")
        }
        terminal.waitFor("标题 = ")
        terminal.waitForEmptyPrompt()
        terminal.type(":render pdf a.pdf")
        terminal.press("Enter")
        Thread.sleep(forTimeInterval: 0.5)
        terminal.type("channel 微博 3")
        terminal.press("Enter")
        terminal.waitFor("已写入 a.pdf")
        terminal.waitFor("渠道「微博」 = 3 条")
        #expect(terminal.screen().components(separatedBy: "channel 微博 3").count - 1 == 1, "typed once, shown once:\n\(terminal.screen())")

        terminal.waitForEmptyPrompt()
        terminal.type(":render pdf b.pdf")
        terminal.press("Enter")
        Thread.sleep(forTimeInterval: 0.5)
        terminal.press("C-d")
        terminal.waitFor("已写入 b.pdf")
        // Ctrl-D at the prompt with unsaved work asks before leaving.
        #expect(terminal.waitFor("不保存就离开吗？"))
        terminal.type("y")
        terminal.press("Enter")
        #expect(terminal.waitFor("EXIT=0"))
    }

    /// Ctrl-Z and `fg` twice on the same line, in an interactive shell with job control: each time gov
    /// comes back in its own mode, line and all, and Tab still completes (libedit's handlers alone served the
    /// first stop of a line only; after the second, the line was read in the shell's cooked mode).
    @Test func ctrlZTwiceOnOneLine() throws {
        guard let (directory, state) = try terminalDirectories() else { return }
        let terminal = try TerminalSession(
            "cd '\(directory.path)' && env -u LANG -u LC_ALL -u LC_CTYPE NO_COLOR=1 HOME='\(state.path)' "
                + "XDG_STATE_HOME='\(state.path)' PS1='shell$ ' bash --norc --noprofile -i")
        defer { terminal.close() }
        terminal.waitFor("shell$ ")
        terminal.type("'\(Paths.gov.path)' repl")
        terminal.press("Enter")
        terminal.waitFor("退出\ngov>")
        terminal.type("body 测试局")
        terminal.press("Enter")
        terminal.waitFor("机关 = 测试局")
        terminal.waitForEmptyPrompt()
        terminal.type("ye")
        // Keys still queued when Ctrl-Z stops gov would be the shell's to read: wait until gov has them.
        terminal.waitFor("gov> ye")
        for stop in 1...2 {
            terminal.press("C-z")
            waitUntil(terminal, shows: "Stopped", times: stop)
            terminal.type("fg")
            terminal.press("Enter")
            waitUntil(terminal, shows: "gov> ye", times: stop + 1)
        }
        terminal.press("Tab")
        #expect(terminal.waitFor("gov> year "))
        terminal.type("2021")
        terminal.press("Enter")
        #expect(terminal.waitFor("年度 = 2021"))
    }

    func waitUntil(_ terminal: TerminalSession, shows text: String, times: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if terminal.screen().components(separatedBy: text).count - 1 >= times { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("the terminal never showed \(text.debugDescription) \(times) times; screen:\n\(terminal.screen())", sourceLocation: sourceLocation)
    }

    /// The REPL's own lines — the banner, the echo of what an entry changed, a rule it broke — fit a narrow
    /// terminal: a long one wraps at the terminal's width, its continuation indented (issue 13). The screen
    /// is read with soft-wrapped rows joined, so a line gov printed too wide would show as wider than 60.
    @Test func theEchoWrapsAtTheTerminalsWidth() throws {
        guard let (directory, state) = try terminalDirectories() else { return }
        let terminal = try start(in: directory, state: state, columns: 60)
        defer { terminal.close() }
        terminal.waitFor("退出\ngov>")
        // Each line once the prompt is back (type-ahead is the terminal's to echo, not gov's).
        for line in ["body 测试局", "year 2021", "application new 3 granted 2", "application forward 0"] {
            terminal.waitForEmptyPrompt()
            terminal.type(line)
            terminal.press("Enter")
        }
        terminal.waitFor("现在不成立 error[A1]（第 4 行）")
        terminal.waitFor("相差 -1")
        let screen = terminal.screen()
        let tooWide = screen.split(separator: "\n").filter { DisplayWidth.of(String($0)) > 60 }
        #expect(tooWide.isEmpty, "lines wider than the terminal:\n\(tooWide.joined(separator: "\n"))")
        // The rule's line is all there, in one paragraph: its continuation lines hang under it.
        let lines = screen.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("  现在不成立 error[A1]") })
        let paragraph = lines[start...].prefix { $0 == lines[start] || $0.hasPrefix("      ") }
        #expect(paragraph.count > 2)
        // (A line may break at a space, which the join cannot restore: spaces are left out of the comparison.)
        let joined = paragraph.joined().filter { $0 != " " }
        #expect(joined.contains("写的是 0，按第一项加第二项、减第三项应为 1（3 + 0 − 2），相差 -1".filter { $0 != " " }))
    }

    @Test func aClerkBuildsSavesAndComesBack() throws {
        guard let (directory, state) = try terminalDirectories() else { return }
        let terminal = try start(in: directory, state: state)
        defer { terminal.close() }
        terminal.waitFor("Ctrl-D 退出\ngov>")

        terminal.type("body 测试局")
        terminal.press("Enter")
        terminal.waitFor("机关 = 测试局")
        terminal.type("year 2021")
        terminal.press("Enter")
        terminal.type("channel 微博公众号 39")
        terminal.press("Enter")
        terminal.waitFor("渠道「微博公众号」 = 39 条")

        // Several candidates are listed under the line, which stays as it was.
        terminal.type(":s")
        terminal.press("Tab")
        terminal.waitFor(":show  :save\ngov> :s")
        terminal.press("C-c")
        terminal.waitForEmptyPrompt()

        // Tab completes a keyword; the statement changes a cell and the echo says so.
        terminal.type("appl")
        terminal.press("Tab")
        terminal.waitFor("gov> application ")
        terminal.type("new 40 carried 2")
        terminal.press("Enter")
        terminal.waitFor("一、本年新收政府信息公开申请数量 / 自然人 = 40")
        terminal.waitFor("四、结转下年度继续办理 / 自然人 = 42（推算）")

        // Tab completes a Chinese channel name used earlier in the session.
        terminal.waitForEmptyPrompt()
        terminal.type("text \"微博发布{channel.微")
        terminal.press("Tab")
        terminal.waitFor("gov> text \"微博发布{channel.微博公众号")
        terminal.type("}条。\"")
        terminal.press("Enter")
        terminal.waitFor("「引言」第 1 段：微博发布39条。")

        // Chinese input edits correctly: move left over 博 and delete 博 and 微 (two columns each).
        terminal.waitForEmptyPrompt()
        terminal.type("channel 快手微博 5")
        terminal.press("Left", "Left", "BSpace", "BSpace")
        terminal.press("Enter")
        terminal.waitFor("渠道「快手」 = 5 条")

        // A Chinese keyword completes too; Ctrl-C abandons the line, not the session.
        terminal.waitForEmptyPrompt()
        terminal.type("申")
        terminal.press("Tab")
        terminal.waitFor("gov> 申请 ")
        terminal.type("本年")
        terminal.press("Tab")
        terminal.waitFor("gov> 申请 本年新收 ")
        terminal.press("C-c")
        terminal.waitForEmptyPrompt()
        terminal.type("application granted 30 not_held 9")
        terminal.press("Enter")
        terminal.waitFor("四、结转下年度继续办理 / 自然人 = 3（推算，原为 42）")

        // A multi-line text block, with the continuation prompt.
        terminal.type("text \"\"\"")
        terminal.press("Enter")
        terminal.waitFor("...> ")
        terminal.type("第二段：结转{application.forward}件")
        terminal.press("Enter")
        terminal.type("\"\"\"")
        terminal.press("Enter")
        terminal.waitFor("「引言」第 2 段：第二段：结转3件")

        // Up recalls the previous entry, the whole text block.
        terminal.waitForEmptyPrompt()
        terminal.press("Up")
        terminal.waitFor("gov> text \"\"\"\n第二段：结转{application.forward}件\n\"\"\"")
        terminal.press("C-c")
        terminal.waitForEmptyPrompt()

        // :save writes a script; :render writes the report beside it; Ctrl-D leaves (nothing unsaved).
        terminal.type(":save 报告.gov")
        terminal.press("Enter")
        terminal.waitFor("已保存到 报告.gov（10 行）：没有发现问题")
        terminal.type(":render text 报告.txt")
        terminal.press("Enter")
        terminal.waitFor("已写入 报告.txt")
        terminal.waitForEmptyPrompt()
        terminal.press("C-d")
        terminal.waitFor("EXIT=0")

        let script = directory.appendingPathComponent("报告.gov").path
        let check = try runGov(["check", script])
        #expect(check.status == 0 && check.stderr.isEmpty, "\(check.stderr)")
        let render = try runGov(["render", script])
        let rendered = try String(contentsOf: directory.appendingPathComponent("报告.txt"), encoding: .utf8)
        #expect(render.stdout == rendered)
        #expect(rendered.contains("微博发布39条。") && rendered.contains("第二段：结转3件"))

        // A new session (same state directory): Up recalls the last entry of the one before.
        let again = try start(in: directory, state: state)
        defer { again.close() }
        again.waitFor("Ctrl-D 退出\ngov>")
        again.press("Up")
        again.waitFor("gov> :render text 报告.txt")
        again.press("Up")
        again.waitFor("gov> :save 报告.gov")
        again.press("C-c")
        again.waitForEmptyPrompt()
        again.press("C-d")
        again.waitFor("EXIT=0")
    }

    /// Tab on a `...> ` continuation line completes the open expression's path (issue 13).
    @Test func tabCompletesOnAContinuationLine() throws {
        guard let (directory, state) = try terminalDirectories() else { return }
        let terminal = try start(in: directory, state: state)
        defer { terminal.close() }
        terminal.waitFor("Ctrl-D 退出\ngov>")
        terminal.type("let a = (application.new")
        terminal.press("Enter")
        terminal.waitFor("...>")
        terminal.type("+ application.carr")
        terminal.press("Tab")
        #expect(terminal.waitFor("...> + application.carried"))
    }

    @Test func aClosedTerminalLeavesWorkTheNextSessionOffersBack() throws {
        guard let (directory, state) = try terminalDirectories() else { return }
        let closing = try start(in: directory, state: state)
        closing.waitFor("Ctrl-D 退出\ngov>")
        closing.type("body 未保存局")
        closing.press("Enter")
        closing.waitFor("机关 = 未保存局")
        // The window closes: tmux ends, gov gets SIGHUP, nothing is asked.
        closing.close()
        // Once that gov is gone, its lock is free (a person cannot reopen a window faster than that).
        waitUntilUnlocked(state.appendingPathComponent("gov/recovery"))

        // `gov` alone on a terminal is the REPL too.
        let next = try start(in: directory, state: state, arguments: "")
        defer { next.close() }
        next.waitFor("上次有一个会话没有保存就结束了")
        next.press("Enter")
        next.waitFor("已恢复 1 条（未保存）")
        next.type(":show")
        next.press("Enter")
        next.waitFor("未保存局2021年政府信息公开工作年度报告")
        next.waitForEmptyPrompt()
        next.press("C-d")
        next.waitFor("不保存就离开吗？ [y/N]")
        next.type("y")
        next.press("Enter")
        next.waitFor("EXIT=0")
    }

    /// Waits until every session lock in `directory` can be taken, i.e. the sessions that held them ended.
    func waitUntilUnlocked(_ directory: URL, timeout: TimeInterval = 15, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let locks = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".lock") }
            let free = locks.allSatisfy { name in
                guard let lock = FileLock(path: directory.appendingPathComponent(name).path) else { return false }
                defer { lock.unlock() }
                return lock.lock(wait: false)
            }
            if !locks.isEmpty, free { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("the closed session never released its lock", sourceLocation: sourceLocation)
    }
}

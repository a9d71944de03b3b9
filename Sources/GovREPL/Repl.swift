import Foundation
import Gov
import GovLanguage
import GovRender
import GovReport

/// The read–evaluate–print loop: reads entries through a `LineEditor`, gives statements to the
/// `LiveReport` and commands to their handlers, and prints what happened.
///
/// On a terminal it keeps history and a recovery file in the state directory and asks before leaving
/// unsaved work. Reading a pipe it is a scripting front end: no prompts, the same feedback, the whole
/// report's findings at the end (as `gov check` prints them), and exit status 1 if any error was found.
package final class Repl {
    package struct Options {
        /// A script to start from (`gov repl FILE`); a name that does not exist yet starts a new script.
        package var file: String?
        /// Where history and recovery files live; nil keeps nothing (and a pipe never keeps anything).
        package var state: StateDirectory?
        /// Colour in diagnostics on standard error / in `:check` on standard output.
        package var colorErrors: Bool
        package var colorOutput: Bool

        package init(file: String? = nil, state: StateDirectory? = nil, colorErrors: Bool = false, colorOutput: Bool = false) {
            self.file = file
            self.state = state
            self.colorErrors = colorErrors
            self.colorOutput = colorOutput
        }
    }

    package let live: LiveReport
    let editor: LineEditor
    let output: ReplOutput
    let options: Options
    var reader: EntryReader
    var history: HistoryStore?
    var recovery: RecoveryStore?
    /// Set by any refused entry or failed command: a pipe's exit status.
    var foundError = false
    var leaving = false
    /// On leaving: keep the recovery file (the question to discard unsaved work was not answered).
    var keepRecovery = false
    /// Piped input: blank lines waiting to be attached to the next statement, so the session's text keeps
    /// the input's line numbers (and its findings the same places as `gov check` gives them).
    var pendingBlankLines = ""

    package init(editor: LineEditor, output: ReplOutput, options: Options = Options()) {
        self.editor = editor
        self.output = output
        self.options = options
        self.reader = EntryReader(editor: editor)
        self.live = LiveReport(unnamedPath: editor.isInteractive ? "<session>" : "<stdin>")
    }

    package static let banner = "gov \(Gov.version) — 逐条输入语句，报告随之更新。:help 查看帮助 (type :help for help)，Ctrl-D 退出\n"

    /// Runs until `:quit` or the end of input; returns the exit status.
    package func run() -> Int32 {
        if editor.isInteractive { output.write(Repl.banner) }
        if let file = options.file, !openStartingFile(file) { return 2 }
        if editor.isInteractive { openState() }
        let pending = reader.pending
        editor.completion = { [unowned self] text in
            Completer(vocabulary: SessionVocabulary(sessionText: self.live.session.text, report: self.live.evaluation.report))
                .complete(text, continuing: pending.text)
        }
        while !leaving {
            switch reader.next() {
            case .end: leaving = confirmLeaving()
            case .interrupted: continue
            case .text(let text, let firstLine): handle(text, firstLine: firstLine)
            }
        }
        return finish()
    }

    func handle(_ text: String, firstLine: Int) {
        if text.trimmingWhitespace().isEmpty {
            if !editor.isInteractive { pendingBlankLines += text + "\n" }
            return
        }
        if editor.isInteractive {
            editor.remember(text)
            try? history?.append(text)
        }
        if ParsedCommand.isCommand(text) {
            run(command: text)
            return
        }
        // Interactively an entry is shown on its own (`<input>:1:13`); from a pipe at its input line.
        let place = editor.isInteractive
            ? LiveReport.EntryPlace(displayPath: "<input>", firstLine: 1)
            : LiveReport.EntryPlace(displayPath: "<stdin>", firstLine: firstLine - LiveReport.lineCount(pendingBlankLines))
        let feedback = live.submit(pendingBlankLines + text, shownAs: place, width: editor.width, color: options.colorErrors)
        // The recovery file first, then the echo: a clerk who sees the echo and closes the window has it kept.
        if !feedback.refused {
            pendingBlankLines = ""
            sessionChanged()
        }
        show(feedback)
    }

    func show(_ feedback: LiveReport.Feedback) {
        if feedback.refused {
            foundError = true
            output.writeError(feedback.diagnostics + "（这一条没有加入会话）\n")
        }
        for line in feedback.lines { output.write("  " + line + "\n") }
    }

    func fail(_ message: String) {
        foundError = true
        output.writeError("  " + message + "\n")
    }

    /// Asks a yes/no question on the terminal; nil when input ends instead of an answer.
    func ask(_ question: String, yesByDefault: Bool = false) -> Bool? {
        switch editor.readLine(prompt: question + (yesByDefault ? " [Y/n] " : " [y/N] ")) {
        case .line(let answer):
            let word = answer.trimmingWhitespace().lowercased()
            if word.isEmpty { return yesByDefault }
            return ["y", "yes", "是", "好", "确定", "对"].contains(word)
        case .interrupted: return false
        case .endOfInput: return nil
        }
    }

    /// Leaving with unsaved work asks first. Input ending at the question leaves, but keeps the recovery file.
    func confirmLeaving() -> Bool {
        guard editor.isInteractive, live.session.hasUnsavedChanges else { return true }
        switch ask("会话有未保存的修改（:save FILE 可以保存）。不保存就离开吗？") {
        case true?: return true
        case false?: return false
        case nil:
            keepRecovery = true
            return true
        }
    }

    private func finish() -> Int32 {
        if editor.isInteractive {
            if !keepRecovery { recovery?.end() }
            return 0
        }
        // Input of commands only (`:help previous`) built no script: there is nothing to check.
        if live.session.entries.isEmpty { return foundError ? 1 : 0 }
        let findings = Gov.diagnostics(live.evaluation, color: options.colorErrors)
        if !findings.isEmpty { output.writeError(findings.hasSuffix("\n") ? findings : findings + "\n") }
        return foundError || live.evaluation.hasErrors ? 1 : 0
    }

    // MARK: - Files and state

    /// `gov repl FILE`: loads it, or names a new script when it does not exist; false when it cannot be read.
    private func openStartingFile(_ path: String) -> Bool {
        guard FileManager.default.fileExists(atPath: path) else {
            live.markSaved(as: path)
            output.write("  \(path) 还不存在：这是一个新脚本，:save 时写入它\n")
            return true
        }
        guard let text = readScript(path) else { return false }
        show(live.load(text: text, name: path))
        return true
    }

    /// A script's text, or nil after saying why it cannot be used (missing, a directory, not UTF-8).
    func readScript(_ path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let data = FileManager.default.contents(atPath: path)
        else {
            fail("无法读取 \(path)：" + (isDirectory.boolValue ? "这是一个目录" : "文件不存在或没有读取权限"))
            return nil
        }
        let bytes = [UInt8](data)
        if let bad = ScriptLoader.firstInvalidUTF8(bytes) {
            fail("\(path) 不是 UTF-8 编码（第 \(SourceFile(path: path, bytes: bytes).line(of: bad)) 行）；请“另存为 UTF-8”后再试")
            return nil
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// History for the Up arrow, and the recovery file — offering first what an earlier session left.
    private func openState() {
        guard let state = options.state else { return }
        do {
            try state.create()
        } catch {
            output.writeError("  无法使用 \(state.path)（\(error.localizedDescription)）：这次的历史和未保存的内容都不会留下\n")
            return
        }
        let history = HistoryStore(path: state.historyPath)
        for entry in history.load() { editor.remember(entry) }
        self.history = history
        let recovery = RecoveryStore(directory: state.recoveryPath)
        for orphan in recovery.orphans() {
            let lines = LiveReport.lineCount(orphan.text)
            let when = Repl.timestamp(orphan.modified)
            let about = "上次有一个会话没有保存就结束了（\(when)，\(lines) 行" + (orphan.fileName.map { "，来自 \($0)" } ?? "") + "）。恢复吗？"
            if ask(about, yesByDefault: true) ?? false {
                show(live.restore(entries: orphan.entries, fileName: orphan.fileName))
                recovery.adopt(orphan)
                break
            }
            output.write("  没有恢复；内容留在 \(recovery.discard(orphan))\n")
        }
        try? recovery.begin()
        self.recovery = recovery
        sessionChanged()
    }

    /// After every change: an unsaved session is kept in the recovery file; a saved one needs none.
    func sessionChanged() {
        guard let recovery else { return }
        if live.session.hasUnsavedChanges { try? recovery.save(live.session) } else { recovery.clear() }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}

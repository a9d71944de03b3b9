import Gov
import GovLanguage
import GovRender
import GovReport

/// The session and the report it evaluates to. Each entry is evaluated the way `gov check` evaluates a
/// file — the whole session text, by the batch evaluator (about a millisecond) — and compared with the
/// report before it: what changed is echoed, rules that broke or mended are named, and an entry the
/// language cannot accept is refused with batch mode's diagnostics and leaves the session as it was.
package final class LiveReport {
    package private(set) var session = Session()
    package private(set) var evaluation: Evaluation
    private var snapshot: ReportSnapshot
    /// The name diagnostics give the session before it has a file: "<session>" or "<stdin>".
    let unnamedPath: String

    package init(unnamedPath: String = "<session>") {
        self.unnamedPath = unnamedPath
        let empty = Gov.evaluate(source: "", path: unnamedPath)
        evaluation = empty
        snapshot = ReportSnapshot(empty.report)
    }

    /// The path the session is evaluated under: relative `include`s resolve from its directory.
    package var path: String { session.fileName ?? unnamedPath }

    /// What an entry or command did, for the terminal.
    package struct Feedback: Equatable {
        /// Echo lines for standard output.
        package var lines: [String] = []
        /// Caret diagnostics for standard error (a refused entry).
        package var diagnostics = ""
        package var refused = false
    }

    /// Where the entry is shown in diagnostics: its display name and the line its first line is shown as.
    package struct EntryPlace {
        package var displayPath: String
        package var firstLine: Int
        package init(displayPath: String = "<input>", firstLine: Int = 1) {
            self.displayPath = displayPath
            self.firstLine = firstLine
        }
    }

    package func submit(_ entry: String, shownAs place: EntryPlace = EntryPlace(), width: Int = 100, color: Bool = false) -> Feedback {
        let (text, entryStart) = session.text(appending: entry)
        let next = evaluate(text)
        let refusals = LiveReport.newLanguageFindings(from: evaluation, to: next)
        if let restatement = Restatement(refusals: refusals, in: next, entries: session.entries, entryStart: entryStart),
            let feedback = restate(entry, restatement, width: width)
        {
            return feedback
        }
        if !refusals.isEmpty {
            let placement = EntryDiagnostics.Placement(
                entryStart: entryStart, entry: entry, displayPath: place.displayPath, firstLine: place.firstLine)
            var feedback = Feedback()
            feedback.refused = true
            feedback.diagnostics = EntryDiagnostics.format(refusals, of: next, placement: placement, color: color)
            return feedback
        }
        session.append(entry)
        var feedback = Feedback()
        let effects = StatementEcho.effects(of: next, entryStart: entryStart)
        feedback.lines = StatementEcho.lines(for: effects, in: next.report)
        feedback.lines += adopt(next, width: width)
        feedback.lines += LiveReport.interpolationHints(in: next.report, from: entryStart)
        if feedback.lines.isEmpty, !effects.isEmpty { feedback.lines = ["（报告没有变化）"] }
        return feedback
    }

    /// Rewrites the first statements of restated values; the entry itself is kept only when it says more
    /// than the restated values. Nil when the rewritten session would still be refused.
    private func restate(_ entry: String, _ restatement: Restatement, width: Int) -> Feedback? {
        let rewritten = evaluate(Session.text(of: restatement.entries))
        guard LiveReport.newLanguageFindings(from: evaluation, to: rewritten).isEmpty else { return nil }
        var entries = restatement.entries
        var next = rewritten
        let withEntry = evaluate(Session.text(of: entries + [entry]))
        if ReportSnapshot(withEntry.report) != ReportSnapshot(rewritten.report) {
            guard LiveReport.newLanguageFindings(from: evaluation, to: withEntry).isEmpty else { return nil }
            entries.append(entry)
            next = withEntry
        }
        session.replaceEntries(entries)
        var feedback = Feedback()
        feedback.lines = restatement.lines + adopt(next, width: width)
        return feedback
    }

    /// Evaluates session text as `gov check` evaluates the file: with the cross-year rules against the
    /// script it names with `previous`.
    private func evaluate(_ text: String) -> Evaluation {
        Gov.evaluate(source: text, path: path).addingCrossYearFindings(path: path, skippingUnreadable: session.fileName == nil)
    }

    /// `:load`: the file becomes the session (undoable).
    package func load(text: String, name: String) -> Feedback {
        session.replace(withFile: text, named: name)
        _ = adopt(evaluate(session.text), width: 100)
        return Feedback(lines: ["已载入 \(name)（\(LiveReport.lineCount(session.text)) 行）：\(summary)"])
    }

    /// Restores the entries of a session that ended without being saved.
    package func restore(entries: [String], fileName: String?) -> Feedback {
        session.restore(entries: entries, fileName: fileName)
        _ = adopt(evaluate(session.text), width: 100)
        return Feedback(lines: ["已恢复 \(entries.count) 条（未保存）：\(summary)"])
    }

    package func undo(width: Int = 100) -> Feedback {
        let before = session.entries
        guard session.undo() else { return Feedback(lines: ["没有可以撤销的了"]) }
        let after = session.entries
        var head = "已撤销"
        if after.count == before.count - 1, Array(before.dropLast()) == after, let last = before.last {
            head += "：" + Preview.clip(last, width: max(20, width - 10))
        }
        var lines = [head]
        lines += adopt(evaluate(session.text), width: width)
        return Feedback(lines: lines)
    }

    package func reset() -> Feedback {
        session.reset()
        _ = adopt(evaluate(session.text), width: 100)
        return Feedback(lines: ["会话已清空（:undo 可以恢复）"])
    }

    /// The session's text is now in `name`, which becomes its path (for diagnostics and includes).
    package func markSaved(as name: String) {
        session.markSaved(as: name)
        _ = adopt(evaluate(session.text), width: 100)
    }

    /// "2 个错误，1 个警告" or "没有发现问题", plus what the header still lacks.
    package var summary: String { summary(pointingToCheck: true) }

    /// The summary without "（:check 查看）" — for `:check` itself, which has just listed them.
    package func summary(pointingToCheck: Bool) -> String {
        let findings = evaluation.findings
        let errors = findings.filter { $0.severity == .error && FindingKind(code: $0.code) != .incomplete }.count
        let warnings = findings.warningCount
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) 个错误") }
        if warnings > 0 { parts.append("\(warnings) 个警告") }
        var text = parts.isEmpty ? "没有发现问题" : parts.joined(separator: "，") + (pointingToCheck ? "（:check 查看）" : "")
        let missing = findings.filter { FindingKind(code: $0.code) == .incomplete }.map { $0.code == .missingYear ? "year" : "body" }
        if !missing.isEmpty { text += "；还缺 " + missing.joined(separator: "、") }
        return text
    }

    /// Findings that refuse an entry: language findings the previous evaluation did not have.
    static func newLanguageFindings(from old: Evaluation, to new: Evaluation) -> [Diagnostic] {
        let before = Set(zip(FindingKey.keys(old.findings, sources: old.sources), old.findings).filter { FindingKind(code: $0.1.code) == .language }.map(\.0))
        return zip(FindingKey.keys(new.findings, sources: new.sources), new.findings)
            .filter { FindingKind(code: $0.1.code) == .language && !before.contains($0.0) }
            .map(\.1)
    }

    /// Takes `next` as the current evaluation; returns the lines describing the change.
    private func adopt(_ next: Evaluation, width: Int) -> [String] {
        let nextSnapshot = ReportSnapshot(next.report)
        let lines = ReportChanges(from: snapshot, to: nextSnapshot).lines(width: width) + RuleStatusChanges(from: evaluation, to: next).lines()
        evaluation = next
        snapshot = nextSnapshot
        return lines
    }

    /// The REPL's fix-it: a literal number of the entry's text that agrees with the table could be `{…}`.
    static func interpolationHints(in report: Report, from entryStart: Int) -> [String] {
        report.textQuantities.compactMap { quantity in
            guard quantity.range.start >= entryStart, let link = quantity.link, link.verdict == .agrees, let expression = link.interpolation else {
                return nil
            }
            return "提示：“\(quantity.written)\(quantity.unit)”与表格一致，可写成 {\(expression)}（gov fmt --interpolate 会替您改）"
        }
    }

    static func lineCount(_ text: String) -> Int {
        text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }
}

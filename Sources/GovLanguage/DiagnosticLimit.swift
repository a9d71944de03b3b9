/// Bounds how many findings one check reports, so that a broken file gives a readable list rather than one
/// finding per byte: at most `perLine` on one line, `perFile` in one file, `perReport` in all. What is left out is
/// counted in one last finding (E009), as severe as the worst finding it stands for, so a check that
/// failed still fails.
package enum DiagnosticLimit {
    package static let perLine = 3
    package static let perFile = 100
    /// All files together (a report with many includes).
    package static let perReport = 200

    package static func apply(_ diagnostics: [Diagnostic], sources: SourceManager) -> [Diagnostic] {
        guard diagnostics.count > perLine else { return diagnostics }
        var perLineCount: [LineKey: Int] = [:]
        var perFileCount: [FileID: Int] = [:]
        var kept: [Diagnostic] = []
        var dropped = 0
        var cappedKept = 0
        var droppedSeverity = Severity.note
        for diagnostic in diagnostics {
            // Only what a line can hold any number of is capped: the language's findings and asserts. A
            // rule's findings are bounded by the tables' cells, and an imported row of seven cells on one
            // line may rightly break several rules.
            guard DiagnosticLimit.isCapped(diagnostic.code), let range = diagnostic.range, range.file.index < sources.files.count else {
                kept.append(diagnostic)
                continue
            }
            let key = LineKey(file: range.file, line: sources.file(range.file).line(of: range.start))
            let onLine = perLineCount[key, default: 0], inFile = perFileCount[range.file, default: 0]
            guard onLine < perLine, inFile < perFile, cappedKept < perReport else {
                dropped += 1
                droppedSeverity = max(droppedSeverity, diagnostic.severity)
                continue
            }
            perLineCount[key] = onLine + 1
            perFileCount[range.file] = inFile + 1
            cappedKept += 1
            kept.append(diagnostic)
        }
        if dropped > 0 {
            kept.append(
                Diagnostic(
                    code: .moreFindings, severity: droppedSeverity,
                    message: "还有 \(dropped) 条问题没有列出（每行最多列出 \(perLine) 条，每个文件最多 \(perFile) 条，一共最多 \(perReport) 条）；请先改正上面的问题",
                    range: nil))
        }
        return kept
    }

    package static func isCapped(_ code: DiagnosticCode) -> Bool {
        switch code.kind {
        case .syntax?, .input?, .assert?, nil: return true
        case .incomplete?, .rule?, .crossYear?, .quality?: return false
        }
    }

    private struct LineKey: Hashable {
        let file: FileID
        let line: Int
    }
}

import Gov
import GovLanguage
import GovRender
import GovReport

/// Prints the findings of a refused entry with batch mode's caret diagnostics, pointing into the entry as
/// typed — `<input>:1:13` interactively, `<stdin>:42:13` (the input's own line) when reading a pipe —
/// rather than into the session text the entry was evaluated in. Findings about earlier statements keep
/// pointing at the session.
enum EntryDiagnostics {
    struct Placement {
        /// Where the entry starts in the session text that was evaluated (UTF-8 offset).
        let entryStart: Int
        let entry: String
        /// The name shown for the entry: "<input>" or "<stdin>".
        let displayPath: String
        /// The line the entry's first line is shown as.
        let firstLine: Int
    }

    static func format(_ findings: [Diagnostic], of evaluation: Evaluation, placement: Placement, color: Bool) -> String {
        let sources = SourceManager()
        for file in evaluation.sources.files { sources.add(file) }
        let padding = max(0, placement.firstLine - 1)
        let entryFile = sources.add(SourceFile(path: placement.displayPath, text: String(repeating: "\n", count: padding) + placement.entry))
        let entryLength = placement.entry.utf8.count
        func moved(_ range: SourceRange?) -> SourceRange? {
            guard let range, range.file.index == 0, range.start >= placement.entryStart else { return range }
            let start = min(range.start - placement.entryStart, entryLength) + padding
            let end = min(max(range.end - placement.entryStart, 0), entryLength) + padding
            return SourceRange(file: entryFile, start: start, end: end)
        }
        let printer = DiagnosticPrinter(useColor: color)
        return findings.map { finding in
            var shown = finding
            shown.range = moved(finding.range)
            shown.notes = finding.notes.map { Diagnostic.Note($0.message, at: moved($0.range)) }
            return printer.format(shown, sources: sources)
        }.joined(separator: "\n")
    }
}

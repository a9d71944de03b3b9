import Foundation
import Gov
import GovLanguage
import GovRender
import GovReport

/// What `gov check` prints as a streaming check goes: text findings on stderr as each script is checked,
/// or one JSON document on stdout at the end (`JSONCheckOutput`).
protocol CheckOutput {
    associatedtype Rendered: Sendable
    /// Runs on a worker (a process or a thread): a script's own findings, ready to print.
    var render: @Sendable (_ path: String, _ evaluation: Evaluation) -> Rendered { get }
    mutating func script(_ index: Int, _ path: String, _ rendered: Rendered)
    mutating func series(_ found: StreamingCheck.SeriesFindings)
    mutating func finish(_ summary: StreamingCheck.Summary)
}

/// Findings as `FILE:LINE:COL` with the source line and a caret, on stderr, written in blocks.
struct TextCheckOutput: CheckOutput {
    let render: @Sendable (String, Evaluation) -> String
    private let printer: DiagnosticPrinter
    private let summaryLine: Bool
    private var pending: [UInt8] = []

    init(useColor: Bool, summaryLine: Bool) {
        let printer = DiagnosticPrinter(useColor: useColor)
        self.printer = printer
        self.summaryLine = summaryLine
        render = { _, evaluation in
            evaluation.findings.map { printer.format($0, sources: evaluation.sources) }.joined(separator: "\n")
        }
    }

    mutating func script(_ index: Int, _ path: String, _ rendered: String) {
        write(rendered)
    }

    mutating func series(_ found: StreamingCheck.SeriesFindings) {
        write(found.findings.map { printer.format($0, sources: found.sources) }.joined(separator: "\n"))
    }

    mutating func finish(_ summary: StreamingCheck.Summary) {
        if summaryLine || summary.files > 1 { write(CheckCommand.summary(summary)) }
        flush()
    }

    private mutating func write(_ text: String) {
        guard !text.isEmpty else { return }
        pending.append(contentsOf: text.utf8)
        if text.utf8.last != UInt8(ascii: "\n") { pending.append(UInt8(ascii: "\n")) }
        if pending.count >= 1 << 16 { flush() }
    }

    private mutating func flush() {
        guard !pending.isEmpty else { return }
        FileHandle.standardError.write(Data(pending))
        pending.removeAll(keepingCapacity: true)
    }
}

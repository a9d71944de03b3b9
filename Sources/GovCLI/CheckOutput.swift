import Foundation
import Gov
import GovLanguage
import GovRender
import GovReport

/// What `gov check` prints as a streaming check goes: text findings on stderr as each script is checked,
/// or one JSON document on stdout at the end.
protocol CheckOutput {
    associatedtype Rendered: Sendable
    /// Runs on a worker thread: a script's own findings, ready to print.
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

/// Every finding as the JSON of `BatchRecord`, on stdout at the end: a script's own findings and its
/// cross-year ones are merged in source order, as `BatchCheck` gives them.
struct JSONCheckOutput: CheckOutput {
    struct Rendered: Sendable {
        let file: BatchRecord.File
        /// Each record with its place in the script's files, to merge the cross-year findings in.
        let findings: [Ordered]
        /// The rule instances judged in the script; the cross-year ones that failed are added after them.
        let rules: [BatchRecord.Instance]
    }

    struct Ordered: Sendable {
        let order: SourceOrder
        let record: FindingRecord
    }

    /// (file of the script, counted from its own first file; byte offset; code): `BatchCheck`'s order.
    struct SourceOrder: Comparable, Sendable {
        let file: Int
        let start: Int
        let code: DiagnosticCode
        let hasRange: Bool

        init(_ finding: Diagnostic, firstFile: Int) {
            hasRange = finding.range != nil
            file = (finding.range?.file.index ?? 0) - firstFile
            start = finding.range?.start ?? 0
            code = finding.code
        }

        static func < (a: SourceOrder, b: SourceOrder) -> Bool {
            guard a.hasRange, b.hasRange else { return a.hasRange && !b.hasRange }
            return (a.file, a.start, a.code) < (b.file, b.start, b.code)
        }
    }

    let render: @Sendable (String, Evaluation) -> Rendered = { path, evaluation in
        let report = evaluation.report
        let counts = StreamingCheck.Counts(evaluation.findings)
        return Rendered(
            file: BatchRecord.File(
                path: path, body: report.header.body, year: report.header.year, format: report.edition.rawValue,
                errors: counts.errors, warnings: counts.warnings, notes: counts.notes),
            findings: evaluation.findings.map {
                Ordered(order: SourceOrder($0, firstFile: 0), record: FindingRecord($0, sources: evaluation.sources, file: path))
            },
            rules: BatchRecord.Instance.inYear(report, sources: evaluation.sources, file: path))
    }
    private var scripts: [Rendered] = []

    mutating func script(_ index: Int, _ path: String, _ rendered: Rendered) {
        scripts.append(rendered)
    }

    mutating func series(_ found: StreamingCheck.SeriesFindings) {
        guard found.index < scripts.count else { return }
        let old = scripts[found.index]
        let added = found.findings.map {
            Ordered(order: SourceOrder($0, firstFile: found.firstFile), record: FindingRecord($0, sources: found.sources, file: found.path))
        }
        let counts = StreamingCheck.Counts(found.findings)
        var merged: [Ordered] = []
        var rest = added[...]
        for own in old.findings {
            while let next = rest.first, next.order < own.order {
                merged.append(next)
                rest = rest.dropFirst()
            }
            merged.append(own)
        }
        merged += rest
        let file = old.file
        scripts[found.index] = Rendered(
            file: BatchRecord.File(
                path: file.path, body: file.body, year: file.year, format: file.format, errors: file.errors + counts.errors,
                warnings: file.warnings + counts.warnings, notes: file.notes + counts.notes),
            findings: merged,
            rules: old.rules + BatchRecord.Instance.acrossYears(found.findings, sources: found.sources, file: found.path))
    }

    /// The document `BatchRecord.json()` gives, written a piece at a time: encoding 120,000 entries in
    /// one go held the whole document several times over (190 MiB).
    mutating func finish(_ summary: StreamingCheck.Summary) {
        var writer = JSONPieces()
        writer.text("{\n")
        writer.array("files", scripts.lazy.map(\.file))
        writer.text(",\n")
        writer.array("findings", scripts.lazy.flatMap { $0.findings.lazy.map(\.record) })
        writer.text(",\n")
        writer.array("rules", scripts.lazy.flatMap(\.rules))
        writer.text(",\n  \"summary\" : ")
        writer.element(
            BatchRecord.Summary(
                files: summary.files, errors: summary.counts.errors, warnings: summary.counts.warnings, notes: summary.counts.notes),
            indent: 2, indentFirstLine: false)
        writer.text("\n}\n")
        writer.flush()
    }
}

/// Pretty-printed JSON with sorted keys, as `JSONEncoder` writes it, one element at a time, to stdout.
struct JSONPieces {
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return encoder
    }()
    private var pending: [UInt8] = []

    mutating func text(_ text: String) {
        pending.append(contentsOf: text.utf8)
        if pending.count >= 1 << 16 { flush() }
    }

    /// `  "key" : [` elements `  ]`, as `JSONEncoder` lays out an array member of the top-level object.
    mutating func array<Elements: Sequence>(_ key: String, _ elements: Elements) where Elements.Element: Encodable {
        text("  \"\(key)\" : [\n")
        var first = true
        for value in elements {
            if !first { text(",\n") }
            element(value, indent: 4, indentFirstLine: true)
            first = false
        }
        // An empty array is "[", an empty line, and "]" at the member's indentation.
        text("\n  ]")
    }

    /// One value encoded alone, every non-empty line indented (the first only if asked).
    mutating func element<Value: Encodable>(_ value: Value, indent: Int, indentFirstLine: Bool) {
        guard let data = try? encoder.encode(value) else { return }
        let spaces = [UInt8](repeating: UInt8(ascii: " "), count: indent)
        var atLineStart = indentFirstLine
        for byte in data {
            if atLineStart && byte != UInt8(ascii: "\n") { pending += spaces }
            atLineStart = byte == UInt8(ascii: "\n")
            pending.append(byte)
        }
        if pending.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !pending.isEmpty else { return }
        FileHandle.standardOutput.write(Data(pending))
        pending.removeAll(keepingCapacity: true)
    }
}

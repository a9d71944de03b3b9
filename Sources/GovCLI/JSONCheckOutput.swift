import Foundation
import Gov
import GovLanguage
import GovRender
import GovReport

/// Every finding as the JSON of `BatchRecord`, on stdout at the end: a script's own findings and its
/// cross-year ones are merged in source order, as `BatchCheck` gives them.
///
/// The document lists every file first, and a file's counts include its cross-year findings, known only
/// when its series is complete; so each script's part is encoded as it is checked (by the worker)
/// and kept in a `SpillFile`, not in memory, and the document is written from it at the end. Keeping the
/// records in memory grew the peak by about 1 KB a script (35 MiB at 12,000 files, 138 MiB at 120,000).
struct JSONCheckOutput: CheckOutput {
    /// A script's record, ready to spill: its file entry's fields, each finding's order and JSON, each rule
    /// instance's JSON (`Varint` encoded).
    struct Rendered: WorkerPayload {
        let record: [UInt8]

        init(record: [UInt8]) {
            self.record = record
        }

        func encode(into bytes: inout [UInt8]) { Varint.append(bytes: record, to: &bytes) }

        init?(decoding reader: inout Varint.Reader) {
            guard let record = reader.byteRun() else { return nil }
            self.record = Array(record)
        }
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

        init(file: Int, start: Int, code: DiagnosticCode, hasRange: Bool) {
            self.file = file
            self.start = start
            self.code = code
            self.hasRange = hasRange
        }

        static func < (a: SourceOrder, b: SourceOrder) -> Bool {
            guard a.hasRange, b.hasRange else { return a.hasRange && !b.hasRange }
            return (a.file, a.start, a.code) < (b.file, b.start, b.code)
        }
    }

    /// A finding with its place in the script's files, to merge the cross-year findings in; its JSON as the
    /// document prints it (indented as an element of `findings`).
    struct Ordered {
        let order: SourceOrder
        let json: [UInt8]
    }

    /// What a script's series added: counts, findings (one list per `series` call, merged in that order),
    /// and rule instances.
    struct Added {
        var errors = 0, warnings = 0, notes = 0
        var findings: [[Ordered]] = []
        var rules: [[UInt8]] = []
    }

    let render: @Sendable (String, Evaluation) -> Rendered = { path, evaluation in
        let report = evaluation.report
        let counts = StreamingCheck.Counts(evaluation.findings)
        var record: [UInt8] = []
        Varint.append(path, to: &record)
        Varint.append(report.header.body, to: &record)
        Varint.append(report.header.year, to: &record)
        Varint.append(report.edition.rawValue, to: &record)
        Varint.append(counts.errors, to: &record)
        Varint.append(counts.warnings, to: &record)
        Varint.append(counts.notes, to: &record)
        Varint.append(evaluation.findings.count, to: &record)
        for finding in evaluation.findings {
            let order = SourceOrder(finding, firstFile: 0)
            Varint.append(order.hasRange ? 1 : 0, to: &record)
            Varint.append(order.file, to: &record)
            Varint.append(order.start, to: &record)
            Varint.append(order.code.rawValue, to: &record)
            Varint.append(bytes: FindingRecord(finding, sources: evaluation.sources, file: path).json(depth: 2), to: &record)
        }
        let rules = BatchRecord.Instance.inYear(report, sources: evaluation.sources, file: path)
        Varint.append(rules.count, to: &record)
        for rule in rules { Varint.append(bytes: rule.json(depth: 2), to: &record) }
        return Rendered(record: record)
    }

    private let spill = SpillFile(prefix: "gov-json")
    private var added: [Int: Added] = [:]

    mutating func script(_ index: Int, _ path: String, _ rendered: Rendered) {
        spill.append(rendered.record)
    }

    mutating func series(_ found: StreamingCheck.SeriesFindings) {
        guard found.index < spill.count else { return }
        let counts = StreamingCheck.Counts(found.findings)
        var entry = added[found.index] ?? Added()
        entry.errors += counts.errors
        entry.warnings += counts.warnings
        entry.notes += counts.notes
        entry.findings.append(found.findings.map {
            Ordered(
                order: SourceOrder($0, firstFile: found.firstFile),
                json: FindingRecord($0, sources: found.sources, file: found.path).json(depth: 2))
        })
        entry.rules += BatchRecord.Instance.acrossYears(found.findings, sources: found.sources, file: found.path).map {
            $0.json(depth: 2)
        }
        added[found.index] = entry
    }

    /// One script's record read back from the spill.
    private struct Record {
        var file: BatchRecord.File
        var findings: [Ordered]
        var rules: [ArraySlice<UInt8>]
    }

    private func record(_ index: Int) -> Record? {
        guard let bytes = spill[index] else { return nil }
        var reader = Varint.Reader(bytes: bytes, offset: 0)
        guard let path = reader.string(), let body = reader.string(), let year = reader.int(), let format = reader.int(),
            let errors = reader.int(), let warnings = reader.int(), let notes = reader.int(), let findingCount = reader.int()
        else { return nil }
        var findings: [Ordered] = []
        for _ in 0..<max(findingCount, 0) {
            guard let hasRange = reader.int(), let file = reader.int(), let start = reader.int(), let code = reader.string(),
                let json = reader.byteRun()
            else { return nil }
            findings.append(
                Ordered(order: SourceOrder(file: file, start: start, code: DiagnosticCode(code), hasRange: hasRange == 1), json: Array(json)))
        }
        guard let ruleCount = reader.int() else { return nil }
        var rules: [ArraySlice<UInt8>] = []
        for _ in 0..<max(ruleCount, 0) {
            guard let json = reader.byteRun() else { return nil }
            rules.append(json)
        }
        var record = Record(
            file: BatchRecord.File(path: path, body: body, year: year, format: format, errors: errors, warnings: warnings, notes: notes),
            findings: findings, rules: rules)
        if let extra = added[index] {
            let file = record.file
            record.file = BatchRecord.File(
                path: file.path, body: file.body, year: file.year, format: file.format, errors: file.errors + extra.errors,
                warnings: file.warnings + extra.warnings, notes: file.notes + extra.notes)
            // Each series' findings merged into what the script had, in the order they came.
            for batch in extra.findings { record.findings = JSONCheckOutput.merge(record.findings, batch) }
            record.rules += extra.rules.map { $0[...] }
        }
        return record
    }

    /// `added` placed among `own` in source order; at equal places, the script's own finding first.
    private static func merge(_ own: [Ordered], _ added: [Ordered]) -> [Ordered] {
        var merged: [Ordered] = []
        var rest = added[...]
        for finding in own {
            while let next = rest.first, next.order < finding.order {
                merged.append(next)
                rest = rest.dropFirst()
            }
            merged.append(finding)
        }
        merged += rest
        return merged
    }

    /// The document `BatchRecord.json()` gives, written a piece at a time from the spill, in three passes
    /// (files, findings, rules).
    mutating func finish(_ summary: StreamingCheck.Summary) {
        var writer = JSONPieces()
        let count = spill.count
        writer.text("{\n")
        writer.array("files") { emit in
            for index in 0..<count { if let record = record(index) { emit(record.file.json(depth: 2)[...]) } }
        }
        writer.text(",\n")
        writer.array("findings") { emit in
            for index in 0..<count { record(index)?.findings.forEach { emit($0.json[...]) } }
        }
        writer.text(",\n")
        writer.array("rules") { emit in
            for index in 0..<count { record(index)?.rules.forEach { emit($0) } }
        }
        writer.text(",\n  \"summary\" : ")
        writer.bytes(
            BatchRecord.Summary(
                files: summary.files, errors: summary.counts.errors, warnings: summary.counts.warnings, notes: summary.counts.notes
            ).json(depth: 1, indentingFirstLine: false))
        writer.text("\n}\n")
        writer.flush()
    }
}

/// The document, written to stdout a piece at a time: each piece is `JSONWriter`'s (so the whole is what
/// `JSONEncoder` writes for `BatchRecord`).
struct JSONPieces {
    private var pending: [UInt8] = []

    mutating func text(_ text: String) {
        pending.append(contentsOf: text.utf8)
        if pending.count >= 1 << 16 { flush() }
    }

    /// `  "key" : [` elements `  ]`, as `JSONEncoder` lays out an array member of the top-level object;
    /// `elements` hands each element's bytes (`json(depth: 2)`) to the closure it is given.
    mutating func array(_ key: String, _ elements: ((ArraySlice<UInt8>) -> Void) -> Void) {
        text("  \"\(key)\" : [\n")
        var first = true
        elements { element in
            if !first { text(",\n") }
            pending += element
            if pending.count >= 1 << 16 { flush() }
            first = false
        }
        // An empty array is "[", an empty line, and "]" at the member's indentation.
        text("\n  ]")
    }

    mutating func bytes(_ bytes: [UInt8]) {
        pending += bytes
        if pending.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !pending.isEmpty else { return }
        FileHandle.standardOutput.write(Data(pending))
        pending.removeAll(keepingCapacity: true)
    }
}

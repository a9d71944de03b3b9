import Foundation
import GovLanguage
import GovReport

/// `gov check --format json`: every finding of a batch as data, with a summary and one entry per script.
/// Keys are sorted and slashes unescaped, so the output is stable and diffable.
public struct BatchRecord: Encodable, Sendable {
    public struct Summary: Encodable, Sendable, Equatable {
        public let files: Int
        public let errors: Int
        public let warnings: Int
        public let notes: Int

        public init(files: Int, errors: Int, warnings: Int, notes: Int) {
            self.files = files
            self.errors = errors
            self.warnings = warnings
            self.notes = notes
        }
    }

    public struct File: Encodable, Sendable, Equatable {
        public let path: String
        public let body: String
        public let year: Int
        public let format: Int
        public let errors: Int
        public let warnings: Int
        public let notes: Int

        public init(path: String, body: String, year: Int, format: Int, errors: Int, warnings: Int, notes: Int) {
            self.path = path
            self.body = body
            self.year = year
            self.format = format
            self.errors = errors
            self.warnings = warnings
            self.notes = notes
        }
    }

    public let summary: Summary
    public let files: [File]
    public let findings: [FindingRecord]

    public init(summary: Summary, files: [File], findings: [FindingRecord]) {
        self.summary = summary
        self.files = files
        self.findings = findings
    }

    public init(_ batch: BatchCheck) {
        summary = Summary(files: batch.scripts.count, errors: batch.errorCount, warnings: batch.warningCount, notes: batch.noteCount)
        files = batch.scripts.map { script in
            let report = script.evaluation.report
            return File(
                path: script.path, body: report.header.body, year: report.header.year, format: report.edition.rawValue,
                errors: script.findings.errorCount, warnings: script.findings.warningCount,
                notes: script.findings.filter { $0.severity == .note }.count)
        }
        findings = batch.scripts.flatMap { script in
            script.findings.map { FindingRecord($0, sources: batch.sources, file: script.path) }
        }
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        guard let data = try? encoder.encode(self) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

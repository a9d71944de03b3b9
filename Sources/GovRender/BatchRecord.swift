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

    /// One rule instance: which rule, about what, and whether it held, failed or was not assessable.
    public struct Instance: Encodable, Sendable {
        public let file: String
        public let rule: String
        public let subject: String
        public let status: String
        public let place: FindingRecord.Place?

        public init(file: String, rule: String, subject: String, status: String, place: FindingRecord.Place?) {
            self.file = file
            self.rule = rule
            self.subject = subject
            self.status = status
            self.place = place
        }

        /// The rule instances judged in one script (the in-year rules and the text's numbers).
        public static func inYear(_ report: Report, sources: SourceManager, file: String) -> [Instance] {
            report.ruleInstances.map { instance in
                Instance(
                    file: file, rule: instance.rule, subject: instance.subject, status: instance.status.rawValue,
                    place: instance.range.map { FindingRecord.Place($0, sources: sources) })
            }
        }

        /// Across years, the instances that did not pass are the findings D1–D4 (a note: not assessable).
        public static func acrossYears(_ findings: [Diagnostic], sources: SourceManager, file: String) -> [Instance] {
            findings.filter { (["D1", "D2", "D3", "D4"] as [DiagnosticCode]).contains($0.code) }.map { finding in
                Instance(
                    file: file, rule: finding.code.rawValue, subject: finding.arithmetic?.subject ?? finding.message,
                    status: finding.severity == .note ? RuleInstance.Status.notAssessable.rawValue : RuleInstance.Status.fail.rawValue,
                    place: finding.range.map { FindingRecord.Place($0, sources: sources) })
            }
        }
    }

    public let summary: Summary
    public let files: [File]
    public let findings: [FindingRecord]
    /// Every rule instance judged in each script (in-year rules and the text's numbers; the cross-year
    /// rules report through their findings).
    public let rules: [Instance]

    public init(summary: Summary, files: [File], findings: [FindingRecord], rules: [Instance]) {
        self.summary = summary
        self.files = files
        self.findings = findings
        self.rules = rules
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
        rules = batch.scripts.flatMap { script in
            Instance.inYear(script.evaluation.report, sources: batch.sources, file: script.path)
                + Instance.acrossYears(script.findings, sources: batch.sources, file: script.path)
        }
    }

    /// The document as `JSONEncoder` writes it; `gov check --format json` writes the same a piece at a
    /// time (`JSONWriter`).
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        guard let data = try? encoder.encode(self) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

extension BatchRecord.Summary: JSONWritable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("errors", errors)
        writer.field("files", files)
        writer.field("notes", notes)
        writer.field("warnings", warnings)
        writer.endObject()
    }
}

extension BatchRecord.File: JSONWritable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("body", body)
        writer.field("errors", errors)
        writer.field("format", format)
        writer.field("notes", notes)
        writer.field("path", path)
        writer.field("warnings", warnings)
        writer.field("year", year)
        writer.endObject()
    }
}

extension BatchRecord.Instance: JSONWritable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("file", file)
        writer.field("place", place)
        writer.field("rule", rule)
        writer.field("status", status)
        writer.field("subject", subject)
        writer.endObject()
    }
}

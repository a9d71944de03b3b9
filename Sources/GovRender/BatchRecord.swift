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
    }

    public struct File: Encodable, Sendable, Equatable {
        public let path: String
        public let body: String
        public let year: Int
        public let format: Int
        public let errors: Int
        public let warnings: Int
        public let notes: Int
    }

    /// One rule instance: which rule, about what, and whether it held, failed or was not assessable.
    public struct Instance: Encodable, Sendable {
        public let file: String
        public let rule: String
        public let subject: String
        public let status: String
        public let place: FindingRecord.Place?
    }

    public let summary: Summary
    public let files: [File]
    public let findings: [FindingRecord]
    /// Every rule instance judged in each script (in-year rules and the text's numbers; the cross-year
    /// rules report through their findings).
    public let rules: [Instance]

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
            let inYear = script.evaluation.report.ruleInstances.map { instance in
                Instance(
                    file: script.path, rule: instance.rule, subject: instance.subject, status: instance.status.rawValue,
                    place: instance.range.map { FindingRecord.Place($0, sources: batch.sources) })
            }
            // Across years, the instances that did not pass are the findings D1–D4 (a note: not assessable).
            let acrossYears = script.findings.filter { (["D1", "D2", "D3", "D4"] as [DiagnosticCode]).contains($0.code) }.map { finding in
                Instance(
                    file: script.path, rule: finding.code.rawValue, subject: finding.arithmetic?.subject ?? finding.message,
                    status: finding.severity == .note ? RuleInstance.Status.notAssessable.rawValue : RuleInstance.Status.fail.rawValue,
                    place: finding.range.map { FindingRecord.Place($0, sources: batch.sources) })
            }
            return inYear + acrossYears
        }
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        guard let data = try? encoder.encode(self) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

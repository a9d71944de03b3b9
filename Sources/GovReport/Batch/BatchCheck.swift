import Foundation
import GovLanguage

/// Checks many scripts at once, the way a 主管部门 checks a directory of them: each script on its own,
/// then every series across years (`ReportSeries`). All scripts share one `SourceManager`, so a finding
/// about two years points into both files.
public struct BatchCheck: Sendable {
    /// One script that was checked, with its own findings and the cross-year findings about it.
    public struct Script: Sendable {
        public let path: String
        public let evaluation: Evaluation
        /// In source order.
        public let findings: [Diagnostic]
    }

    public let sources: SourceManager
    public let scripts: [Script]

    public var errorCount: Int { scripts.reduce(0) { $0 + $1.findings.errorCount } }
    public var warningCount: Int { scripts.reduce(0) { $0 + $1.findings.warningCount } }
    public var noteCount: Int { scripts.reduce(0) { $0 + $1.findings.filter { $0.severity == .note }.count } }
    /// A file could not be read (exit status 2).
    public var hasUnreadableFile: Bool { scripts.contains { $0.findings.contains { $0.code == .unreadableFile } } }

    public static func run(_ found: [ScriptFinder.Found], loader: ScriptLoader = ScriptLoader()) -> BatchCheck {
        let sources = SourceManager()
        var evaluated: [(found: ScriptFinder.Found, evaluation: Evaluation, key: String)] = []
        var included = Set<String>()
        for script in found {
            let before = sources.files.count
            let evaluation = Evaluator.evaluate(path: script.path, loader: loader, sources: sources)
            for file in sources.files.dropFirst(before + 1) { included.insert(ScriptFinder.standardized(file.path)) }
            evaluated.append((script, evaluation, ScriptFinder.standardized(script.path)))
        }
        // A file found in a directory that another script includes, and that lacks `year` or `body`, is a
        // fragment (a shared header, a common table): it is checked as part of the scripts that include it.
        evaluated.removeAll { item in
            let header = item.evaluation.report.header
            return item.found.fromDirectory && included.contains(item.key) && (header.yearRange == nil || header.body.isEmpty)
        }

        var entries = evaluated.map {
            ReportSeries.Entry(report: $0.evaluation.report, path: $0.found.path, key: $0.key, isChecked: true)
        }
        var extra: [[Diagnostic]] = Array(repeating: [], count: entries.count)
        var known = Set(entries.map(\.key))
        for position in entries.indices {
            guard let previous = entries[position].report.header.previous else { continue }
            let key = ScriptFinder.standardized(previous.path)
            guard known.insert(key).inserted else { continue }
            let context = Evaluator.evaluate(path: previous.path, loader: loader, sources: sources)
            if let failure = context.findings.first(where: { ($0.code == .unreadableFile || $0.code == .fileNotUTF8) }) {
                extra[position].append(Diagnostic(code: failure.code, message: "上年报告：\(failure.message)", range: previous.range))
                continue
            }
            entries.append(ReportSeries.Entry(report: context.report, path: previous.path, key: key, isChecked: false))
        }
        for (position, finding) in ReportSeries.check(entries) where position < extra.count {
            extra[position].append(finding)
        }
        let scripts = evaluated.enumerated().map { position, item in
            Script(
                path: item.found.path, evaluation: item.evaluation,
                findings: (item.evaluation.findings + extra[position]).sorted(by: ReportAssembler.sourceOrder))
        }
        return BatchCheck(sources: sources, scripts: scripts)
    }
}

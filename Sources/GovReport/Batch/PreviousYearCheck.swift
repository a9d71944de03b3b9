import Foundation
import GovLanguage

/// The cross-year rules (D1–D4) for one script that names its predecessor with `previous`, as `gov check
/// FILE` applies them: for the REPL (`:check`, the echo after each entry, a pipe) and for renderings that
/// carry findings (`gov render --format json`). The previous script is read into the evaluation's own
/// `SourceManager`, so a finding can point at this year's number and note last year's.
extension Evaluation {
    /// This evaluation with the cross-year findings against its `previous` added (in source order), or
    /// unchanged when it names none. `path` is the script's own path (how a series recognises it).
    /// `skippingUnreadable`: a `previous` that cannot be read adds nothing (the REPL reading a pipe has no
    /// file to resolve a relative `previous` from, so it may simply not be found from where it runs).
    public func addingCrossYearFindings(path: String, loader: ScriptLoader = ScriptLoader(), skippingUnreadable: Bool = false) -> Evaluation {
        guard let previous = report.header.previous else { return self }
        let last = Evaluator.evaluate(path: previous.path, loader: loader, sources: sources)
        var added: [Diagnostic] = []
        if let failure = last.findings.first(where: { $0.code == "E060" || $0.code == "E007" }) {
            if skippingUnreadable { return self }
            added = [Diagnostic(code: failure.code, message: "上年报告：\(failure.message)", range: previous.range)]
        } else {
            let entries = [
                ReportSeries.Entry(report: report, path: path, key: ScriptFinder.standardized(path), isChecked: true),
                ReportSeries.Entry(report: last.report, path: previous.path, key: ScriptFinder.standardized(previous.path), isChecked: false),
            ]
            added = ReportSeries.check(entries).filter { $0.entry == 0 }.map(\.finding)
        }
        guard !added.isEmpty else { return self }
        var checked = report
        checked.findings = (report.findings + added).sorted(by: ReportAssembler.sourceOrder)
        return Evaluation(report: checked, sources: sources, effectLog: effectLog)
    }
}

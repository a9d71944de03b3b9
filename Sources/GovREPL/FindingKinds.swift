import Gov
import GovLanguage
import GovRender
import GovReport

/// How the REPL treats a finding. The session may hold a report whose arithmetic does not add up yet —
/// that is the work in progress the REPL shows — but never a statement the language cannot read.
enum FindingKind {
    /// A rule of the official format, a warning rule, or the user's own assert: reported as "now failing" /
    /// "now holding" as the session changes, never a reason to refuse an entry.
    case rule
    /// `year` or `body` still missing: the session is simply not finished; `:check` lists it.
    case incomplete
    /// The language or the evaluator could not accept something (E0xx): the entry that caused it is refused.
    case language

    /// From the code's registered kind: rules, quality findings and asserts are the work in progress;
    /// everything else (syntax, input, and — as before the registry — cross-year codes) refuses the entry.
    init(code: DiagnosticCode) {
        switch code.kind {
        case .rule?, .assert?, .quality?: self = .rule
        case .incomplete?: self = .incomplete
        case .syntax?, .input?, .crossYear?, nil: self = .language
        }
    }
}

/// Identifies "the same finding" in two evaluations of a growing session. Entries are only ever appended,
/// so an earlier statement keeps its byte offsets and a finding about it keeps its place.
struct FindingKey: Hashable {
    let code: DiagnosticCode
    let path: String
    let start: Int
    /// Tells apart several findings of one code at one place (A4 can anchor two derived cells on one value).
    let occurrence: Int

    static func keys(_ findings: [Diagnostic], sources: SourceManager) -> [FindingKey] {
        var seen: [String: Int] = [:]
        return findings.map { finding in
            let path = finding.range.map { sources.file($0.file).path } ?? ""
            let start = finding.range?.start ?? -1
            let base = "\(finding.code)|\(path)|\(start)"
            let occurrence = seen[base, default: 0]
            seen[base] = occurrence + 1
            return FindingKey(code: finding.code, path: path, start: start, occurrence: occurrence)
        }
    }
}

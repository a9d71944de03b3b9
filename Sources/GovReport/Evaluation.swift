import Foundation
import GovLanguage

/// The result of evaluating a script: the checked report and every source file read, so findings can be
/// shown with their lines.
public struct Evaluation: Sendable {
    public let report: Report
    public let sources: SourceManager
    let effectLog: EffectLog

    /// What each statement did (cells stated, names bound, paragraphs added, sections opened), in the
    /// order the statements were read. Built when asked, from what the evaluation recorded.
    public var effects: [StatementEffect] { effectLog.effects() }

    public var findings: [Diagnostic] { report.findings }
    public var hasErrors: Bool { report.findings.hasErrors }
}

/// Turns a script into a checked report: collects the statements (following includes), resolves every cell
/// against the format for the report's year, applies the rule table, then fills in text and runs asserts.
package enum Evaluator {
    /// Whether a `{…}` that is a dotted path of words is answered from its bytes where it can be
    /// (`FinalScope.resolve(path:)`): always, but where the tests and the fuzz target set it false around
    /// an evaluation, to hold those answers to the ones its names give. A task-local, so that tests run
    /// at the same time never see each other's.
    @TaskLocal package static var answersPathsFromBytes = true

    /// What becomes of the text's paragraphs.
    package enum Prose: Sendable {
        /// Built, interpolations filled in: the report as it prints.
        case built
        /// Every `{…}` evaluated, so its findings are made as they would be, but the paragraphs are not
        /// built (nor their effects recorded), but for the two sections the quality checks read (五 and 六);
        /// nor is each rule instance recorded (`Report.ruleInstances` is empty): for a check that prints
        /// findings only. Not building them saves a twentieth of checking a script (callgrind, 300
        /// scripts: 173.1 → 164.4 M instructions), not recording the instances a further 1.6 % (91.9 →
        /// 90.4 M). The report must not be rendered, and its `effects` are empty.
        case findingsOnly
        /// As `findingsOnly`, every rule instance recorded: for `gov check --format json`, which lists them.
        case findingsAndRules
    }

    /// Evaluates a script file. Several evaluations may share one `SourceManager` (a batch of scripts), so
    /// that a finding about two of them can point into both. `listedAsRegular`: a directory listing just
    /// called the file regular (`ScriptLoader.load`).
    package static func evaluate(
        path: String, loader: ScriptLoader = ScriptLoader(), sources: SourceManager = SourceManager(), prose: Prose = .built,
        listedAsRegular: Bool = false
    ) -> Evaluation {
        var collector = StatementCollector(sources: sources, loader: loader, recordsEffects: prose == .built)
        switch loader.load(path, into: sources, listedAsRegular: listedAsRegular) {
        case .success(let file): collector.collect(file: file)
        case .failure(let diagnostic):
            collector.diagnostics.append(diagnostic)
            collector.mainFileFailed = true
        }
        return finish(collector, prose: prose)
    }

    /// Evaluates text held in memory (the REPL, tests, embedding programs). `path` names it in diagnostics
    /// and anchors relative includes.
    package static func evaluate(source: String, path: String = "<input>", loader: ScriptLoader = ScriptLoader()) -> Evaluation {
        let sources = SourceManager()
        var collector = StatementCollector(sources: sources, loader: loader)
        let text = SourceFile(path: path, text: source)
        let file = sources.add(text)
        if let limit = SourceLimits.check(text, id: file) {
            collector.diagnostics.append(limit)
            collector.mainFileFailed = true
        } else {
            collector.collect(file: file)
        }
        return finish(collector)
    }

    /// Takes the collector (its last use): handed to the assembler, it is moved, not copied.
    private static func finish(_ collector: consuming StatementCollector, prose: Prose = .built) -> Evaluation {
        let sources = collector.sources
        var assembler = ReportAssembler(collected: collector, prose: prose)
        let report = assembler.assemble()
        return Evaluation(report: report, sources: sources, effectLog: assembler.effects)
    }
}

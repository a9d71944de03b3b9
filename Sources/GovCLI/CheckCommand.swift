import ArgumentParser
import Foundation
import Gov
import GovLanguage
import GovRender
import GovReport

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check scripts: the language, every rule of the official format, your asserts, and across years.",
        discussion: """
            Directories are searched for *.gov files. Scripts of one body are put in order of year and each \
            is compared with the year before (D1 error; D2–D4 warnings); `previous "2020.gov"` in a script \
            names its predecessor explicitly. Several scripts end with a summary line on stderr.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The .gov scripts (or directories of them) to check.")
    var paths: [String]

    @Option(name: .long, help: "text: findings on stderr as FILE:LINE:COL with the source line; json: all findings as JSON on stdout.")
    var format: Format = .text

    @Flag(name: .long, help: "List every literal number of the text on stdout: what it was linked to and whether it agrees, or why not.")
    var explainText = false

    @Option(name: .long, help: "Scripts checked at once (default: the number of cores). The output is the same for any number.")
    var jobs: Int = StreamingCheck.defaultJobs

    func validate() throws {
        try CheckCommand.validateJobs(jobs)
    }

    /// `--jobs` of `gov check` and `gov render`: within `OrderedWorkers.allowedJobs`.
    static func validateJobs(_ jobs: Int) throws {
        guard OrderedWorkers.allowedJobs.contains(jobs) else {
            throw ValidationError("--jobs must be between \(OrderedWorkers.allowedJobs.lowerBound) and \(OrderedWorkers.allowedJobs.upperBound)")
        }
    }

    func run() throws {
        try CheckCommand.run(paths: paths, format: format, explainText: explainText, jobs: jobs)
    }

    /// The command itself, apart from its arguments: `run()` after ArgumentParser, and `FastCheck` for the
    /// plain `gov check PATH…` that needs no parser.
    static func run(paths: [String], format: Format, explainText: Bool, jobs: Int) throws {
        let summary: StreamingCheck.Summary
        switch format {
        case .json:
            // The JSON lists every rule instance judged; the text prints findings only.
            summary = check(JSONCheckOutput(), paths: paths, explainText: explainText, jobs: jobs, prose: .findingsAndRules)
        case .text:
            summary = check(
                TextCheckOutput(useColor: Terminal.colorOnStandardError, summaryLine: ScriptFinder.containsDirectory(paths)),
                paths: paths, explainText: explainText, jobs: jobs, prose: .findingsOnly)
        }
        guard summary.files > 0 else {
            Terminal.printError("gov: no .gov scripts in \(paths.joined(separator: " "))")
            throw ExitStatus.usage
        }
        let status: Int32 = summary.counts.unreadable ? 2 : summary.counts.errors > 0 ? 1 : 0
        if status != 0 { throw ExitStatus(code: status) }
    }

    /// Streams the check into an output; prints nothing when there are no scripts at all. With
    /// `--explain-text`, each script's listing goes to stdout as the script is handed over.
    private static func check<Output: CheckOutput>(
        _ output: Output, paths: [String], explainText: Bool, jobs: Int, prose: Evaluator.Prose
    ) -> StreamingCheck.Summary {
        var output = output
        // Findings (and, for the JSON, rule instances) are all a check prints: each script's paragraphs
        // are checked, not built.
        let options = StreamingCheck.Options(jobs: jobs, processes: true, prose: prose)
        let summary: StreamingCheck.Summary
        if explainText {
            let render = output.render
            summary = StreamingCheck.run(
                paths: paths, options: options,
                render: { path, evaluation in
                    (render(path, evaluation), TextQuantityListing.lines(evaluation.report, sources: evaluation.sources))
                },
                script: { index, path, rendered in
                    if !rendered.1.isEmpty { Terminal.printOut(rendered.1.joined(separator: "\n") + "\n") }
                    output.script(index, path, rendered.0)
                },
                series: { output.series($0) })
        } else {
            // The rendering alone, not paired with a listing: it can be sent back from a worker process.
            summary = StreamingCheck.run(
                paths: paths, options: options, render: output.render,
                script: { index, path, rendered in output.script(index, path, rendered) },
                series: { output.series($0) })
        }
        if summary.files > 0 { output.finish(summary) }
        return summary
    }

    /// One line: "gov check: 3 个文件，1 个错误，2 个警告，1 个提示（有错误：a.gov）".
    static func summary(_ summary: StreamingCheck.Summary) -> String {
        var line = "gov check: \(summary.files) 个文件，\(summary.counts.errors) 个错误，\(summary.counts.warnings) 个警告"
        if summary.counts.notes > 0 { line += "，\(summary.counts.notes) 个提示" }
        if summary.failingCount > 0 {
            let shown = summary.failing.joined(separator: "、") + (summary.failingCount > summary.failing.count ? " 等 \(summary.failingCount) 个" : "")
            line += "（有错误：\(shown)）"
        }
        return line
    }

    /// 2 when a file could not be read at all, 1 for errors in a script, else 0.
    static func status(of evaluation: Evaluation) -> Int32 {
        if evaluation.findings.contains(where: { $0.code == .unreadableFile }) { return 2 }
        return evaluation.hasErrors ? 1 : 0
    }
}

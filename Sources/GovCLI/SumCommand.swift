import ArgumentParser
import Foundation
import Gov
import GovLanguage
import GovRender
import GovReport

struct SumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sum",
        abstract: "Add several bodies' reports of one year and format into one summary script (汇总).",
        discussion: """
            Every cell of the summary is the sum of that cell in the inputs; totals are derived again, so the \
            summary checks clean when its inputs do. Inputs with errors, of different years or formats, or of \
            the same body twice are refused. An existing output is never replaced unless --force is given.
            """)

    @Argument(help: "The .gov scripts (or directories of them) to add up.")
    var paths: [String]

    @Option(name: .long, help: "The body the summary reports for, e.g. 青禾县人民政府.")
    var body: String

    @Option(name: [.short, .customLong("output")], help: "Write the summary to this file; default, or -: standard output.")
    var output: String?

    @Flag(name: .long, help: "Replace the output file if it exists (atomically).")
    var force = false

    @Option(name: .long, help: "Keyword language: english or chinese (default: the inputs').")
    var keywords: String?

    func validate() throws {
        if let keywords, KeywordLanguage(rawValue: keywords) == nil {
            throw ValidationError("--keywords must be english or chinese")
        }
    }

    func run() throws {
        let scripts = ScriptFinder.scripts(in: paths)
        if let output, scripts.contains(where: { ScriptFinder.standardized($0.path) == ScriptFinder.standardized(output) }) {
            Terminal.printError("gov: the output '\(output)' is one of the inputs; choose another file")
            throw ExitStatus.usage
        }
        var inputs: [RollUp.Input] = []
        var status: Int32 = 0
        for script in scripts {
            let evaluation = Gov.evaluate(path: script.path)
            if evaluation.hasErrors { Terminal.printError(Gov.diagnostics(evaluation, color: Terminal.colorOnStandardError)) }
            status = max(status, CheckCommand.status(of: evaluation))
            inputs.append(RollUp.Input(path: script.path, evaluation: evaluation))
        }
        if status == 2 { throw ExitStatus.usage }
        let text: String
        do {
            text = try RollUp.script(of: inputs, body: body, language: keywords.flatMap(KeywordLanguage.init(rawValue:)))
        } catch let failure as RollUp.Failure {
            Terminal.printError("gov: \(failure)")
            if case .inputsHaveErrors = failure { throw ExitStatus.findings }
            throw ExitStatus.usage
        }
        // `-o -` is standard output, as for `gov render` (it made a file named "-").
        guard let output, output != "-" else {
            Terminal.printOut(text)
            return
        }
        do {
            if force { try AtomicFile.write(Data(text.utf8), to: output) } else { try AtomicFile.create(Data(text.utf8), at: output) }
        } catch {
            Terminal.printError("gov: cannot write \(output): \(error.localizedDescription)\(force ? "" : " (use --force to replace it)")")
            throw ExitStatus.usage
        }
    }
}

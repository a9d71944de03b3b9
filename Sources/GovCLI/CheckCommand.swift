import ArgumentParser
import Foundation
import Gov

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check scripts: the language, every rule of the official format, your asserts, and across years.",
        discussion: """
            Directories are searched for *.gov files. Scripts of one body are put in order of year and each
            is compared with the year before (D1 error; D2–D4 warnings); `previous "2020.gov"` in a script
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

    func run() throws {
        let scripts = ScriptFinder.scripts(in: paths)
        guard !scripts.isEmpty else {
            Terminal.printError("gov: no .gov scripts in \(paths.joined(separator: " "))")
            throw ExitStatus.usage
        }
        let batch = Gov.check(scripts)
        if explainText {
            for script in batch.scripts {
                let lines = TextQuantityListing.lines(script.evaluation.report, sources: batch.sources)
                if !lines.isEmpty { Terminal.printOut(lines.joined(separator: "\n") + "\n") }
            }
        }
        switch format {
        case .json:
            Terminal.printOut(BatchRecord(batch).json())
        case .text:
            let printer = DiagnosticPrinter(useColor: Terminal.colorOnStandardError)
            for script in batch.scripts {
                Terminal.printError(script.findings.map { printer.format($0, sources: batch.sources) }.joined(separator: "\n"))
            }
            if batch.scripts.count > 1 || ScriptFinder.containsDirectory(paths) {
                Terminal.printError(CheckCommand.summary(batch))
            }
        }
        let status: Int32 = batch.hasUnreadableFile ? 2 : batch.errorCount > 0 ? 1 : 0
        if status != 0 { throw ExitStatus(code: status) }
    }

    /// One line: "gov check: 3 个文件，1 个错误，2 个警告，1 个提示（有错误：a.gov）".
    static func summary(_ batch: BatchCheck) -> String {
        var line = "gov check: \(batch.scripts.count) 个文件，\(batch.errorCount) 个错误，\(batch.warningCount) 个警告"
        if batch.noteCount > 0 { line += "，\(batch.noteCount) 个提示" }
        let failing = batch.scripts.filter { $0.findings.hasErrors }.map(\.path)
        if !failing.isEmpty {
            let shown = failing.prefix(5).joined(separator: "、") + (failing.count > 5 ? " 等 \(failing.count) 个" : "")
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

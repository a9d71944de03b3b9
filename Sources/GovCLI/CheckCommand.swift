import ArgumentParser
import Foundation
import Gov

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check scripts: the language, every rule of the official format, and your asserts.")

    @Argument(help: "The .gov scripts to check.")
    var files: [String]

    func run() throws {
        var status: Int32 = 0
        for path in files {
            let evaluation = Gov.evaluate(path: path)
            Terminal.printError(Gov.diagnostics(evaluation, color: Terminal.colorOnStandardError))
            status = max(status, CheckCommand.status(of: evaluation))
        }
        if status != 0 { throw ExitStatus(code: status) }
    }

    /// 2 when a file could not be read at all, 1 for errors in a script, else 0.
    static func status(of evaluation: Evaluation) -> Int32 {
        if evaluation.findings.contains(where: { $0.code == "E060" }) { return 2 }
        return evaluation.hasErrors ? 1 : 0
    }
}

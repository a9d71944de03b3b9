import ArgumentParser
import Foundation
import Gov

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a checked report. Findings go to stderr; a report with errors is not rendered.")

    @Argument(help: "The .gov script to render.")
    var file: String

    @Option(name: .long, help: "Output format: \(Gov.OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: String = "text"

    @Option(name: [.short, .customLong("output")], help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Flag(name: .long, help: "Render even when the report has errors.")
    var allowErrors = false

    @Option(name: .long, help: "Text width in columns.")
    var width: Int = 100

    func validate() throws {
        guard Gov.OutputFormat(rawValue: format) != nil else {
            throw ValidationError("unknown format '\(format)'; choose one of: \(Gov.OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard (40...400).contains(width) else { throw ValidationError("--width must be between 40 and 400") }
        if let output, Self.samePath(output, file) {
            throw ValidationError("the output '\(output)' is the input script; choose another file")
        }
    }

    func run() throws {
        let evaluation = Gov.evaluate(path: file)
        Terminal.printError(Gov.diagnostics(evaluation, color: Terminal.colorOnStandardError))
        let status = CheckCommand.status(of: evaluation)
        if status == 2 || (status == 1 && !allowErrors) {
            if status == 1 { Terminal.printError("gov: \(file) has errors; nothing rendered (use --allow-errors to render anyway)") }
            throw ExitStatus(code: status)
        }
        let text = Gov.render(evaluation, as: Gov.OutputFormat(rawValue: format) ?? .text, width: width)
        if let output {
            do {
                try AtomicFile.write(Data(text.utf8), to: output)
            } catch {
                Terminal.printError("gov: cannot write \(output): \(error.localizedDescription)")
                throw ExitStatus.usage
            }
        } else {
            Terminal.printOut(text)
        }
        if status != 0 { throw ExitStatus(code: status) }
    }

    static func samePath(_ a: String, _ b: String) -> Bool {
        URL(fileURLWithPath: a).standardizedFileURL.resolvingSymlinksInPath().path
            == URL(fileURLWithPath: b).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

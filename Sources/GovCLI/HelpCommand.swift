import ArgumentParser
import Gov
import GovLanguage
import GovRender
import GovReport

/// `gov help codes`: every diagnostic code with its kind, default severity and meaning, from the registry
/// the findings are made from. `gov help SUBCOMMAND` is ArgumentParser's help of that subcommand, as before.
struct HelpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "help", abstract: "Show help: `gov help codes` lists every diagnostic code; `gov help check` a subcommand's help.")

    @Argument(help: "codes, or a subcommand.")
    var topic: [String] = []

    func run() throws {
        guard topic != ["codes"] else {
            Terminal.printOut(HelpCommand.codes())
            return
        }
        let path = topic.compactMap { name in GovCommand.configuration.subcommands.first { $0._commandName == name } }
        guard path.count == topic.count else {
            Terminal.printError("gov help: no help for “\(topic.joined(separator: " "))”; try `gov help codes` or `gov --help`")
            throw ExitStatus.usage
        }
        Terminal.printOut(GovCommand.helpMessage(for: path.last ?? GovCommand.self) + "\n")
    }

    static func codes() -> String {
        var lines = ["Diagnostic codes · 诊断代码 (docs/language.md §7):"]
        for entry in DiagnosticCode.registry {
            lines.append(
                "  " + [entry.code.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0), entry.kind.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0),
                        entry.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0), entry.summary].joined())
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

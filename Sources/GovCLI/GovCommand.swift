import ArgumentParser
import Foundation
import Gov
import GovLanguage
import GovRender
import GovReport

struct GovCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gov",
        abstract: "Write, check and render 政府信息公开工作年度报告 as .gov scripts.",
        discussion: """
            Exit status: 0 no errors (warnings allowed); 1 a script has errors; 2 usage error or unreadable file.

            Colour is used only on a terminal, and never when NO_COLOR is set.
            """,
        version: Gov.version,
        subcommands: [
            CheckCommand.self, RenderCommand.self, ReplCommand.self, NewCommand.self, SumCommand.self, FmtCommand.self, HelpCommand.self,
            ImportCommand.self, AuditCommand.self, LspCommand.self,
        ]
    )
}

/// Thrown to leave with a given status after output is written.
struct ExitStatus: Error {
    let code: Int32
    static let findings = ExitStatus(code: 1)
    static let usage = ExitStatus(code: 2)
}

enum Terminal {
    /// Colour on stderr: only when it is a terminal and NO_COLOR is absent or empty.
    static var colorOnStandardError: Bool { colorAllowed && isatty(2) == 1 }

    static var colorOnStandardOutput: Bool { colorAllowed && isatty(1) == 1 }

    /// No colour when `NO_COLOR` is set and not empty (no-color.org). Read with `getenv`: building
    /// `ProcessInfo`'s whole environment dictionary for it cost 330,000 instructions a script rendered.
    private static var colorAllowed: Bool {
        guard let value = getenv("NO_COLOR") else { return true }
        return value.pointee == 0
    }

    static func printError(_ text: String) {
        guard !text.isEmpty else { return }
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func printOut(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

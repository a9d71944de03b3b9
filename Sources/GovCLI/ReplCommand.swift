import ArgumentParser
import Foundation
import Gov
import GovLanguage
import GovRender
import GovReport
import GovREPL

struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Build a report interactively: each statement is checked as you type it (also `gov` alone on a terminal).",
        discussion: """
            On a terminal: line editing (libedit), Tab completion, history in $XDG_STATE_HOME/gov (default \
            ~/.local/state/gov), and a recovery file for unsaved work. With standard input from a pipe: reads \
            statements and :commands line by line, prints the same feedback and, at the end, every finding as \
            `gov check` does; exit status 1 if any error was found.
            """)

    @Argument(help: "A script to start from; a name that does not exist yet starts a new script of that name.")
    var file: String?

    func run() throws {
        let status = ReplCommand.start(file: file)
        if status != 0 { throw ExitStatus(code: status) }
    }

    /// Runs the REPL on the process's terminal (libedit) or, when standard input is not one, on the pipe.
    static func start(file: String?) -> Int32 {
        let interactive = isatty(0) == 1
        let editor: LineEditor = (interactive ? LibEditLineEditor() : nil) ?? PlainLineReader()
        let options = Repl.Options(
            file: file, state: editor.isInteractive ? StateDirectory.resolve() : nil,
            colorErrors: Terminal.colorOnStandardError, colorOutput: Terminal.colorOnStandardOutput)
        return Repl(editor: editor, output: StandardOutput(), options: options).run()
    }
}

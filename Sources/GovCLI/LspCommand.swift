import ArgumentParser
import Foundation
import Gov
import GovLSP

struct LspCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Serve the Language Server Protocol on stdin/stdout, for editors (VS Code, Neovim, Helix…).",
        discussion: """
            Diagnostics (the same findings as gov check, cross-year ones too), completion, hover, go to \
            definition, formatting (gov fmt), quick fixes and an outline. Editors start it themselves: \
            see docs/editors.md.
            """)

    @Option(name: .long, help: "Milliseconds the text must rest after a change before it is checked.")
    var debounce: Int = 150

    func run() throws {
        var options = LanguageServer.Options()
        options.debounce = Double(min(max(debounce, 0), 10_000)) / 1000
        options.serverVersion = Gov.version
        let status = LanguageServer.run(options: options)
        if status != 0 { throw ExitStatus(code: status) }
    }
}

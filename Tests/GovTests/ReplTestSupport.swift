import Foundation
import Gov
import GovLanguage
import GovRender
import GovReport
import GovREPL
import Testing

/// A line editor that replays typed lines, for driving the REPL's logic without a terminal. `nil` in the
/// script stands for Ctrl-C on that line; the end of the script is Ctrl-D.
final class ScriptedEditor: LineEditor {
    let isInteractive: Bool
    var completion: ((String) -> Completion)?
    let width = 100
    private var script: [String?]
    private(set) var prompts: [String] = []
    private(set) var remembered: [String] = []

    init(_ script: [String?], interactive: Bool = true) {
        self.script = script
        self.isInteractive = interactive
    }

    func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        guard !script.isEmpty else { return .endOfInput }
        guard let line = script.removeFirst() else { return .interrupted }
        return .line(line)
    }

    func remember(_ entry: String) { remembered.append(entry) }
}

final class CapturedOutput: ReplOutput {
    private(set) var out = ""
    private(set) var err = ""
    func write(_ text: String) { out += text }
    func writeError(_ text: String) { err += text }
}

/// Runs a REPL over scripted input; returns its exit status, output and the editor (prompts, history).
@discardableResult
func runRepl(
    _ lines: [String?], interactive: Bool = true, file: String? = nil, state: StateDirectory? = nil
) -> (status: Int32, out: String, err: String, editor: ScriptedEditor, live: LiveReport) {
    let editor = ScriptedEditor(lines, interactive: interactive)
    let output = CapturedOutput()
    let repl = Repl(editor: editor, output: output, options: Repl.Options(file: file, state: state))
    let status = repl.run()
    return (status, output.out, output.err, editor, repl.live)
}

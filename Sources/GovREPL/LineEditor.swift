/// What reading a line produced.
package enum LineInput: Equatable, Sendable {
    case line(String)
    /// Ctrl-C: the line being typed is abandoned.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}

/// The line editor behind the REPL. The REPL's logic speaks only to this protocol, so it runs the same with
/// libedit on a terminal, with plain reading from a pipe, and with a scripted editor in tests.
package protocol LineEditor: AnyObject {
    /// Whether prompts are shown and questions can be asked (a terminal).
    var isInteractive: Bool { get }
    /// Reads one line, showing `prompt` when interactive.
    func readLine(prompt: String) -> LineInput
    /// Adds a whole entry (perhaps several lines) to the editor's history, for the Up arrow.
    func remember(_ entry: String)
    /// Answers Tab: given the text before the cursor, what could follow.
    var completion: ((String) -> Completion)? { get set }
    /// The width of the terminal in columns (a default when there is none).
    var width: Int { get }
}

/// Reads standard input line by line when it is not a terminal: no prompts, no editing, no history.
package final class PlainLineReader: LineEditor {
    package let isInteractive = false
    package var completion: ((String) -> Completion)?
    package let width = 100

    package init() {}

    package func readLine(prompt: String) -> LineInput {
        guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
        return .line(line)
    }

    package func remember(_ entry: String) {}
}

import Gov
import GovLanguage
import GovRender
import GovReport

/// Reads one entry: a command line, or a statement that may go on over several lines while the lexer says
/// it is incomplete (an open `"""` text block, an open parenthesis) — the continuation prompt `...> `.
struct EntryReader {
    static let prompt = "gov> "
    static let continuationPrompt = "...> "

    enum Entry: Equatable {
        /// The entry's text (lines joined by line breaks) and the input line it started on (1-based).
        case text(String, firstLine: Int)
        case interrupted
        case end
    }

    let editor: LineEditor
    /// Lines read so far: piped input's diagnostics give the input's own line numbers.
    private(set) var linesRead = 0

    init(editor: LineEditor) {
        self.editor = editor
    }

    mutating func next() -> Entry {
        let first = read(EntryReader.prompt)
        guard case .line(let line) = first else { return first == .interrupted ? .interrupted : .end }
        let firstLine = linesRead
        var text = line
        if ParsedCommand.isCommand(line) { return .text(text, firstLine: firstLine) }
        while EntryReader.isIncomplete(text) {
            switch read(EntryReader.continuationPrompt) {
            case .line(let more): text += "\n" + more
            case .interrupted: return .interrupted
            // Input ended inside the entry: it is evaluated as it is, and reported as batch mode would.
            case .endOfInput: return .text(text, firstLine: firstLine)
            }
        }
        return .text(text, firstLine: firstLine)
    }

    private mutating func read(_ prompt: String) -> LineInput {
        let input = editor.readLine(prompt: prompt)
        if case .line = input { linesRead += 1 }
        return input
    }

    /// The lexer's own judgement, so the REPL and the language never disagree about where a statement ends.
    static func isIncomplete(_ text: String) -> Bool {
        var lexer = Lexer(bytes: Array(text.utf8), file: FileID(0))
        lexer.run()
        return lexer.isIncomplete
    }
}

import Gov
import GovLanguage
import GovRender
import GovReport

/// Decides what Tab completes from the text before the cursor: a command and its arguments (topics,
/// parts, formats, files), a statement keyword in either language, the names a statement takes (applicant
/// columns and rows, items and columns, outcomes, sections, the session's channels and categories), and
/// paths inside expressions and `{…}` (`channel.微` → `channel.微博`).
package struct Completer: Sendable {
    package var vocabulary: SessionVocabulary
    package var files: FileCompletion

    package init(vocabulary: SessionVocabulary = SessionVocabulary(), files: FileCompletion = FileCompletion()) {
        self.vocabulary = vocabulary
        self.files = files
    }

    /// `earlier`: the lines of the entry typed so far when the cursor is on a continuation line (`...> `),
    /// inside a text block or an open parenthesis.
    package func complete(_ textBeforeCursor: String, continuing earlier: String? = nil) -> Completion {
        if let earlier { return completeContinuation(textBeforeCursor, earlier: earlier) }
        let line = textBeforeCursor.drop { $0 == " " || $0 == "\t" }
        if line.hasPrefix(":") { return completeCommand(String(line)) }
        return completeStatement(String(line))
    }

    // MARK: - Commands

    private func completeCommand(_ line: String) -> Completion {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let endsInSpace = line.last == " "
        if words.count <= 1, !endsInSpace {
            return Completion(word: line, choices: CommandName.allCases.map(\.spelling))
        }
        guard case .success(let name) = ParsedCommand.resolve(String(words[0].dropFirst())) else { return .none }
        let word = endsInSpace ? "" : (words.last ?? "")
        let position = endsInSpace ? words.count : words.count - 1
        switch name {
        case .load, .save:
            return position == 1 ? files.complete(word) : .none
        case .render:
            if position == 1 { return Completion(word: word, choices: Gov.OutputFormat.allCases.map(\.rawValue)) }
            return position == 2 ? files.complete(word) : .none
        case .help:
            let topics = Keyword.allSpellings + CommandName.allCases.map(\.rawValue) + ["rules", "keys"]
            return position == 1 ? Completion(word: word, choices: topics) : .none
        case .show:
            // Sections by name, official tables by the keyword of their statement (as `PartRenderer` reads them).
            let tables = TableStatement.namingTables.flatMap { [$0.keyword.english, $0.keyword.chinese] }
            let parts = OfficialSection.allSpellings + tables + vocabulary.localSections + vocabulary.localTables
            return position == 1 ? Completion(word: word, choices: parts.filter(BareName.isBare)) : .none
        case .check, .undo, .reset, .quit:
            return .none
        }
    }

    // MARK: - Statements

    private func completeStatement(_ line: String) -> Completion {
        if let expression = openInterpolation(line) { return completePath(Completer.lastWord(of: expression)) }
        if let name = Completer.openFileName(line) { return files.complete(name) }
        if Completer.isInsideString(line) { return .none }
        let word = Completer.lastWord(of: line)
        let before = line.dropLast(word.count)
        let previous = before.split(whereSeparator: { Completer.separators.contains($0) }).map(String.init)
        guard let first = previous.first else {
            return Completion(word: word, choices: Keyword.allSpellings)
        }
        guard let keyword = Keyword(spelling: first) else { return .none }
        let arguments = previous.dropFirst()
        // After `(`, `=` or in an assert, a value: a `let` name or, in text-like places, a path.
        if word.contains(".") || keyword == .assert || keyword == .let && before.contains("=") || before.last == "(" {
            return completePath(word)
        }
        if let statement = TableStatement.of(keyword) {
            // A table statement: its selector, then its cell names (an optional selector may be either).
            switch statement.selector {
            case .none: return Completion(word: word, choices: statement.name.offeredSpellings)
            case .optional(let slot, _, _): return Completion(word: word, choices: slot.offeredSpellings + statement.name.offeredSpellings)
            case .required(let slot, _, _):
                return Completion(word: word, choices: arguments.isEmpty ? slot.offeredSpellings : statement.name.offeredSpellings)
            }
        }
        switch keyword {
        case .section:
            return arguments.isEmpty ? Completion(word: word, choices: OfficialSection.allSpellings) : .none
        case .channel:
            return arguments.isEmpty ? Completion(word: word, choices: vocabulary.channels.filter(BareName.isBare)) : .none
        case .category:
            return arguments.isEmpty ? Completion(word: word, choices: vocabulary.allCategories.filter(BareName.isBare)) : .none
        default:
            return .none
        }
    }

    /// A continuation line: inside a text block only an open `{…}` is completed; inside an open
    /// parenthesis the expression goes on, so the word is a name or a path.
    private func completeContinuation(_ line: String, earlier: String) -> Completion {
        if Completer.isInsideTextBlock(earlier) {
            guard let open = line.lastIndex(of: "{"), !line[open...].contains("}") else { return .none }
            return completePath(Completer.lastWord(of: String(line[line.index(after: open)...])))
        }
        return completePath(Completer.lastWord(of: line))
    }

    /// An odd number of `"""` so far: the text block is still open.
    static func isInsideTextBlock(_ text: String) -> Bool {
        text.components(separatedBy: "\"\"\"").count % 2 == 0
    }

    /// Paths into the report and `let` names: `application.` → rows, `application.new.` → applicant
    /// columns, `channel.` → the session's channels, `channel.微博.` → its categories.
    func completePath(_ word: String) -> Completion {
        let segments = word.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let heads = TableStatement.all.flatMap { [$0.keyword.english, $0.keyword.chinese] }
            + [Keyword.channel, .year, .body].flatMap { [$0.english, $0.chinese] }
        guard segments.count > 1, let head = Keyword(spelling: segments[0]) else {
            return Completion(word: word, choices: heads + vocabulary.bindings.filter(BareName.isBare), terminator: { _ in "" })
        }
        let done = segments.dropLast()
        let choices: [String]
        switch (head, done.count) {
        case (let keyword, let depth) where TableStatement.of(keyword) != nil:
            let path = TableStatement.of(keyword)?.path ?? []
            choices = depth - 1 < path.count ? path[depth - 1].offeredSpellings : []
        case (.channel, 1): choices = vocabulary.channels
        case (.channel, 2): choices = vocabulary.categories[done[1]] ?? []
        default: choices = []
        }
        let stem = done.joined(separator: ".") + "."
        return Completion(
            word: word, choices: choices.filter(BareName.isBare).map { stem + $0 }, terminator: { _ in "" },
            label: { String($0.dropFirst(stem.count)) })
    }

    // MARK: - Words

    /// Characters that end a word in a statement (spaces, operators, brackets, quotes).
    static let separators: Set<Character> = [" ", "\t", "\u{3000}", "(", ")", "{", "}", "\"", "+", "-", "*", "/", "=", "<", ">", "!", ","]

    static func lastWord(of text: String) -> String {
        String(text.reversed().prefix { !separators.contains($0) }.reversed())
    }

    /// An odd number of unescaped quotes before the cursor: the cursor is inside a string.
    static func isInsideString(_ line: String) -> Bool {
        var inside = false
        var escaped = false
        for character in line {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            if character == "\"" { inside.toggle() }
        }
        return inside
    }

    /// The file name typed so far inside the string of an `include` or `previous` (`include "com` → `com`).
    package static func openFileName(_ line: String) -> String? {
        let words = line.drop { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        guard let keyword = Keyword(spelling: String(words.prefix { !separators.contains($0) })),
            keyword == .include || keyword == .previous
        else { return nil }
        let rest = words.drop { !separators.contains($0) }.drop { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        guard rest.first == "\"", !rest.dropFirst().contains("\"") else { return nil }
        return String(rest.dropFirst())
    }

    /// Inside a string, the expression of a `{` not yet closed.
    private func openInterpolation(_ line: String) -> String? {
        guard Completer.isInsideString(line), let open = line.lastIndex(of: "{") else { return nil }
        let tail = line[line.index(after: open)...]
        return tail.contains("}") ? nil : String(tail)
    }
}

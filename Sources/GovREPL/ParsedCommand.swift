/// The REPL's own commands. They start with `:` (no statement does) and may be shortened to any unique
/// prefix: `:s` is ambiguous (`:save`, `:show`), `:sh` is `:show`, `:q` is `:quit`.
package enum CommandName: String, CaseIterable, Sendable {
    case help, show, check, render, load, save, undo, reset, quit

    /// How the command is written, for help and error messages.
    package var usage: String {
        switch self {
        case .help: return ":help [topic]"
        case .show: return ":show [section|table]"
        case .check: return ":check"
        case .render: return ":render FORMAT [FILE]"
        case .load: return ":load FILE"
        case .save: return ":save [FILE]"
        case .undo: return ":undo"
        case .reset: return ":reset"
        case .quit: return ":quit"
        }
    }

    package var summary: String {
        switch self {
        case .help: return "this help; :help application (a statement), :help rules, :help show … · 帮助"
        case .show: return "print the report, or one section or table, as text · 显示报告或其中一部分"
        case .check: return "every finding of the report, as `gov check` prints them · 全部检查结果"
        case .render: return "render the report in a format, to the screen or a file · 生成报告"
        case .load: return "make a script file the session (undoable) · 载入脚本"
        case .save: return "write the session as a script (to the file it came from when no FILE) · 保存为脚本"
        case .undo: return "take back the last entry, :load or :reset · 撤销上一步"
        case .reset: return "start an empty session (undoable) · 清空会话"
        case .quit: return "leave (asks first when there are unsaved changes; Ctrl-D too) · 退出"
        }
    }

    package var spelling: String { ":" + rawValue }
}

/// A command line as typed: the command and its arguments (split at spaces; a "quoted file name" keeps
/// its spaces).
package struct ParsedCommand: Equatable, Sendable {
    package let name: CommandName
    package let arguments: [String]

    package enum Failure: Error, Equatable {
        case unknown(String)
        case ambiguous(String, [CommandName])

        package var message: String {
            switch self {
            case .unknown(let word):
                return "没有命令 “:\(word)”；命令有 " + CommandName.allCases.map(\.spelling).joined(separator: " ") + "（:help 查看）"
            case .ambiguous(let word, let names):
                return "“:\(word)” 不明确：可以是 " + names.map(\.spelling).joined(separator: "、")
            }
        }
    }

    /// Whether a line is a command rather than a statement.
    package static func isCommand(_ line: String) -> Bool {
        line.drop { $0 == " " || $0 == "\t" }.hasPrefix(":")
    }

    package static func parse(_ line: String) -> Result<ParsedCommand, Failure> {
        var words = split(line.trimmingWhitespace().dropFirst())
        let word = words.isEmpty ? "" : words.removeFirst()
        switch resolve(word) {
        case .success(let name): return .success(ParsedCommand(name: name, arguments: words))
        case .failure(let failure): return .failure(failure)
        }
    }

    package static func resolve(_ word: String) -> Result<CommandName, Failure> {
        let lowered = word.lowercased()
        if let exact = CommandName(rawValue: lowered) { return .success(exact) }
        let matches = lowered.isEmpty ? [] : CommandName.allCases.filter { $0.rawValue.hasPrefix(lowered) }
        if matches.count == 1 { return .success(matches[0]) }
        return .failure(matches.isEmpty ? .unknown(word) : .ambiguous(word, matches))
    }

    /// Words separated by spaces; double quotes group a word with spaces (a file name).
    static func split(_ text: Substring) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var hasWord = false
        for character in text {
            if character == "\"" {
                quoted.toggle()
                hasWord = true
            } else if !quoted, character == " " || character == "\t" || character == "\u{3000}" {
                if hasWord { words.append(current) }
                current = ""
                hasWord = false
            } else {
                current.append(character)
                hasWord = true
            }
        }
        if hasWord { words.append(current) }
        return words
    }
}

extension String {
    /// Without leading and trailing spaces, tabs, ideographic spaces (U+3000) and line breaks.
    func trimmingWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return self[start...end]
    }
}

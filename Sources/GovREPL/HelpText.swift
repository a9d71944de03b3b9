import Gov
import GovLanguage
import GovRender
import GovReport

/// `:help` and its topics. Statements, their Chinese spellings, examples and vocabularies all come from the
/// tables the parser reads (`Keyword`, the `Term` enums, `RuleTable`), so help cannot drift from the language.
enum HelpText {
    /// Help on a topic, every line within `width`: a longer line wraps as a paragraph, its continuation
    /// indented under its first word.
    static func text(topic: String?, width: Int) -> String {
        let lines = unfitted(topic: topic, width: width).split(separator: "\n", omittingEmptySubsequences: false).flatMap {
            HangingWrap.lines(String($0), width: width)
        }
        return lines.joined(separator: "\n")
    }

    private static func unfitted(topic: String?, width: Int) -> String {
        guard let topic, !topic.isEmpty else { return overview(width: width) }
        if let keyword = Keyword(spelling: topic) { return statement(keyword, width: width) }
        let commandWord = topic.hasPrefix(":") ? String(topic.dropFirst()) : topic
        if case .success(let name) = ParsedCommand.resolve(commandWord) { return command(name) }
        switch topic.lowercased() {
        case "rules", "rule", "规则": return rules()
        case "keys", "key", "按键": return keys
        default:
            return "没有关于 “\(topic)” 的帮助。可以查看：语句关键字（如 :help application）、命令（如 :help save）、:help rules、:help keys\n"
        }
    }

    static func overview(width: Int) -> String {
        var lines = ["Statements · 语句 — one per line; every keyword and name has an English and a Chinese spelling:"]
        let heads = Keyword.allCases.map { "  \($0.english) · \($0.chinese)" }
        let headWidth = (heads.map(DisplayWidth.of).max() ?? 0) + 2
        // English examples in one column, Chinese in the next; an example too wide for it takes two lines.
        let englishWidth = 38
        for (keyword, head) in zip(Keyword.allCases, heads) {
            let english = keyword.example
            let chinese = ChineseSpelling.of(english)
            let oneLine = DisplayWidth.pad(head, to: headWidth) + DisplayWidth.pad(english, to: englishWidth) + chinese
            if DisplayWidth.of(english) < englishWidth, DisplayWidth.of(oneLine) <= width {
                lines.append(oneLine)
            } else {
                lines.append(DisplayWidth.pad(head, to: headWidth) + english)
                lines.append(DisplayWidth.pad("", to: headWidth) + chinese)
            }
        }
        lines.append("")
        lines.append("Commands · 命令 — any unique prefix will do (:sh = :show):")
        for name in CommandName.allCases {
            lines.append(DisplayWidth.pad("  " + name.usage, to: 26) + name.summary)
        }
        lines.append("")
        lines.append("More · 更多：:help application（one statement and its names）· :help rules · :help keys · docs/language.md")
        return lines.joined(separator: "\n") + "\n"
    }

    static func statement(_ keyword: Keyword, width: Int) -> String {
        var lines = [
            "\(keyword.english) · \(keyword.chinese) — \(keyword.summary)",
            "  example · 例：\(keyword.example)",
            "             \(ChineseSpelling.of(keyword.example))",
        ]
        for (title, names) in vocabulary(keyword) {
            lines.append("  \(title):")
            lines += wrap(names, indent: "    ", width: width)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The names a statement takes, each as "english 中文".
    static func vocabulary(_ keyword: Keyword) -> [(String, [String])] {
        if let statement = TableStatement.of(keyword) {
            return ([statement.selector.slot].compactMap { $0 } + [statement.name]).map { ($0.helpTitle, $0.helpNames) }
        }
        switch keyword {
        case .section:
            return [("official sections · 规定章节（a \"quoted title\" opens a local one）", OfficialSection.allCases.map { $0.spellings.joined(separator: " ") })]
        default:
            return []
        }
    }

    static func command(_ name: CommandName) -> String {
        var lines = ["\(name.usage) — \(name.summary)"]
        switch name {
        case .show:
            lines.append("  parts · 可显示：a section by name or number (overview, 总体情况, 3, 三) or a local section's title;")
            let tables = PartRenderer.officialTableNames
            lines.append(
                "  a table: \(tables.map(\.english).joined(separator: " · ")) (\(tables.map(\.chinese).joined(separator: " · "))) or a local table's title;"
                    + " nothing: the whole report")
        case .render:
            lines.append("  formats · 格式：" + Gov.OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))
            lines.append("  a report with errors is not rendered (as `gov render`); :show shows the draft")
        case .save:
            lines.append("  writes atomically (a temporary file, then rename); the script passes `gov check` and renders the same report")
        case .load:
            lines.append("  the file's text becomes the session as it is, comments included; :undo goes back")
        default:
            break
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func rules() -> String {
        var lines = ["Rules · 规则 (checked after every entry; `:check` lists what fails now):"]
        for rule in RuleTable.distinct {
            lines.append("  \(DisplayWidth.pad(rule.id.rawValue, to: 4)) \(DisplayWidth.pad(rule.severity.rawValue, to: 8)) \(rule.title)")
        }
        lines.append("  ASSERT   error    your own assert · 自己写的断言")
        return lines.joined(separator: "\n") + "\n"
    }

    static let keys = """
        Keys · 按键:
          Tab       complete a keyword, name, command or file; several choices are listed · 补全
          Up/Down   earlier entries, also from earlier sessions · 历史
          Ctrl-C    abandon the line being typed (the session stays) · 放弃当前行
          Ctrl-D    on an empty line: leave · 退出
          A line with an open \"\"\" or ( continues on the next line (prompt ...>) · 多行输入

        """

    private static func wrap(_ items: [String], indent: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = indent
        for item in items {
            let piece = current == indent ? item : " · " + item
            if current != indent, DisplayWidth.of(current + piece) > width {
                lines.append(current)
                current = indent + item
            } else {
                current += piece
            }
        }
        if current != indent { lines.append(current) }
        return lines
    }
}

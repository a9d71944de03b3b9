import GovLanguage

/// A statement keyword's help for hover: both spellings, what it does, and its example.
enum KeywordHelp {
    static func markdown(_ keyword: Keyword) -> String {
        [
            "**\(keyword.english) · \(keyword.chinese)** — \(keyword.summary)",
            "",
            "```gov",
            keyword.example,
            "```",
        ].joined(separator: "\n")
    }
}

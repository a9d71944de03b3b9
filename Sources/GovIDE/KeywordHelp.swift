import GovLanguage
import GovREPL

/// A statement keyword's help for hover: the REPL's `:help KEYWORD` (both spellings, what it does, its
/// example in English and Chinese, the names it takes), as a block so its columns stay aligned.
enum KeywordHelp {
    static func markdown(_ keyword: Keyword) -> String {
        "**\(keyword.english) · \(keyword.chinese)**\n\n```text\n" + StatementHelp.text(keyword, width: 80) + "```"
    }
}

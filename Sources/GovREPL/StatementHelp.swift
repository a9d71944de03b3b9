import GovLanguage

/// `:help KEYWORD` for other rooms (the editor's hover): a statement in both languages, its example in
/// both spellings, and the names it takes — the same text the REPL prints.
package enum StatementHelp {
    package static func text(_ keyword: Keyword, width: Int = 100) -> String {
        HelpText.statement(keyword, width: width)
    }
}

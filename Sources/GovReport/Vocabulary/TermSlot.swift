import GovLanguage

/// One place in a table statement or a path where a script writes a term: the applicant column, the row,
/// the item, the column, the block, the outcome. Type-erased over the `Term` enum, so the resolver, final
/// scope, completion, help and the Chinese spelling of examples read one list of slots per statement.
/// A class: the resolver and the final scope pass slots around for every cell and path, and a reference is
/// one retain where a struct of arrays and a closure is several.
package final class TermSlot: Sendable {
    /// One term the slot accepts.
    package struct Choice: Sendable {
        package let rawValue: Int
        package let english: String
        package let chinese: [String]
        package var spellings: [String] { [english] + chinese }
    }

    /// What the slot names, in messages: 申请人类别, 申请表的行, 主动公开事项…
    package let what: String
    /// The heading of its names in help: `rows · 行`.
    package let helpTitle: String
    /// Every term a script may write here, in declared order (an unknown one gets a did-you-mean hint among them).
    package let all: [Choice]
    /// The terms completion and help offer (lawsuit blocks leave out `review`, which has its own statement).
    package let offered: [Choice]
    /// Every spelling of every term, for did-you-mean hints (kept: every unknown term reads it).
    package let allSpellings: [String]
    /// The term type's spelling table, held here: a closure over the type's `named` cost a call, a
    /// one-time-initialisation check and an optional round trip through the enum for every cell a script
    /// states (callgrind).
    private let index: SpellingIndex

    init(what: String, helpTitle: String, all: [Choice], offered: [Choice], index: SpellingIndex) {
        self.what = what
        self.helpTitle = helpTitle
        self.all = all
        self.offered = offered
        self.allSpellings = all.flatMap(\.spellings)
        self.index = index
    }

    package static func of<T: Term>(_ type: T.Type, what: String, help: String, offering offered: [T]? = nil) -> TermSlot {
        func choice(_ term: T) -> Choice { Choice(rawValue: term.rawValue, english: term.english, chinese: term.chinese) }
        return TermSlot(
            what: what, helpTitle: help, all: T.allCases.map(choice), offered: (offered ?? Array(T.allCases)).map(choice),
            index: T.spellingTable)
    }

    /// The raw value of the term a spelling names, in any of its spellings.
    package func lookup(_ spelling: String) -> Int? { index.lookup(spelling) }
    /// The same for a spelling's UTF-8 bytes (a word where it lies in a script).
    package func lookup(_ spelling: UnsafeBufferPointer<UInt8>) -> Int? { index.lookup(spelling) }

    /// The Chinese spelling of a term written in any spelling (for `:help` examples).
    package func chinese(of spelling: String) -> String? {
        guard let raw = index.lookup(spelling) else { return nil }
        return all.first { $0.rawValue == raw }?.chinese.first
    }

    /// Every spelling of the offered terms, for completion.
    package var offeredSpellings: [String] { offered.flatMap(\.spellings) }
    /// The offered terms as `english 中文 …`, for help.
    package var helpNames: [String] { offered.map { $0.spellings.joined(separator: " ") } }
}

/// The answer to one press of Tab: the word being completed, the words it could become, and what to
/// insert at the cursor — the rest of the word when only one fits, else the part all candidates share.
package struct Completion: Equatable, Sendable {
    /// The partial word before the cursor.
    package var word: String
    /// Complete words that start with `word`.
    package var candidates: [String]
    /// How each candidate is listed (a file without its directory, a path by its last segment).
    package var listing: [String]
    /// Text to insert at the cursor (may be empty).
    package var insertion: String

    package static let none = Completion(word: "", candidates: [], listing: [], insertion: "")

    /// Several candidates and nothing more they all share: the choices should be listed.
    package var shouldList: Bool { candidates.count > 1 && insertion.isEmpty }

    /// Builds the completion of `word` among `choices`. `terminator` follows a unique candidate (a space
    /// after a keyword; nothing after a path segment, which may go on with `.`). `label` is how a choice is
    /// listed.
    init(word: String, choices: [String], terminator: (String) -> String = { _ in " " }, label: (String) -> String = { $0 }) {
        var seen = Set<String>()
        let candidates = choices.filter { $0.hasPrefix(word) && seen.insert($0).inserted }
        self.word = word
        self.candidates = candidates
        self.listing = candidates.map(label)
        if candidates.count == 1 {
            // Also a word already complete: `year` + Tab → `year `.
            insertion = String(candidates[0].dropFirst(word.count)) + terminator(candidates[0])
        } else {
            insertion = String(Completion.commonPrefix(candidates).dropFirst(word.count))
        }
    }

    init(word: String, candidates: [String], listing: [String], insertion: String) {
        self.word = word
        self.candidates = candidates
        self.listing = listing
        self.insertion = insertion
    }

    /// The longest prefix every string shares, compared by `Character` so a CJK character is never split.
    static func commonPrefix(_ strings: [String]) -> String {
        guard var prefix = strings.first.map(Array.init) else { return "" }
        for string in strings.dropFirst() {
            let characters = Array(string)
            var count = 0
            while count < prefix.count, count < characters.count, prefix[count] == characters[count] { count += 1 }
            prefix = Array(prefix.prefix(count))
        }
        return String(prefix)
    }
}

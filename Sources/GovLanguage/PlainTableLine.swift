/// A table statement in its plain form, as the parser finds it among the tokens before it makes any
/// syntax: the keyword (`proactive`, `application`, `review`, `lawsuit`), at most one selector word, then
/// pairs of a name word and a whole number written out, and nothing else on the line —
/// `application business granted 2 not_held 1`. Nearly every table line of a report is written so.
///
/// A check reads such a line straight into cells (GovReport's `StatementCollector`): where the line's
/// `CellStatement`, its names as strings and its values as expressions were built, kept until the report
/// was assembled, read and freed, the line's words are looked up where they lie in the source. Anything
/// else — a mark (`blank`, `不详`), a unit, a sign, a decimal, an expression, a quoted name, a second
/// selector, a number too large — is not plain, and the line is parsed as usual; so is a plain line whose
/// words its reader does not know, which then gets the usual findings.
package struct PlainTableLine {
    package struct Entry {
        /// The name word's bytes in the source, and its range.
        package let name: Range<Int>
        package let nameRange: SourceRange
        package let value: Int
        package let valueRange: SourceRange
    }

    package private(set) var keyword: Keyword = .proactive
    /// The whole statement, keyword to last value: the range its `Statement` would have.
    package private(set) var range = SourceRange(file: FileID(0), start: 0, end: 0)
    /// The selector word's bytes and range, when the line has one.
    package private(set) var selector: (bytes: Range<Int>, range: SourceRange)?
    /// Refilled for each line: one array for a whole file.
    package private(set) var entries: [Entry] = []

    package init() {}

    /// Whether the keyword's statement may be plain.
    static func isTableKeyword(_ keyword: Keyword) -> Bool {
        switch keyword {
        case .proactive, .application, .review, .lawsuit: return true
        default: return false
        }
    }

    /// Reads the line whose keyword token is `tokens[head]` (its keyword `keyword`); returns the index of
    /// the token that ends the line, or nil, with the line left as it may be, when the line is not plain.
    /// `parser` is asked, not changed, which word is a mark or a unit and what a number's value is: what
    /// `parseCells` asks.
    mutating func read(_ keyword: Keyword, at head: Int, in parser: inout Parser) -> Int? {
        let tokens = parser.tokens
        /// The kind of the token at `index`, `.end` past the last (the tokens end with one).
        func kind(_ index: Int) -> TokenKind { index < tokens.count ? tokens[index].kind : .end }
        // Room for a long line at once (a table line has up to eight pairs), not a copy per doubling.
        if entries.capacity == 0 { entries.reserveCapacity(8) }
        entries.removeAll(keepingCapacity: true)
        selector = nil
        var index = head + 1
        // A word another word follows is a selector, unless that word is a mark (`parseCells`: then the
        // first word is a name and the mark its value); a second selector is not plain.
        if kind(index) == .word, kind(index + 1) == .word {
            guard kind(index + 2) != .word, !parser.isMarkWord(tokens[index + 1]) else { return nil }
            selector = (tokens[index].start..<tokens[index].end, parser.range(tokens[index]))
            index += 1
        }
        repeat {
            guard kind(index) == .word, kind(index + 1) == .integer else { return nil }
            let name = tokens[index], number = tokens[index + 1]
            // A word after a value is the next name unless it is a unit (`parseCells`: the value's). The
            // first name is whatever word it is, as there.
            if !entries.isEmpty, parser.isAmountUnit(name) { return nil }
            guard let value = parser.integerValue(number) else { return nil }
            entries.append(Entry(name: name.start..<name.end, nameRange: parser.range(name), value: value, valueRange: parser.range(number)))
            index += 2
        } while !(kind(index) == .newline || kind(index) == .end)
        self.keyword = keyword
        range = SourceRange(file: parser.file, start: tokens[head].start, end: tokens[index - 1].end)
        return index
    }
}

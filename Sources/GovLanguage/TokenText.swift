/// Reading a word token without making a `String` of it: the parser asks of nearly every word whether it
/// is a keyword, a cell's state (`blank`, `不详`) or a unit (`元`); making and validating a string for each
/// question was a third of the parser's allocations.
///
/// `String ==` compares by canonical equivalence (U+F967 is 不), so a byte comparison decides alone only
/// for text that has a single canonical spelling: ASCII and the ideographs U+4000–U+9FFF (no
/// decomposition, never combining). Anything else is compared as strings, as before.
extension Parser {
    /// The keyword a word token spells (keywords are looked up by their bytes in any case).
    func keyword(_ token: Token) -> Keyword? {
        source.bytes.withUnsafeBufferPointer { buffer in
            Keyword(utf8: UnsafeBufferPointer(rebasing: buffer[token.start..<token.end]))
        }
    }

    /// Whether the token's text equals `spelling` as `String ==` would say.
    func text(of token: Token, is spelling: String) -> Bool {
        let bytes = source.bytes[token.start..<token.end]
        if bytes.count == spelling.utf8.count, bytes.elementsEqual(spelling.utf8) { return true }
        if TokenText.hasSingleSpelling(bytes) { return false }
        return text(token) == spelling
    }

    /// `CellMark.named(text(token))`, without the string when it can be decided on the bytes.
    func cellMark(_ token: Token) -> CellMark? {
        for mark in CellMark.allCases where text(of: token, is: mark.rawValue) || text(of: token, is: mark.chinese) { return mark }
        return nil
    }

    /// `AmountUnit.named(text(token)) != nil`, likewise.
    func isAmountUnit(_ token: Token) -> Bool {
        AmountUnit.allCases.contains { text(of: token, is: $0.rawValue) }
    }
}

enum TokenText {
    /// True when every scalar is ASCII or in U+4000–U+9FFF: such text is canonically equal to another
    /// only if their bytes are equal.
    static func hasSingleSpelling(_ bytes: ArraySlice<UInt8>) -> Bool {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            if byte < 0x80 { i += 1; continue }
            // A three-byte sequence led by E4–E9 encodes U+4000–U+9FFF (the text is valid UTF-8).
            guard byte >= 0xE4, byte <= 0xE9, i + 2 < bytes.endIndex else { return false }
            i += 3
        }
        return true
    }
}

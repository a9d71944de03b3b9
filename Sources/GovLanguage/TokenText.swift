#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        for spelling in TokenText.marks where spells(token, spelling.bytes) { return spelling.mark }
        guard !TokenText.hasSingleSpelling(source.bytes[token.start..<token.end]) else { return nil }
        return CellMark.allCases.first { text(of: token, is: $0.rawValue) || text(of: token, is: $0.chinese) }
    }

    /// Whether a word token is a cell's mark. `mutating` although it changes nothing, so that the parser is
    /// passed in place: asked of every selector from `parseCells`, a non-mutating method got a copy of the
    /// whole parser each time (a retain of each of its arrays; 2,700 copies in 300 scripts, callgrind).
    mutating func isMarkWord(_ token: Token) -> Bool {
        guard token.kind == .word else { return false }
        return cellMark(token) != nil
    }

    /// `AmountUnit.named(text(token)) != nil`, likewise.
    func isAmountUnit(_ token: Token) -> Bool {
        // A word that starts with an ASCII letter (a cell's name, asked after nearly every value) is no unit
        // in any spelling: a unit starts with an ideograph, and canonical equivalence keeps a first letter.
        if token.start < source.bytes.count, source.bytes[token.start] < 0x80 { return false }
        for unit in TokenText.units where spells(token, unit) { return true }
        guard !TokenText.hasSingleSpelling(source.bytes[token.start..<token.end]) else { return false }
        return AmountUnit.allCases.contains { text(of: token, is: $0.rawValue) }
    }

    /// Whether the token's bytes are exactly `spelling`'s. The marks and units are asked of nearly every
    /// value a cell statement states: compared through a slice of the source and the string's UTF-8 view,
    /// that was 640 instructions a question (callgrind); a length test and `memcmp`, a few dozen.
    private func spells(_ token: Token, _ spelling: [UInt8]) -> Bool {
        guard token.end - token.start == spelling.count else { return false }
        return source.bytes.withUnsafeBufferPointer { source in
            spelling.withUnsafeBufferPointer { spelling in
                guard let base = source.baseAddress, let word = spelling.baseAddress, token.start >= 0, token.end <= source.count else { return false }
                return memcmp(base + token.start, word, spelling.count) == 0
            }
        }
    }
}

enum TokenText {
    /// Each state a cell may be marked with, by each of its spellings' bytes.
    static let marks: [(mark: CellMark, bytes: [UInt8])] = CellMark.allCases.flatMap { [($0, Array($0.rawValue.utf8)), ($0, Array($0.chinese.utf8))] }
    /// Each amount unit's bytes.
    static let units: [[UInt8]] = AmountUnit.allCases.map { Array($0.rawValue.utf8) }

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

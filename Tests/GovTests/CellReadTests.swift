import Foundation
import Testing

@testable import GovLanguage
@testable import GovReport

/// The fast paths the rules read cells and words through answer exactly what the plain ones do.
@Suite struct CellReadTests {
    /// `isUnknown`, `statedRange` and `integer` read a field of the stored cell in place; they must agree
    /// with reading the whole cell, for every kind of cell and for an empty one.
    @Test func inPlaceReadsAgreeWithTheCell() {
        let range = SourceRange(file: FileID(0), start: 3, end: 5)
        let cells: [(CellID, Cell?)] = [
            (.application(.new, .person), Cell(value: .integer(7), origin: .stated(range))),
            (.application(.carried, .person), Cell(value: .integer(0), origin: .stated(range), mark: .unknown)),
            (.application(.total, .person), Cell(value: .integer(-2), origin: .derived("A3"))),
            (.application(.granted, .person), Cell(value: .integer(0), origin: .stated(range), mark: .blank)),
            (.disclosure(.fees, .amount), Cell(value: .amount(Decimal(string: "1.5") ?? 0, "1.5"), origin: .stated(range))),
            (.appeal(.review, .total), nil),
        ]
        var store = CellStore()
        for (id, cell) in cells { store[id] = cell }
        for (id, cell) in cells {
            #expect(store.isUnknown(id) == (cell?.isUnknown == true), "\(id)")
            #expect(store.statedRange(id) == cell?.statedRange, "\(id)")
            #expect(store.integer(id) == cell?.value.integer, "\(id)")
        }
    }

    /// `mentions` searches bytes with memchr and memcmp: the edges of that search, against `String`'s own.
    @Test(arguments: [
        ("存在的问题和不足", "不足", true),
        ("不足", "不足", true),
        ("不", "不足", false),
        ("", "不足", false),
        ("有待改进", "", true),
        ("不不不足", "不足", true),
        ("不不不", "不足", false),
        ("aab", "ab", true),
        ("abab", "bab", true),
        ("ab", "ba", false),
    ])
    func mentionsFindsWordsByTheirBytes(text: String, word: String, expected: Bool) {
        #expect(QualityChecker.mentions(text, word) == expected)
        #expect(QualityChecker.mentions(text, word) == (word.isEmpty || Array(text.utf8).firstRange(of: Array(word.utf8)) != nil))
    }

    /// The search keys on a word's third byte: words of one to four characters, ASCII and Chinese, that
    /// share bytes with the text at every offset, against a plain search of the bytes.
    @Test func mentionsAgreesWithAPlainSearchOnRandomText() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Character] = ["问", "题", "间", "a", "b", "不", "足", "\u{4E0D}", "é"]
        func random(_ length: Int) -> String { String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "a" }) }
        for _ in 0..<3_000 {
            let text = random(Int.random(in: 0...12, using: &generator)), word = random(Int.random(in: 1...4, using: &generator))
            let plain = Array(text.utf8).firstRange(of: Array(word.utf8)) != nil
            #expect(QualityChecker.mentions(text, word) == plain, "\(text) \(word)")
            // Any of several words: as asking for each.
            let other = random(Int.random(in: 1...3, using: &generator))
            #expect(QualityChecker.mentions(text, anyOf: [Array(word.utf8), Array(other.utf8)]) == (plain || QualityChecker.mentions(text, other)))
        }
        #expect(!QualityChecker.mentions("问题", anyOf: []))
    }
}

import Testing

@testable import GovLanguage
@testable import GovReport

/// The spelling index finds each spelling it was built from, with its value, and nothing else: not a
/// prefix, not a longer word, not a word that shares its bucket (length and first byte) and differs
/// after eight bytes or in its last.
struct SpellingIndexTests {
    @Test(arguments: [
        // (spellings, word, expected)
        ([("body", 0), ("机关", 1)], "body", 0 as Int?),
        ([("body", 0), ("机关", 1)], "机关", 1),
        ([("body", 0), ("机关", 1)], "bod", nil),
        ([("body", 0), ("机关", 1)], "bodyx", nil),
        ([("body", 0), ("机关", 1)], "", nil),
        ([("body", 0), ("机关", 1)], "机", nil),
        // The same bucket: only a full comparison tells them apart, before, at and after eight bytes.
        ([("abcXe", 0)], "abcYe", nil),
        ([("abcXe", 0), ("abcYe", 1)], "abcYe", 1),
        ([("abcdefghij", 0)], "abcdefghiJ", nil),
        ([("abcdefgh", 0)], "abcdefgH", nil),
        ([("申请人类别", 0), ("申请人类型", 1)], "申请人类型", 1),
        ([("申请人类别", 0)], "申请人类型", nil),
        // The first spelling given wins.
        ([("a", 1), ("a", 2)], "a", 1),
        ([("", 1), ("x", 2)], "x", 2),
    ] as [([(String, Int)], String, Int?)])
    func aWordIsFoundOnlyAsItWasSpelled(spellings: [(String, Int)], word: String, expected: Int?) {
        #expect(SpellingIndex(spellings).lookup(word) == expected)
        var bytes = Array(word.utf8)
        #expect(bytes.withUnsafeMutableBufferPointer { SpellingIndex(spellings).lookup(UnsafeBufferPointer($0)) } == expected)
    }

    /// Many spellings, most of them Chinese (so that they share lengths and first bytes): each is found
    /// with its own value, and each with its last character changed is not found.
    @Test func everySpellingOfALargeTableIsFoundAndNoOther() {
        let characters = Array("申请公开政府信息依法办结转下年度复议诉讼维持纠正其他自然人法人商业企业科研机构社会组织")
        var spellings: [(String, Int)] = []
        var seen = Set<String>()
        for a in characters.indices {
            for b in stride(from: a % 5, to: characters.count, by: 5) {
                let word = String([characters[a], characters[b], characters[(a + b) % characters.count]])
                if seen.insert(word).inserted { spellings.append((word, spellings.count)) }
            }
        }
        spellings += ["application", "granted", "not_held", "third_party", "proactive", "regulations"].map { ($0, spellings.count) }
        #expect(spellings.count > 200)
        let index = SpellingIndex(spellings)
        for (word, value) in spellings {
            #expect(index.lookup(word) == value, "\(word)")
            let changed = String(word.dropLast()) + "Ω"
            if !seen.contains(changed) { #expect(index.lookup(changed) == nil, "\(changed)") }
        }
    }

    /// Every keyword and every term, in English and in Chinese, through the tables the language uses.
    @Test func everyKeywordAndTermSpellingIsFound() {
        for keyword in Keyword.allCases {
            #expect(Keyword(spelling: keyword.english) == keyword)
            #expect(Keyword(spelling: keyword.chinese) == keyword)
        }
        for row in ApplicationRow.allCases {
            for spelling in row.spellings { #expect(ApplicationRow.named(spelling) == row, "\(spelling)") }
        }
        for item in DisclosureItem.allCases {
            for spelling in item.spellings { #expect(DisclosureItem.named(spelling) == item, "\(spelling)") }
        }
        for column in DisclosureColumn.allCases {
            for spelling in column.spellings { #expect(DisclosureColumn.named(spelling) == column, "\(spelling)") }
        }
    }
}

import Testing
@testable import GovLanguage

/// The did-you-mean distance stops measuring past a limit; it must agree with the full measure.
struct SuggestionTests {
    /// The full optimal-string-alignment table, written plainly (the reference the bounded one must match).
    static func reference(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }

    @Test(arguments: [
        ("new", "nwe", 1), ("channel", "chanel", 1), ("kitten", "sitting", 3), ("", "abc", 3), ("abc", "", 3),
        ("上年结转", "结转", 2), ("abcdef", "badcfe", 3), ("same", "same", 0),
    ])
    func knownDistances(a: String, b: String, expected: Int) {
        let (x, y) = (Array(a.unicodeScalars), Array(b.unicodeScalars))
        #expect(Suggestion.editDistance(x, y) == expected)
        #expect(Suggestion.editDistance(x, y, atMost: expected) == expected)
        if expected > 0 { #expect(Suggestion.editDistance(x, y, atMost: expected - 1) == nil) }
    }

    /// Pseudo-random short words over a small alphabet (so swaps and repeats are common), every limit.
    @Test func boundedAgreesWithTheFullTable() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let alphabet = Array("abc年报".unicodeScalars)
        for _ in 0..<2_000 {
            let a = (0..<next(8)).map { _ in alphabet[next(alphabet.count)] }
            let b = (0..<next(8)).map { _ in alphabet[next(alphabet.count)] }
            let full = Self.reference(a, b)
            for limit in 0...8 {
                #expect(Suggestion.editDistance(a, b, atMost: limit) == (full <= limit ? full : nil), "\(a) \(b) \(limit)")
            }
        }
    }

    @Test(arguments: [
        ("chanel", ["channel", "category", "body"], "channel"),
        ("yeer", ["year", "body", "title"], "year"),
        ("zzzzzz", ["channel", "year"], nil),
        ("bdoy", ["body", "bodies"], "body"),
    ] as [(String, [String], String?)])
    func closestSpelling(word: String, candidates: [String], expected: String?) {
        #expect(Suggestion.closest(to: word, among: candidates) == expected)
    }
}

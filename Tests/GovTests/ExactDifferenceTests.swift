import Foundation
import Testing

@testable import GovReport

/// The "相差" of a finding is exact, and never traps, whatever the two counts.
struct ExactDifferenceTests {
    @Test(arguments: [
        (5, 3, "2"), (3, 5, "-2"), (0, 0, "0"),
        (Int.max, -2, "9223372036854775809"),
        (Int.min, 1, "-9223372036854775809"),
        (Int.max, Int.min, "18446744073709551615"),
        (Int.min, Int.max, "-18446744073709551615"),
    ])
    func differenceText(a: Int, b: Int, expected: String) {
        #expect(ExactDifference.text(a, b) == expected)
    }

    /// The fuzzer's input, read as the fuzz target reads it (includes served the same bytes): it trapped
    /// on "相差" of a stated 9223372036854775807 against a negative sum.
    @Test func theFuzzersInputIsAFindingNotATrap() throws {
        let url = MalformedCorpusTests.root.appendingPathComponent("fuzz/difference-overflow.gov")
        let bytes = [UInt8](try Data(contentsOf: url))
        let loader = ScriptLoader(read: { path in
            guard path.hasPrefix("/fuzz/") else { throw ScriptLoader.ReadFailure.missing }
            return bytes
        })
        let evaluation = Evaluator.evaluate(path: "/fuzz/input.gov", loader: loader)
        #expect(evaluation.findings.contains { $0.arithmetic?.difference.count ?? 0 >= 19 }, "a difference of 19 or more digits")
    }
}

import Testing

@testable import GovCLI

/// The fast paths' reading of a command line: the plain shapes are read, everything else is left to
/// ArgumentParser (nil).
struct PlainArgumentsTests {
    static let options = ["-o": "output", "--output": "output", "--format": "format"]

    @Test(arguments: [
        (["a.gov"], ["a.gov"], [:]),
        (["a.gov", "b"], ["a.gov", "b"], [:]),
        (["a.gov", "-o", "x.html"], ["a.gov"], ["output": "x.html"]),
        (["--format", "json", "a.gov"], ["a.gov"], ["format": "json"]),
        (["--output", "x", "a.gov", "--format", "md"], ["a.gov"], ["output": "x", "format": "md"]),
        ([], [], [:]),
    ] as [([String], [String], [String: String])])
    func readsThePlainShape(arguments: [String], operands: [String], values: [String: String]) throws {
        let plain = try #require(PlainArguments(arguments[...], options: PlainArgumentsTests.options))
        #expect(plain.operands == operands)
        #expect(plain.values == values)
    }

    @Test(arguments: [
        ["a.gov", "-o"],                        // a missing value
        ["a.gov", "-o", "x", "--output", "y"],  // one option twice, in two spellings
        ["a.gov", "-o", "-"],                   // a value that starts with -
        ["a.gov", "--format", ""],              // an empty value
        ["--help"],                              // a flag the table does not know
        ["--format=json", "a.gov"],             // the one-word form
        ["--", "a.gov"],
        ["-x.gov"],                             // an operand that starts with -
        [""],                                   // an empty operand
    ])
    func leavesEverythingElseToArgumentParser(arguments: [String]) {
        #expect(PlainArguments(arguments[...], options: PlainArgumentsTests.options) == nil)
    }

    @Test func fastCheckAndFastRenderUseIt() {
        #expect(FastCheck(arguments: ["gov", "check", "a.gov", "--jobs", "2"])?.jobs == 2)
        #expect(FastCheck(arguments: ["gov", "check", "a.gov", "--jobs", "0"]) == nil)
        #expect(FastCheck(arguments: ["gov", "check", "a.gov", "--jobs", "256"])?.jobs == 256)
        #expect(FastCheck(arguments: ["gov", "check", "a.gov", "--jobs", "257"]) == nil)
        #expect(FastCheck(arguments: ["gov", "check", "--format", "yaml", "a.gov"]) == nil)
        #expect(FastCheck(arguments: ["gov", "check", "--jobs", "2"]) == nil)
        #expect(FastRender(arguments: ["gov", "render", "a.gov", "-o", "x.html"])?.request.output == "x.html")
        #expect(FastRender(arguments: ["gov", "render", "a.gov", "b.gov"]) == nil)
    }
}

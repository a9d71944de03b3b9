import Foundation
import Testing

/// `gov check PATH…` is read without ArgumentParser (FastCheck); the same request in a shape only
/// ArgumentParser takes (`--` before the paths, `--format=json`) must give the same bytes and status.
@Suite(.serialized)
struct FastCheckCLITests {
    let root = Paths.packageRoot

    @Test(arguments: [
        (["check", "examples/dayin-2020.gov"], ["check", "--", "examples/dayin-2020.gov"]),
        (["check", "examples/fictional-2021-errors.gov", "examples/series"], ["check", "--", "examples/fictional-2021-errors.gov", "examples/series"]),
        (["check", "--format", "json", "examples/series"], ["check", "--format=json", "examples/series"]),
        (["check", "--jobs", "1", "examples"], ["check", "--jobs=1", "examples"]),
        (["check", "examples/missing.gov"], ["check", "--", "examples/missing.gov"]),
    ])
    func sameAsArgumentParser(fast: [String], parsed: [String]) throws {
        let a = try runGov(fast, environment: ["NO_COLOR": "1"], currentDirectory: root)
        let b = try runGov(parsed, environment: ["NO_COLOR": "1"], currentDirectory: root)
        #expect(a.status == b.status)
        #expect(a.stdout == b.stdout)
        #expect(a.stderr == b.stderr)
    }
}

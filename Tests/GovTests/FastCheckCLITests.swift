import Foundation
import Testing

/// `gov check PATH…` and `gov render FILE [-o OUT]` are read without ArgumentParser (FastCheck,
/// FastRender); the same request in a shape only ArgumentParser takes (`--` before the paths,
/// `--format=json`) must give the same bytes, files and status.
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

    @Test(arguments: [
        (["render", "examples/dayin-2020.gov"], ["render", "--", "examples/dayin-2020.gov"]),
        (["render", "examples/fictional-2021-errors.gov"], ["render", "--", "examples/fictional-2021-errors.gov"]),
        (["render", "examples/dayin-2020.gov", "--format", "html"], ["render", "--format=html", "examples/dayin-2020.gov"]),
        (["render", "examples/missing.gov"], ["render", "--", "examples/missing.gov"]),
    ])
    func renderSameAsArgumentParser(fast: [String], parsed: [String]) throws {
        let a = try runGov(fast, environment: ["NO_COLOR": "1"], currentDirectory: root)
        let b = try runGov(parsed, environment: ["NO_COLOR": "1"], currentDirectory: root)
        #expect(a.status == b.status)
        #expect(a.stdout == b.stdout)
        #expect(a.stderr == b.stderr)
    }

    @Test func renderToAFileSameAsArgumentParser() throws {
        let directory = try makeTemporaryDirectory()
        let fast = directory.appendingPathComponent("fast.docx").path, parsed = directory.appendingPathComponent("parsed.docx").path
        let a = try runGov(["render", "examples/dayin-2020.gov", "-o", fast], currentDirectory: root)
        let b = try runGov(["render", "examples/dayin-2020.gov", "--output=\(parsed)"], currentDirectory: root)
        #expect(a.status == 0 && b.status == 0)
        #expect(FileManager.default.contents(atPath: fast) == FileManager.default.contents(atPath: parsed))
        #expect(FileManager.default.contents(atPath: fast)?.isEmpty == false)
    }
}

import Foundation
import Testing

/// Drives the real `gov` binary: exit statuses, stderr format, atomic output.
struct CLITests {
    let root = Paths.packageRoot

    @Test func versionAndHelp() throws {
        let version = try runGov(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let help = try runGov(["--help"])
        #expect(help.status == 0 && help.stdout.contains("check") && help.stdout.contains("render"))
    }

    @Test func checkingTheSeedPassesWithTwoLocatedWarnings() throws {
        let run = try runGov(["check", "examples/dayin-2020.gov"], currentDirectory: root)
        #expect(run.status == 0)
        #expect(run.stderr.contains("examples/dayin-2020.gov:11:7: warning[C3]: "))
        #expect(run.stderr.contains("examples/dayin-2020.gov:18:16: warning[C4]: "))
        #expect(run.stderr.contains("11 | parts 6\n   |       ^\n"))
        #expect(!run.stderr.contains("\u{1B}["), "no colour when stderr is not a terminal")
    }

    @Test func changingTheCarryOverBreaksRuleA1AtThatLine() throws {
        let directory = try temporaryDirectory()
        let seed = try String(contentsOf: root.appendingPathComponent("examples/dayin-2020.gov"), encoding: .utf8)
        let broken = seed.replacingOccurrences(of: "application carried 1", with: "application carried 2")
        let file = directory.appendingPathComponent("broken.gov")
        try broken.write(to: file, atomically: true, encoding: .utf8)
        let line = broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("application carried 2") }! + 1
        let run = try runGov(["check", file.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("broken.gov:\(line):41: error[A1]: "))
        #expect(run.stderr.contains("broken.gov:\(line):21: note: "))
    }

    @Test func exitStatuses() throws {
        #expect(try runGov(["check", "examples/fictional-2021.gov"], currentDirectory: root).status == 0)
        #expect(try runGov(["check", "examples/fictional-2021-errors.gov"], currentDirectory: root).status == 1)
        let missing = try runGov(["check", "no-such-file.gov"], currentDirectory: root)
        #expect(missing.status == 2 && missing.stderr.contains("no-such-file.gov"))
        #expect(try runGov(["frobnicate"]).status == 2)
        #expect(try runGov(["render"]).status == 2)
        #expect(try runGov(["render", "examples/fictional-2021.gov", "--format", "pdf"], currentDirectory: root).status == 2)
    }

    @Test func renderWritesAtomicallyAndNeverOverTheInput() throws {
        let directory = try temporaryDirectory()
        let script = directory.appendingPathComponent("r.gov")
        try FileManager.default.copyItem(at: root.appendingPathComponent("examples/fictional-2021.gov"), to: script)
        let output = directory.appendingPathComponent("r.txt")
        let run = try runGov(["render", script.path, "-o", output.path])
        #expect(run.status == 0 && run.stdout.isEmpty)
        let printed = try runGov(["render", script.path])
        #expect(try String(contentsOf: output, encoding: .utf8) == printed.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["r.gov", "r.txt"])

        let before = try Data(contentsOf: script)
        let refused = try runGov(["render", script.path, "-o", script.path])
        #expect(refused.status == 2)
        #expect(try Data(contentsOf: script) == before)
    }

    @Test func aReportWithErrorsIsNotRenderedUnlessAsked() throws {
        let refused = try runGov(["render", "examples/fictional-2021-errors.gov"], currentDirectory: root)
        #expect(refused.status == 1 && refused.stdout.isEmpty)
        let forced = try runGov(["render", "--allow-errors", "examples/fictional-2021-errors.gov"], currentDirectory: root)
        #expect(forced.status == 1 && forced.stdout.contains("青禾县示范局"))
    }

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gov-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

import Foundation
import Testing
import GovReport
import GovRender
import GovLanguage

/// Drives the real `gov` binary: exit statuses, stderr format, atomic output.
struct CLITests {
    let root = Paths.packageRoot

    /// Of several names equally close to a misspelt one, the hint names the same one on every run: the
    /// names were offered in a dictionary's order, which changes from process to process.
    @Test func aHintAmongEquallyCloseNamesIsTheSameOnEveryRun() throws {
        let directory = try makeTemporaryDirectory("gov-hint")
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("hint.gov")
        let lets = ["a66", "a3", "a36", "b1", "a60", "c7", "a6"].map { "let \($0) = 1\n" }.joined()
        // a63 is one step from a3, a36, a6, a60 and a66: in a table value (E032) and in text (E035).
        try Data((lets + "proactive regulations issued (a63 + 1)\ntext \"{a63}\"\n").utf8).write(to: script)
        var seen = Set<String>()
        for _ in 0..<6 { seen.insert(try runGov(["check", script.path]).stderr) }
        #expect(seen.count == 1)
        let stderr = seen.first ?? ""
        #expect(stderr.contains("E032") && stderr.contains("E035"), "\(stderr)")
        #expect(stderr.components(separatedBy: "是不是想写 “a3”").count == 3, "\(stderr)")
    }

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
        #expect(try runGov(["render", "examples/fictional-2021.gov", "--format", "odt"], currentDirectory: root).status == 2)
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

/// `gov render` in every format, batches and their outputs.
struct RenderCLITests {
    let root = Paths.packageRoot

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gov-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func theFormatFollowsTheOutputExtension() throws {
        let directory = try temporaryDirectory()
        for (ext, prefix) in [("html", Array("<!DOCTYPE html>".utf8)), ("docx", [0x50, 0x4B, 0x03, 0x04]), ("json", Array("{".utf8)), ("md", Array("# ".utf8))] {
            let output = directory.appendingPathComponent("out.\(ext)")
            let run = try runGov(["render", "examples/fictional-2021.gov", "-o", output.path], currentDirectory: root)
            #expect(run.status == 0, "\(ext): \(run.stderr)")
            let bytes = try [UInt8](Data(contentsOf: output))
            #expect(Array(bytes.prefix(prefix.count)) == prefix, "\(ext)")
        }
    }

    @Test func aBatchRendersEveryScriptAndAnIndex() throws {
        let directory = try temporaryDirectory()
        let run = try runGov(
            ["render", "examples/dayin-2020.gov", "examples/fictional-2021.gov", "examples/fictional-2021-errors.gov", "--format", "html", "--output-dir", directory.path],
            currentDirectory: root)
        #expect(run.status == 1, "the errors example fails the batch")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == ["index.html", "大隐镇人民政府-2020.html", "青禾县示范局（虚构）-2021.html"])
        let index = try String(contentsOf: directory.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("大隐镇2020年度政务公开工作年度报告") && index.contains("%E5%A4%A7"))
    }

    @Test func csvTablesWriteADirectory() throws {
        let directory = try temporaryDirectory().appendingPathComponent("tables")
        let run = try runGov(["render", "examples/dayin-2020.gov", "--format", "csv", "--csv-tables", "--bom", "-o", directory.path], currentDirectory: root)
        #expect(run.status == 0, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == ["appeals.csv", "applications.csv", "disclosure.csv", "local-1.csv"])
        let applications = try [UInt8](Data(contentsOf: directory.appendingPathComponent("applications.csv")))
        #expect(Array(applications.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test func wordIsNotWrittenToATerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            Issue.record("/usr/bin/script (util-linux) is needed to give gov a terminal")
            return
        }
        let command = "\(Paths.gov.path) render examples/fictional-2021.gov --format docx"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = root
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2, "\(text)")
        #expect(text.contains("-o FILE.docx"))
    }
}

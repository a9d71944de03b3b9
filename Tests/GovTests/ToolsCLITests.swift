import Foundation
import Testing
import GovReport
import GovRender
import GovLanguage

/// `gov new`, `gov sum` and `gov fmt` driven as a user would: files created, refused, rewritten.
struct ToolsCLITests {
    let root = Paths.packageRoot

    @Test func newFromTheExampleIsAcceptedAndNeverOverwrites() throws {
        let directory = try temporaryDirectory()
        let output = directory.appendingPathComponent("2022.gov")
        let example = root.appendingPathComponent("examples/fictional-2021.gov").path
        let created = try runGov(["new", "--from", example, "-o", output.path])
        #expect(created.status == 0 && created.stdout.isEmpty && created.stderr.isEmpty, "\(created.stderr)")
        let text = try String(contentsOf: output, encoding: .utf8)
        #expect(text.contains("previous \"") && text.contains("examples/fictional-2021.gov\""))

        let check = try runGov(["check", output.path])
        #expect(check.status == 0 && check.stderr.isEmpty, "\(check.stderr)")

        let again = try runGov(["new", "--year", "2022", "--body", "别的机关", "-o", output.path])
        #expect(again.status == 2 && again.stderr.contains("already exists"))
        #expect(try String(contentsOf: output, encoding: .utf8) == text, "left untouched")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["2022.gov"], "no temporary file left")
    }

    @Test func newWritesToStandardOutputAndExplainsWhatItNeeds() throws {
        let run = try runGov(["new", "--year", "2026", "--body", "青禾县示范局", "--keywords", "chinese"])
        #expect(run.status == 0 && run.stdout.hasPrefix("# 青禾县示范局2026年政府信息公开工作年度报告\n"))
        #expect(run.stdout.contains("\n机关 青禾县示范局\n年度 2026\n"))
        #expect(try runGov(["new", "--year", "2026"]).status == 2)
        #expect(try runGov(["new", "--year", "1900", "--body", "某局"]).status == 2)
        let errors = try runGov(["new", "--from", "examples/fictional-2021-errors.gov"], currentDirectory: root)
        #expect(errors.status == 1 && errors.stderr.contains("有 8 个错误") && errors.stdout.isEmpty)
    }

    @Test func sumWritesOnceAndReplacesOnlyWhenForced() throws {
        let directory = try temporaryDirectory()
        let output = directory.appendingPathComponent("county.gov")
        let inputs = ["examples/fictional-2021.gov", "examples/fictional-2021-culture.gov"]
        let run = try runGov(["sum"] + inputs + ["--body", "青禾县（虚构）", "-o", output.path], currentDirectory: root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try runGov(["check", output.path]).status == 0)
        let refused = try runGov(["sum"] + inputs + ["--body", "另一个", "-o", output.path], currentDirectory: root)
        #expect(refused.status == 2 && refused.stderr.contains("--force"))
        #expect(try String(contentsOf: output, encoding: .utf8).contains("body 青禾县（虚构）"))
        let forced = try runGov(["sum"] + inputs + ["--body", "另一个", "-o", output.path, "--force"], currentDirectory: root)
        let replaced = try String(contentsOf: output, encoding: .utf8)
        #expect(forced.status == 0 && replaced.contains("body 另一个"))
        let intoAnInput = try runGov(["sum"] + inputs + ["--body", "县", "-o", inputs[0]], currentDirectory: root)
        #expect(intoAnInput.status == 2)
    }

    @Test func sumRefusesMixedYearsAndBrokenInputs() throws {
        let mixed = try runGov(["sum", "examples/fictional-2021.gov", "examples/series/2022.gov", "--body", "县"], currentDirectory: root)
        #expect(mixed.status == 2 && mixed.stderr.contains("只能汇总同一年度的报告") && mixed.stdout.isEmpty)
        let broken = try runGov(["sum", "examples/fictional-2021-errors.gov", "--body", "县"], currentDirectory: root)
        #expect(broken.status == 1 && broken.stderr.contains("先改正再汇总"))
    }

    @Test func fmtCheckListsWithoutTouchingThenFormatRewrites() throws {
        let directory = try temporaryDirectory()
        let messy = directory.appendingPathComponent("messy.gov")
        let tidy = directory.appendingPathComponent("tidy.gov")
        try "year 2021\nbody  某局   # 机关\napplication new 3\napplication business new 12\n".write(to: messy, atomically: true, encoding: .utf8)
        try "body 某局\nyear 2021\n".write(to: tidy, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: messy)

        let check = try runGov(["fmt", "--check", directory.path])
        #expect(check.status == 1 && check.stdout == messy.path + "\n")
        #expect(try Data(contentsOf: messy) == before, "--check touches nothing")

        let format = try runGov(["fmt", directory.path])
        #expect(format.status == 0 && format.stdout == messy.path + "\n")
        #expect(try String(contentsOf: messy, encoding: .utf8) == "body 某局  # 机关\nyear 2021\n\napplication          new  3\napplication business new 12\n")
        #expect(try runGov(["fmt", "--check", directory.path]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["messy.gov", "tidy.gov"])
    }

    /// `gov fmt DIR` formats on every core (worker processes): what it lists, reports and writes is the same
    /// for any `--jobs`. Enough scripts that every worker gets some (`ProcessWorkers.chunk` a run).
    @Test func fmtPrintsAndWritesTheSameForAnyNumberOfJobs() throws {
        var files: [String: String] = [:]
        for number in 0..<60 {
            files[String(format: "%02d/a.gov", number)] = number % 3 == 0
                ? "body  局\(number)\nyear 2021\napplication new \(number) granted 1\n"
                : number % 7 == 0 ? "body 局\(number)\nchanel 微博 3\n" : "body 局\(number)\nyear 2021\n"
        }
        let one = try StreamingCheckTests.write(files)
        let many = try StreamingCheckTests.write(files)
        let checkOne = try runGov(["fmt", "--check", "--jobs", "1", one.path])
        let checkMany = try runGov(["fmt", "--check", "--jobs", "3", one.path])
        #expect(checkOne.status == 1 && checkOne.stdout.contains("/00/a.gov") && checkOne.stderr.contains("error[E010]"))
        #expect(checkMany.status == checkOne.status && checkMany.stdout == checkOne.stdout && checkMany.stderr == checkOne.stderr)
        let formatOne = try runGov(["fmt", "--jobs", "1", one.path])
        let formatMany = try runGov(["fmt", "--jobs", "2", many.path])
        let relative = { (text: String, root: URL) in text.replacingOccurrences(of: root.path, with: "ROOT") }
        #expect(formatOne.status == 1 && relative(formatOne.stdout, one) == relative(formatMany.stdout, many))
        #expect(relative(formatOne.stderr, one) == relative(formatMany.stderr, many) && formatMany.status == formatOne.status)
        for path in files.keys {
            let a = try String(contentsOf: one.appendingPathComponent(path), encoding: .utf8)
            #expect(a == (try String(contentsOf: many.appendingPathComponent(path), encoding: .utf8)), "\(path)")
        }
        #expect(try runGov(["fmt", "--check", "--jobs", "2", many.path]).stdout.isEmpty)
    }

    @Test func fmtLeavesAScriptWithSyntaxErrorsAlone() throws {
        let directory = try temporaryDirectory()
        let broken = directory.appendingPathComponent("broken.gov")
        let text = "body  某局\nchanel 微博 3\n"
        try text.write(to: broken, atomically: true, encoding: .utf8)
        let run = try runGov(["fmt", broken.path])
        #expect(run.status == 1 && run.stderr.contains("error[E010]"))
        #expect(try String(contentsOf: broken, encoding: .utf8) == text)
        #expect(try runGov(["fmt", directory.appendingPathComponent("none.gov").path]).status == 2)
    }

    @Test func fmtKeepsPermissions() throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("p.gov")
        try "year  2021\n".write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        #expect(try runGov(["fmt", file.path]).status == 0)
        let permissions = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
    }

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gov-tools-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

import Foundation
import Testing
import GovReport
import GovRender
import GovLanguage

/// The fictitious three-year series (examples/series: 2020 in the 2019 format, 2021 and 2022 in the 2021
/// format) checked by the real `gov` binary.
struct SeriesCLITests {
    let root = Paths.packageRoot

    @Test func theConsistentSeriesPasses() throws {
        let run = try runGov(["check", "examples/series"], currentDirectory: root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "gov check: 3 个文件，0 个错误，0 个警告\n")
    }

    @Test func theSeriesIsFoundWithoutPreviousStatementsToo() throws {
        let directory = try copyOfSeries { $0.replacingOccurrences(of: #"previous "2020.gov""#, with: "").replacingOccurrences(of: #"previous "2021.gov""#, with: "") }
        let run = try runGov(["check", directory.path])
        #expect(run.status == 0 && run.stderr.hasPrefix("gov check: 3 个文件，0 个错误，0 个警告"), "\(run.stderr)")
        // …and the pairs are really compared: break the 2022 carry-over.
        try edit(directory.appendingPathComponent("2022.gov")) { $0.replacingOccurrences(of: "application new 52 carried 3", with: "application new 53 carried 2") }
        let broken = try runGov(["check", directory.path])
        #expect(broken.status == 1 && broken.stderr.contains("error[D1]"))
    }

    @Test func aBrokenCarryOverIsAnErrorNamingBothFilesAndLines() throws {
        let directory = try copyOfSeries()
        let later = directory.appendingPathComponent("2022.gov")
        try edit(later) { $0.replacingOccurrences(of: "application new 52 carried 3", with: "application new 53 carried 2") }
        let line = try lineNumber(of: "application new 53 carried 2", in: later)
        let earlierLine = try lineNumber(of: "application overdue_correction 1 other 1", in: directory.appendingPathComponent("2021.gov"))

        // The later script alone: its `previous` brings in 2021.gov.
        let run = try runGov(["check", "2022.gov"], currentDirectory: directory)
        #expect(run.status == 1)
        #expect(run.stderr.contains("2022.gov:\(line):28: error[D1]: 不符合“上年结转等于上一年度报告的结转下年度继续办理”"), "\(run.stderr)")
        #expect(run.stderr.contains("按 2021 年报告（2021.gov）的结转下年度继续办理应为 3，相差 -1"))
        #expect(run.stderr.contains("2021.gov:\(earlierLine):40: note: 2021 年报告的「四、结转下年度继续办理 / 自然人」为 3"))

        let all = try runGov(["check", directory.path])
        #expect(all.status == 1 && all.stderr.contains("1 个错误") && all.stderr.contains("有错误：\(later.path)"))
    }

    @Test func effectiveCountBreaksAreWarnings() throws {
        let directory = try copyOfSeries()
        let later = directory.appendingPathComponent("2022.gov")
        try edit(later) {
            $0.replacingOccurrences(of: "proactive normative issued 15 repealed 5 effective 58", with: "proactive normative issued 15 repealed 5 effective 61")
                .replacingOccurrences(of: "proactive regulations issued 1 repealed 0 effective 4", with: "proactive regulations issued 1 repealed 0 effective 3")
        }
        let run = try runGov(["check", directory.path])
        #expect(run.status == 0, "warnings only")
        #expect(run.stderr.components(separatedBy: "warning[D4]").count - 1 == 2)
        #expect(run.stderr.hasSuffix("gov check: 3 个文件，0 个错误，2 个警告\n"))
    }

    @Test func jsonHasEveryFindingWithItsFile() throws {
        let directory = try copyOfSeries()
        try edit(directory.appendingPathComponent("2022.gov")) { $0.replacingOccurrences(of: "application new 52 carried 3", with: "application new 53 carried 2") }
        let run = try runGov(["check", "--format", "json", "series"], currentDirectory: directory.deletingLastPathComponent())
        #expect(run.status == 1 && run.stderr.isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Int])
        #expect(summary == ["files": 3, "errors": 1, "warnings": 0, "notes": 0])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let d1 = try #require(findings.first { $0["code"] as? String == "D1" })
        #expect(d1["file"] as? String == "series/2022.gov")
        let notes = try #require(d1["notes"] as? [[String: Any]])
        #expect((notes.first?["place"] as? [String: Any])?["path"] as? String == "series/2021.gov")
        #expect(run.stdout.contains("\"path\" : \"series/2020.gov\""), "slashes unescaped")
        let keys = run.stdout.split(separator: "\n").prefix(3).map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(keys[1].hasPrefix("\"files\""), "sorted keys: files, findings, summary")
    }

    @Test func aMissingPreviousScriptIsReported() throws {
        let directory = try copyOfSeries()
        try FileManager.default.removeItem(at: directory.appendingPathComponent("2021.gov"))
        let run = try runGov(["check", "2022.gov"], currentDirectory: directory)
        #expect(run.status == 2 && run.stderr.contains("error[E060]: 上年报告：无法读取"))
    }

    // MARK: - Helpers

    private func copyOfSeries(_ change: (String) -> String = { $0 }) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gov-series-\(UUID().uuidString)/series")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in ["2020.gov", "2021.gov", "2022.gov"] {
            let text = try String(contentsOf: root.appendingPathComponent("examples/series/\(name)"), encoding: .utf8)
            try change(text).write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory
    }

    private func edit(_ file: URL, _ change: (String) -> String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit applies")
        try changed.write(to: file, atomically: true, encoding: .utf8)
    }

    private func lineNumber(of prefix: String, in file: URL) throws -> Int {
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.hasPrefix(prefix) }) + 1
    }
}

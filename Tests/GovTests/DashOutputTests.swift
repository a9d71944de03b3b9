import Foundation
import Testing

/// `-o -` is standard output for every command that writes one file (it made a file named "-" for
/// `gov new`, `gov sum` and `gov import`).
struct DashOutputTests {
    @Test(arguments: [
        (["new", "--year", "2022", "--body", "甲局", "-o", "-"], "甲局"),
        (["sum", "SERIES/2021.gov", "--body", "合计", "-o", "-"], "合计"),
        (["import", "PUBLISHED", "-o", "-"], "body"),
        (["render", "SERIES/2021.gov", "-o", "-"], "年度报告"),
    ])
    func aDashIsStandardOutput(arguments: [String], printed: String) throws {
        let directory = try makeTemporaryDirectory("gov-dash")
        defer { try? FileManager.default.removeItem(at: directory) }
        let published = Paths.packageRoot.appendingPathComponent("Tests/GovTests/Fixtures/import/huaian-2024-page.html").path
        let resolved = arguments.map {
            $0.replacingOccurrences(of: "SERIES", with: Paths.examples.appendingPathComponent("series").path)
                .replacingOccurrences(of: "PUBLISHED", with: published)
        }
        let run = try runGov(resolved, currentDirectory: directory)
        #expect(run.status <= 1, "\(run.stderr)")
        #expect(run.stdout.contains(printed), "\(arguments[0])")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty, "no file named -")
    }
}

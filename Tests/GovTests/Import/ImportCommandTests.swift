import Foundation
import Gov
import GovImport
import Testing

/// `gov import` and `gov audit` as a user runs them: exit statuses, the summary on stderr, files never
/// overwritten; and `--interpolate`, which must not change a word of the rendered report.
@Suite struct ImportCommandTests {
    let reference = ImportRealReportTests.reference

    @Test func exitStatusesAndSummary() throws {
        let directory = try ImportRoundTripTests.temporaryDirectory()
        let complete = try runGov(["import", "\(reference)/gov-annual-reports/huaian_2024.pdf", "-o", directory.appendingPathComponent("huaian.gov").path])
        #expect(complete.status == 0)
        #expect(complete.stderr.contains("cells read 200, inferred 0, unknown 0; approximate labels 3"))
        let check = try runGov(["check", directory.appendingPathComponent("huaian.gov").path])
        #expect(check.status == 0, "\(check.stderr)")

        let partial = try runGov(["import", "\(reference)/reports/pingtan_2021.txt"])
        #expect(partial.status == 1)
        #expect(partial.stdout.hasPrefix("# 由 gov import 从 pingtan_2021.txt 导入"))
        #expect(partial.stderr.contains("unknown 3"))

        let again = try runGov(["import", "\(reference)/gov-annual-reports/huaian_2024.pdf", "-o", directory.appendingPathComponent("huaian.gov").path])
        #expect(again.status == 2 && again.stderr.contains("already exists"))

        let unreadable = directory.appendingPathComponent("cut.docx")
        try Data("PK\u{3}\u{4}".utf8).write(to: unreadable)
        let bad = try runGov(["import", unreadable.path])
        #expect(bad.status == 2 && bad.stderr.contains("cut.docx: "))
    }

    /// The "done when": `gov import 2025.docx -o 2025.gov && gov new --from 2025.gov -o 2026.gov`.
    @Test func clerkWorkflow() throws {
        let directory = try ImportRoundTripTests.temporaryDirectory()
        let docx = directory.appendingPathComponent("2025.docx")
        try Gov.render(Gov.evaluate(path: Paths.examples.appendingPathComponent("fictional-2021.gov").path), as: .docx).write(to: docx)
        let last = directory.appendingPathComponent("2025.gov").path
        let next = directory.appendingPathComponent("2026.gov").path
        #expect(try runGov(["import", docx.path, "-o", last]).status == 0)
        let new = try runGov(["new", "--from", last, "-o", next])
        #expect(new.status == 0, "\(new.stderr)")
        let check = try runGov(["check", next])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(try String(contentsOfFile: next, encoding: .utf8).contains("application person carried"))
    }

    @Test func auditPrintsItsRate() throws {
        let output = try ImportRoundTripTests.temporaryDirectory()
        let run = try runGov(["audit", "\(reference)/reports", "--output-dir", output.path])
        #expect(run.status == 1)   // 平潭 2020's A2
        #expect(run.stderr.contains("份报告") && run.stderr.contains("reports/s"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    @Test(arguments: ["gov-annual-reports/huaian_2024.pdf", "reports/pingtan_2021.txt", "000_be82d8d7c5ac33b5.txt"])
    func interpolationChangesNoWord(_ file: String) throws {
        let literal = try Importer.importFile(at: "\(reference)/\(file)")
        let interpolated = try Importer.importFile(at: "\(reference)/\(file)", interpolate: true)
        // 大隐镇 2020 quotes no table number in its text ("今年没有收到政府信息公开申请").
        #expect(interpolated.script.contains("{application.") == !file.hasPrefix("000_"))
        let a = Gov.evaluate(source: literal.script, path: "literal.gov")
        let b = Gov.evaluate(source: interpolated.script, path: "interpolated.gov")
        #expect(!b.hasErrors, "\(Gov.diagnostics(b))")
        #expect(Gov.text(a) == Gov.text(b))
    }
}

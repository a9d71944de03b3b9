import Foundation
import Gov
import GovImport
import Testing

/// `gov audit` over a folder of mixed reports: the summary page, the annotated pages, the CSV of every
/// finding and the chart, across years of one body.
@Suite struct AuditTests {
    @Test func auditsAFolderOfMixedReports() throws {
        let input = try ImportRoundTripTests.temporaryDirectory()
        let output = try ImportRoundTripTests.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: output)
        }
        for year in ["2019", "2020", "2021"] {
            try FileManager.default.copyItem(
                atPath: "\(ImportRealReportTests.reference)/reports/pingtan_\(year).txt", toPath: input.appendingPathComponent("pingtan_\(year).txt").path)
        }
        let example = Gov.evaluate(path: Paths.examples.appendingPathComponent("fictional-2021.gov").path)
        try Gov.render(example, as: .docx).write(to: input.appendingPathComponent("qinghe-2021.docx"))
        try Data("not a report".utf8).write(to: input.appendingPathComponent("broken.docx"))

        let result = try Audit.run([input.path], outputDirectory: output.path)
        #expect(result.entries.count == 5)
        #expect(result.entries.filter { $0.failure != nil }.map { ($0.source as NSString).lastPathComponent } == ["broken.docx"])
        let pingtan2020 = try #require(result.entries.first { $0.source.hasSuffix("pingtan_2020.txt") })
        #expect(pingtan2020.body == "平潭综合实验区" && pingtan2020.year == 2020)
        #expect(pingtan2020.findings.filter { $0.code == "A2" }.count == 2)   // the README's broken （七）总计
        let qinghe = try #require(result.entries.first { $0.source.hasSuffix("qinghe-2021.docx") })
        #expect(qinghe.errors == 0 && qinghe.unknownCells == 0)

        let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("A2 × 2"))
        #expect(index.contains("href=\"reports/pingtan_2020.html\""))
        #expect(index.contains("无法读取"))
        #expect(!index.contains("<script"))
        let page = try String(contentsOf: output.appendingPathComponent("reports/pingtan_2020.html"), encoding: .utf8)
        #expect(page.contains("A2"))
        let csv = try String(contentsOf: output.appendingPathComponent("findings.csv"), encoding: .utf8)
        #expect(csv.components(separatedBy: "\r\n").filter { $0.contains(",A2,error,") }.count == 2)
        #expect(csv.contains(",IMPORT,error,"))
        let svg = try String(contentsOf: output.appendingPathComponent("findings.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains(">A2</text>") && !svg.contains("<script"))
    }
}

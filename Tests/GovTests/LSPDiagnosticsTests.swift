import Foundation
import Testing

@testable import Gov
import GovLSP

/// The editor shows exactly what `gov check` says: same codes, messages, severities and ranges, and the
/// second places a finding names as related information — also across years, in last year's file.
@Suite struct LSPDiagnosticsTests {
    @Test func theErrorsExampleGivesGovChecksFindings() throws {
        let path = Paths.examples.appendingPathComponent("fictional-2021-errors.gov").path
        let published = try publishedDiagnostics(path: path)
        let expected = Gov.findingRecords(try #require(Gov.check(paths: [path]).scripts.first?.evaluation))
        try compare(published, expected, path: path)
        // A sum's parts are related information: the cells that went into the total.
        #expect(published.contains { $0["code"] == "A1" && ($0["relatedInformation"]?.array?.count ?? 0) >= 2 })
    }

    @Test func crossYearFindingsPointIntoLastYearsFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gov-lsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let series = Paths.examples.appendingPathComponent("series")
        try FileManager.default.copyItem(at: series.appendingPathComponent("2020.gov"), to: directory.appendingPathComponent("2020.gov"))
        // Last year carried 2 forward; this year says 5 were carried over: D1.
        let text = try String(contentsOf: series.appendingPathComponent("2021.gov"), encoding: .utf8)
            .replacingOccurrences(of: "application new 40 carried 2", with: "application new 40 carried 5")
            .replacingOccurrences(of: "assert application.forward == 3", with: "assert application.forward == 6")
        let path = directory.appendingPathComponent("2021.gov").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)

        let published = try publishedDiagnostics(path: path)
        let batch = Gov.check(paths: [path])
        let expected = FindingRecord.records(try #require(batch.scripts.first?.findings), sources: batch.sources)
        try compare(published, expected, path: path)
        let crossYear = try #require(published.first { $0["code"] == "D1" })
        let related = crossYear["relatedInformation"]?.array ?? []
        #expect(related.contains { $0["location"]?["uri"]?.string?.hasSuffix("/2020.gov") == true })
    }

    /// Opens the file's text in a real `gov lsp` and returns the first diagnostics published for it.
    private func publishedDiagnostics(path: String) throws -> [JSON] {
        let client = try LSPClient()
        _ = client.initialize()
        let uri = URL(fileURLWithPath: path).absoluteString
        let text = try String(contentsOfFile: path, encoding: .utf8)
        client.notify("textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": "gov", "version": 1, "text": .string(text)]])
        let diagnostics = try #require(client.diagnostics(uri))
        _ = client.request("shutdown")
        client.notify("exit", .null)
        _ = client.waitForExit()
        return diagnostics
    }

    /// Same findings in the same order; positions agree (lines 0-based, columns in UTF-16 units, which for
    /// these scripts' characters equal gov's columns in scalars).
    private func compare(_ published: [JSON], _ expected: [FindingRecord], path: String) throws {
        #expect(published.count == expected.count)
        #expect(!expected.isEmpty)
        for (diagnostic, record) in zip(published, expected) {
            #expect(diagnostic["code"]?.string == record.code)
            #expect(diagnostic["message"]?.string == record.message)
            let severity: Int = record.severity == "error" ? 1 : record.severity == "warning" ? 2 : 3
            #expect(diagnostic["severity"]?.int == severity)
            guard let place = record.place, place.path == path else { continue }
            if let start = diagnostic["range"]?["start"], let end = diagnostic["range"]?["end"] {
                #expect(start == .position(place.line - 1, place.column - 1), "\(record.code) \(record.message)")
                #expect(end == .position(place.endLine - 1, place.endColumn - 1), "\(record.code)")
            }
        }
    }
}

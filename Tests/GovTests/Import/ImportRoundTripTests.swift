import Foundation
import Gov
import GovImport
import GovReport
import Testing

/// Documents gov renders itself come back exactly: render .docx and .html, import, and the imported
/// script renders the same report (every heading, paragraph, table cell, header and sign-off).
@Suite struct ImportRoundTripTests {
    static let examples = ["fictional-2021", "fictional-2021-culture", "dayin-2020", "series/2020", "series/2022"]

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gov-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test(arguments: examples, [Gov.OutputFormat.docx, .html])
    func roundTrip(_ example: String, _ format: Gov.OutputFormat) throws {
        let original = Gov.evaluate(path: Paths.examples.appendingPathComponent("\(example).gov").path)
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("report.\(format.fileExtension)")
        try Gov.render(original, as: format).write(to: file)

        let imported = try Importer.importFile(at: file.path)
        #expect(imported.tally.unknown == 0 && imported.tally.inferred == 0 && imported.tally.missingCells == 0)
        let evaluation = Gov.evaluate(source: imported.script, path: "imported.gov")
        #expect(!evaluation.hasErrors, "\(Gov.diagnostics(evaluation))")
        #expect(Gov.text(evaluation) == Gov.text(original))
        // The channels the text lists are read back too, so even the C4 of the 大隐镇 example comes back.
        #expect(evaluation.findings.map(\.code) == original.findings.map(\.code))
    }
}

/// The official Word template (a third party's 2021 grid with merged cells), every value cell filled in
/// by the test with 1, 2, 3, … in reading order, imports cell for cell.
@Suite struct ImportTemplateTests {
    static let template = ImportRealReportTests.reference + "/gov-annual-reports/govnianbao_政务公开年报模版.docx"

    @Test func filledTemplate() throws {
        let (data, filled) = try TemplateFiller.fill(URL(fileURLWithPath: Self.template))
        #expect(filled == 10 + 25 * 7 + 15)
        let directory = try ImportRoundTripTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("filled.docx")
        try data.write(to: file)
        let report = try Importer.importFile(at: file.path).report
        #expect(report.edition == .y2021)
        #expect(report.cells(.regulations)?.printed == "1|2|3")
        #expect(report.cells(.normative)?.printed == "4|5|6")
        #expect(report.cells(.licensing)?.printed == "7")
        #expect(report.cells(.penalty)?.printed == "8")
        #expect(report.cells(.coercion)?.printed == "9")
        #expect(report.cells(.fees)?.printed == "10")
        var next = 11
        for row in ApplicationTableSpec.of(.y2021).rows {
            let expected = (next..<(next + 7)).map(String.init).joined(separator: "|")
            #expect(report.cells(row)?.printed == expected, "\(row)")
            next += 7
        }
        #expect(report.appealCells?.printed == (186...200).map(String.init).joined(separator: "|"))
        #expect(report.sections.map(\.kind) == OfficialSection.allCases.map { .official($0) })
    }

    @Test func emptyTemplateIsBlank() throws {
        let report = try Importer.importFile(at: Self.template).report
        #expect(report.cells(.granted)?.printed == "空|空|空|空|空|空|空")
        #expect(report.appealCells?.allSatisfy { $0.state == .blank } == true)
        #expect(report.tally.unknown == 0)
    }
}

/// A PDF gov's Word document becomes in LibreOffice, with blank cells: `-layout` text shows a row's numbers
/// without saying which columns are empty; the word positions (`-bbox-layout`) do. The report comes back
/// exactly, blanks where they were.
@Suite struct ImportPDFRoundTripTests {
    @Test(.enabled(if: DocumentToolTests.soffice != nil && DocumentToolTests.pdftotext != nil, "needs LibreOffice and pdftotext (.ci/run installs them)"))
    func blankCellsComeBackInTheirColumns() throws {
        let example = try String(contentsOf: Paths.examples.appendingPathComponent("fictional-2021.gov"), encoding: .utf8)
        let source = example + "\napplication research new blank\napplication research granted blank\napplication nonprofit granted blank\n"
        let original = Gov.evaluate(source: source, path: "blanks.gov")
        let directory = try ImportRoundTripTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let docx = directory.appendingPathComponent("blanks.docx")
        try Gov.render(original, as: .docx).write(to: docx)
        let converted = try DocumentToolTests.run(
            DocumentToolTests.soffice ?? "", ["--headless", "--convert-to", "pdf", "--outdir", directory.path, docx.path],
            environment: ["HOME": directory.path])
        #expect(converted.status == 0)

        let imported = try Importer.importFile(at: directory.appendingPathComponent("blanks.pdf").path)
        #expect(imported.report.cells(.new)?.printed == "40|3|空|0|1|0|44")
        #expect(imported.report.cells(.granted)?.printed == "18|2|空|空|0|0|20")
        #expect(imported.tally.unknown == 0 && imported.tally.approximateLabels == 0)
        let evaluation = Gov.evaluate(source: imported.script, path: "imported.gov")
        #expect(Gov.text(evaluation) == Gov.text(original))
    }

    /// Old Word files (.doc), which many offices still publish, go through LibreOffice to .docx.
    @Test(.enabled(if: DocumentToolTests.soffice != nil, "needs LibreOffice (.ci/run installs it)"))
    func oldWordDocument() throws {
        let original = Gov.evaluate(path: Paths.examples.appendingPathComponent("dayin-2020.gov").path)
        let directory = try ImportRoundTripTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let docx = directory.appendingPathComponent("dayin.docx")
        try Gov.render(original, as: .docx).write(to: docx)
        let converted = try DocumentToolTests.run(
            DocumentToolTests.soffice ?? "", ["--headless", "--convert-to", "doc", "--outdir", directory.path, docx.path],
            environment: ["HOME": directory.path])
        #expect(converted.status == 0)
        let imported = try Importer.importFile(at: directory.appendingPathComponent("dayin.doc").path)
        #expect(imported.tally.read == 198 && imported.tally.unknown == 0)
        #expect(Gov.text(Gov.evaluate(source: imported.script, path: "imported.gov")) == Gov.text(original))
    }
}

import Foundation
import Testing

@testable import Gov

/// `gov render --format pdf`: the converter is found or its absence explained, and the output is a PDF
/// written only when the conversion succeeded.
struct PDFOutputTests {
    @Test func withoutLibreOfficeTheErrorNamesThePackage() throws {
        let converter = PDFConverter(environment: ["PATH": "/nonexistent"])
        #expect(converter.converterPath() == nil)
        #expect(throws: PDFConverter.Failure.self) { try converter.convert(docx: Data("not used".utf8)) }
        #expect(PDFConverter.Failure.converterMissing.description.contains("libreoffice-writer-nogui"))

        let directory = try makeTemporaryDirectory("gov-pdf")
        let output = directory.appendingPathComponent("report.pdf")
        let run = try runGov(["render", "examples/fictional-2021.gov", "-o", output.path], environment: ["PATH": "/nonexistent", "GOV_SOFFICE": ""],
                             currentDirectory: Paths.packageRoot)
        #expect(run.status == 2)
        #expect(run.stderr.contains("libreoffice-writer-nogui"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path), "no file is written when there is no PDF")
    }

    @Test func aPDFIsNeverWrittenToATerminalAndTheFormatFollowsTheExtension() throws {
        #expect(Gov.OutputFormat(fileExtension: "pdf") == .pdf)
        #expect(Gov.OutputFormat.pdf.isBinary)
    }

    @Test(.enabled(if: PDFConverter().converterPath() != nil && DocumentToolTests.which("pdfinfo") != nil, "LibreOffice and poppler-utils are not installed; .ci/run installs them"))
    func theCommandWritesAPDF() throws {
        let directory = try makeTemporaryDirectory("gov-pdf")
        let output = directory.appendingPathComponent("报告.pdf")
        let run = try runGov(["render", "examples/fictional-2021.gov", "-o", output.path], currentDirectory: Paths.packageRoot)
        #expect(run.status == 0, "\(run.stderr)")
        let data = try Data(contentsOf: output)
        #expect(data.starts(with: Array("%PDF-".utf8)))
        // Four pages, as the template sets this report (table 2 alone on page 3).
        let pages = try DocumentToolTests.run(DocumentToolTests.which("pdfinfo") ?? "", [output.path]).output
        #expect(pages.contains("Pages:           4"), "\(pages)")
    }
}

import Foundation
import Gov
import GovImport
import Testing
import ZIPFoundation

/// Inputs that are not a readable report each end with one clear error (exit status 2), never a trap;
/// GBK pages and text are everyday input and import.
@Suite struct ImportBadInputTests {
    static let fixtures = Paths.packageRoot.appendingPathComponent("Tests/GovTests/Fixtures/import")

    func write(_ data: Data, _ name: String) throws -> (URL, URL) {
        let directory = try ImportRoundTripTests.temporaryDirectory()
        let file = directory.appendingPathComponent(name)
        try data.write(to: file)
        return (file, directory)
    }

    func error(_ data: Data, _ name: String) throws -> String {
        let (file, directory) = try write(data, name)
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            _ = try Importer.importFile(at: file.path)
            return "no error"
        } catch let error as ImportError {
            return error.message
        }
    }

    @Test func truncatedDocx() throws {
        let rendered = try Gov.render(Gov.evaluate(path: Paths.examples.appendingPathComponent("fictional-2021.gov").path), as: .docx)
        for length in [rendered.count / 2, rendered.count - 10, 100, 0] {
            let message = try error(rendered.prefix(length), "cut.docx")
            #expect(message.contains("截断") || message.contains("不是完整"), "\(length): \(message)")
        }
    }

    @Test func zipThatIsNotADocx() throws {
        let archive = try Archive(accessMode: .create)
        let text = Data("hello".utf8)
        try archive.addEntry(with: "hello.txt", type: .file, uncompressedSize: Int64(text.count)) { position, size in
            text.subdata(in: Int(position)..<(Int(position) + size))
        }
        let message = try error(try #require(archive.data), "notes.docx")
        #expect(message.contains("不是 Word .docx"))
    }

    /// A 70 MiB document.xml that deflates to a few hundred kilobytes ("zip bomb"): refused before it is
    /// inflated, with a reason, rather than read into memory.
    @Test func aDocxThatInflatesPastTheLimitIsRefused() throws {
        let archive = try Archive(accessMode: .create)
        let size = DocxReader.maximumDocumentBytes + (6 << 20)
        let chunk = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate) { position, length in
            chunk.prefix(length)
        }
        let data = try #require(archive.data)
        #expect(data.count < 1 << 20)
        #expect(try error(data, "bomb.docx").contains("解压后超过 64 MiB"))
    }

    @Test func htmlWithNoReport() throws {
        let page = "<html><head><meta charset=utf-8><title>首页</title></head><body><div class=nav>首页 政务公开</div><p>欢迎访问</p><table><tr><td>1</td></tr></table></body></html>"
        #expect(try error(Data(page.utf8), "index.html").contains("没有找到政府信息公开工作年度报告"))
        #expect(try error(Data(), "empty.html").contains("空"))
        // A page whose report is an attachment says so.
        let attached = "<html><body><h1>通知公告</h1><p>附件：<a href=\"/files/2021nb.pdf\">年报</a></p></body></html>"
        #expect(try error(Data(attached.utf8), "notice.html").contains("/files/2021nb.pdf"))
        #expect(try error(Data("<<<>>>&&&\u{0}\u{1}".utf8), "junk.html").contains("没有找到"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext"), "needs pdftotext (poppler-utils)"))
    func pdfWithNoTextLayer() throws {
        let message = try error(Self.emptyPDF(), "scan.pdf")
        #expect(message.contains("没有文字层"))
        #expect(try error(Data("not a pdf".utf8), "fake.pdf").contains("不是可读的 PDF"))
    }

    @Test func gbkPages() throws {
        for name in ["gbk-page.html", "gbk-undeclared.html"] {
            let result = try Importer.importFile(at: Self.fixtures.appendingPathComponent(name).path)
            #expect(result.report.body == "青禾县示范局（虚构）", "\(name)")
            #expect(result.report.cells(.new)?.printed == "40|3|0|0|1|0|44", "\(name)")
            #expect(result.tally.unknown == 0, "\(name)")
        }
        let text = try Importer.importFile(at: Self.fixtures.appendingPathComponent("gbk-archive.txt").path)
        #expect(text.report.cells(.new)?.printed == "64|0|0|2|0|4|70")
    }

    @Test func unsupportedAndMissing() throws {
        #expect(try error(Data("x".utf8), "report.doc").contains(".docx") || DocumentToolTests.soffice != nil)
        #expect(try error(Data("x".utf8), "report.xls").contains("不支持"))
        #expect(throws: ImportError.self) { try Importer.importFile(at: "/nonexistent/report.txt") }
    }

    /// A valid one-page PDF with nothing on the page: what a scan without OCR looks like to pdftotext.
    static func emptyPDF() -> Data {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            "<< /Length 0 >>\nstream\n\nendstream",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(format: "%010d 00000 n \n", offset) }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(pdf.utf8)
    }
}

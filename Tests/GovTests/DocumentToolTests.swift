import Foundation
import Testing
import GovReport
import GovRender
import GovLanguage

@testable import Gov

/// Opens the outputs in the real programs people use: the .docx in LibreOffice (converted to PDF, then read
/// back as text), and the HTML page in headless Chromium, where a script measures the laid-out tables to
/// prove the merged cells span exactly the rows and columns of the official format. Each test needs its
/// program (installed by .ci/run) and says so when it is missing.
struct DocumentToolTests {
    static func which(_ name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") + ["/usr/bin", "/usr/local/bin"]
        return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let soffice = which("soffice")
    static let pdftotext = which("pdftotext")
    static let chromium = which("chromium") ?? which("chromium-browser")

    static func run(_ tool: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gov-tools-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(.enabled(if: soffice != nil && pdftotext != nil, "LibreOffice (soffice) and pdftotext are not installed; .ci/run installs them"))
    func libreOfficeOpensTheWordDocument() throws {
        let directory = try DocumentToolTests.temporaryDirectory()
        let docx = directory.appendingPathComponent("dayin.docx")
        try Gov.render(GoldenTests.evaluateExample("dayin-2020.gov"), as: .docx).write(to: docx)
        let converted = try DocumentToolTests.run(
            DocumentToolTests.soffice ?? "", ["--headless", "--convert-to", "pdf", "--outdir", directory.path, docx.path],
            environment: ["HOME": directory.path])
        #expect(converted.status == 0)
        let pdf = directory.appendingPathComponent("dayin.pdf")
        #expect(FileManager.default.fileExists(atPath: pdf.path), "LibreOffice produced no PDF")
        let text = try DocumentToolTests.run(DocumentToolTests.pdftotext ?? "", [pdf.path, "-"]).output
        // pdftotext puts spaces between Chinese and digits and breaks lines: compare without whitespace.
        let compact = String(text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init))
        for expected in ["大隐镇2020年度政务公开工作年度报告", "一、总体情况", "四、收到和处理政府信息公开申请情况", "二、上年结转政府信息公开申请数量", "政府集中采购", "514.4", "大隐镇人民政府"] {
            #expect(compact.contains(expected), "the PDF lacks \(expected)")
        }
        let pages = text.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.count
        #expect(pages >= 4, "expected a multi-page report, got \(pages) pages")
        #expect(compact.contains("—1—") && compact.contains("—\(pages)—"), "page numbers at the foot of every page")
    }

    /// Measured in the browser: each merged cell's box must start and end with the rows or columns it spans.
    static let geometryScript = """
        <script>
        (function () {
          function box(el) { return el ? el.getBoundingClientRect() : null; }
          function th(text) { return Array.from(document.querySelectorAll('th')).find(function (e) { return e.textContent === text; }); }
          function cell(id) { return document.getElementById(id); }
          function near(a, b) { return Math.abs(a - b) < 1.5; }
          var checks = [];
          function spans(name, el, first, last, vertical) {
            var a = box(el), f = box(first), l = box(last);
            var ok = !!(a && f && l) && (vertical ? near(a.top, f.top) && near(a.bottom, l.bottom) : near(a.left, f.left) && near(a.right, l.right));
            checks.push({ name: name, ok: ok });
          }
          spans('三、本年度办理结果 spans 予以公开…总计', th('三、本年度办理结果'), cell('cell-application-granted-person'), cell('cell-application-total-person'), true);
          spans('（三）不予公开 spans its 8 rows', th('（三）不予公开'), cell('cell-application-secret-person'), cell('cell-application-inquiry-person'), true);
          spans('（五）不予处理 spans its 5 rows', th('（五）不予处理'), cell('cell-application-petition-person'), cell('cell-application-reconfirm-person'), true);
          spans('申请人情况 spans the 7 columns', th('申请人情况'), cell('cell-application-new-person'), cell('cell-application-new-all'), false);
          spans('法人或其他组织 spans 5 columns', th('法人或其他组织'), cell('cell-application-new-business'), cell('cell-application-new-other_org'), false);
          spans('行政复议 spans 5 columns', th('行政复议'), cell('cell-review-upheld'), cell('cell-review-total'), false);
          spans('行政诉讼 spans 10 columns', th('行政诉讼'), cell('cell-lawsuit-direct-upheld'), cell('cell-lawsuit-after_review-total'), false);
          spans('复议后起诉 spans 5 columns', th('复议后起诉'), cell('cell-lawsuit-after_review-upheld'), cell('cell-lawsuit-after_review-total'), false);
          var rows = document.querySelectorAll('#table-applications tbody tr').length;
          checks.push({ name: '23 data rows (2019 format)', ok: rows === 23 });
          var pre = document.createElement('pre');
          pre.id = 'gov-check';
          pre.textContent = JSON.stringify(checks);
          document.body.appendChild(pre);
        })();
        </script>
        """

    @Test(.enabled(if: chromium != nil, "Chromium is not installed; .ci/run installs it"))
    func chromiumLaysTheTablesOutAsTheFormat() throws {
        let directory = try DocumentToolTests.temporaryDirectory()
        let page = directory.appendingPathComponent("dayin.html")
        let html = String(decoding: try Gov.render(GoldenTests.evaluateExample("dayin-2020.gov"), as: .html), as: UTF8.self)
        try html.replacingOccurrences(of: "</body>", with: DocumentToolTests.geometryScript + "\n</body>").write(to: page, atomically: true, encoding: .utf8)
        let dom = try DocumentToolTests.run(
            DocumentToolTests.chromium ?? "",
            ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1200,2000", "--dump-dom", page.absoluteString],
            environment: ["HOME": directory.path]).output
        guard let start = dom.range(of: "<pre id=\"gov-check\">"), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else {
            Issue.record("the check script did not run: \(dom.prefix(300))")
            return
        }
        let json = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&quot;", with: "\"")
        let checks = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] ?? []
        #expect(checks.count == 9)
        for check in checks { #expect(check["ok"] as? Bool == true, "\(check["name"] ?? "?")") }
    }
}

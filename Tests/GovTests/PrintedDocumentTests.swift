import Foundation
import Testing

@testable import Gov
@testable import GovRender

/// The documents an office files, checked page by page in the programs that print them: the Word document
/// converted by LibreOffice (through `gov`'s own PDF path) and the HTML page printed to A4 by Chromium,
/// both read back with poppler. A few pages are kept as PNGs under `.build/page-images/` for people to look at.
struct PrintedDocumentTests {
    static let examples = ["fictional-2021.gov", "dayin-2020.gov", "fictional-2021-culture.gov", "fictional-2021-errors.gov"]
    static let haveLibreOffice = PDFConverter().converterPath() != nil && PrintedPages.pdftotext != nil && PrintedPages.pdftoppm != nil
    static let haveChromium = DocumentToolTests.chromium != nil && PrintedPages.pdftotext != nil && PrintedPages.pdftoppm != nil

    static func document(_ example: String) -> Document {
        LayoutBuilder.document(for: GoldenTests.evaluateExample(example).report)
    }

    static func write(_ data: Data, _ name: String) throws -> URL {
        let url = try DocumentToolTests.temporaryDirectory().appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    // MARK: - Word through LibreOffice

    @Test(.enabled(if: haveLibreOffice, "LibreOffice and poppler-utils are not installed; .ci/run installs them"), arguments: examples)
    func wordPagesAsTheTemplate(example: String) throws {
        let pdf = try PrintedDocumentTests.write(try Gov.render(GoldenTests.evaluateExample(example), as: .pdf), "report.pdf")
        let printed = PrintedPages(pdf: pdf)
        let pages = try printed.pages()
        let document = PrintedDocumentTests.document(example)
        #expect(pages.count >= 2)
        for problem in PrintedDocumentTests.headingsEndingPages(pages, document) { Issue.record("Word → PDF: \(problem)") }
        for problem in PrintedDocumentTests.tablesWithoutHeadings(pages, document) { Issue.record("Word → PDF: \(problem)") }
        // No half-empty pages: every page but the last is at least a quarter full.
        let ink = try printed.ink()
        #expect(ink.count == pages.count)
        for (index, page) in ink.enumerated().dropLast() {
            #expect((page?.fullness ?? 0) >= 0.25, "Word → PDF: page \(index + 1) is only \(Int((page?.fullness ?? 0) * 100))% full")
        }
        let fonts = try DocumentToolTests.run(DocumentToolTests.which("pdffonts") ?? "", [pdf.path]).output
        let rows = fonts.split(separator: "\n").dropFirst(2)
        #expect(!rows.isEmpty)
        for row in rows {
            // name type encoding emb sub uni object ID: "emb" is the fourth field from the end but three.
            let fields = row.split(separator: " ")
            #expect(fields.count >= 7 && fields[fields.count - 5] == "yes", "a font is not embedded: \(row)")
        }
        if example == "fictional-2021.gov" {
            printed.keepImages(named: "word-fictional-2021", pages: Array(1...min(3, pages.count)))
            // Table 2 on one page, as the template prints it: its first and last rows and its headings together.
            let compact = pages.map(PrintedPages.compact)
            let first = compact.indices.filter { compact[$0].contains("一、本年新收政府信息公开申请数量") }
            let last = compact.indices.filter { compact[$0].contains("四、结转下年度继续办理") }
            #expect(first.count == 1 && first == last, "table 2 runs over pages \(first) to \(last)")
            #expect(first.first.map { compact[$0].contains("申请人情况") } == true)
            // 28 characters a line: the introduction's full lines hold 28 Chinese characters (or their
            // width, digits counting half).
            let intro = pages[0].split(separator: "\n").map(String.init).filter { $0.contains("政府信息公开申请情况、政府信息公开行") }
            #expect(intro.count == 1 && intro.first.map { DisplayWidthForTest.of(PrintedPages.compact($0)) } == 56, "\(intro)")
        }
        if example == "dayin-2020.gov" { printed.keepImages(named: "word-dayin-2020", pages: Array(1...min(6, pages.count))) }
    }

    // MARK: - HTML through Chromium

    @Test(.enabled(if: haveChromium, "Chromium and poppler-utils are not installed; .ci/run installs them"), arguments: examples)
    func htmlPrintsOnA4(example: String) throws {
        let directory = try DocumentToolTests.temporaryDirectory()
        let page = directory.appendingPathComponent("report.html")
        try Gov.render(GoldenTests.evaluateExample(example), as: .html).write(to: page)
        let pdf = directory.appendingPathComponent("report.pdf")
        _ = try DocumentToolTests.run(
            DocumentToolTests.chromium ?? "",
            ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString],
            environment: ["HOME": directory.path])
        let printed = PrintedPages(pdf: pdf)
        let pages = try printed.pages()
        let ink = try printed.ink()
        #expect(pages.count >= 2 && ink.count >= pages.count, "\(pages.count) pages of text, \(ink.count) pages of ink")
        let contentRight = PrintedPages.pageWidth - PrintedPages.marginRight
        for (index, page) in ink.enumerated() {
            guard let page else {
                Issue.record("page \(index + 1) is blank")
                continue
            }
            // Nothing — no table border — beyond the text block: a table wider than the page would run
            // into the right margin, where Chromium does not clip it.
            #expect(page.right <= contentRight + 0.6 && page.left >= PrintedPages.marginLeft - 0.6,
                    "page \(index + 1): ink from \(page.left) to \(page.right) mm; the text block is \(PrintedPages.marginLeft)–\(contentRight) mm")
            if index < ink.count - 1 {
                #expect(page.fullness >= 0.25, "page \(index + 1) is only \(Int(page.fullness * 100))% full")
            }
        }
        // Chromium clips what overflows the text block at its edge, so the ink alone cannot show a table
        // too wide: measure the tables themselves, laid out with the print rules in a window as wide as the
        // 156 mm text block.
        for table in try PrintedDocumentTests.tableWidths(html: String(decoding: try Data(contentsOf: page), as: UTF8.self), in: directory) {
            #expect(table.width <= table.page + 0.5, "\(table.id) is \(table.width) px wide in print; the text block is \(table.page) px")
        }
        let document = PrintedDocumentTests.document(example)
        for problem in PrintedDocumentTests.headingsEndingPages(pages, document) { Issue.record("HTML → PDF: \(problem)") }
        for problem in PrintedDocumentTests.tablesWithoutHeadings(pages, document) { Issue.record("HTML → PDF: \(problem)") }
        // The sign-off is right-aligned: its lines end together, in the right half of the page.
        if document.signoff.count == 2 {
            let lines = try printed.lines(page: pages.count)
            let signoff = document.signoff.map { line in lines.first { PrintedPages.compact($0.text) == PrintedPages.compact(line) } }
            if let body = signoff[0], let date = signoff[1] {
                #expect(abs(body.right - date.right) < 1.5, "sign-off lines end at \(body.right) and \(date.right) mm")
                #expect(date.left > PrintedPages.pageWidth / 2 && body.left > PrintedPages.marginLeft + 10, "sign-off starts at \(body.left) and \(date.left) mm")
                #expect(body.right > contentRight - 30 && body.right <= contentRight + 0.6)
            } else {
                Issue.record("the sign-off is not on the last page: \(document.signoff)")
            }
        }
        if example == "fictional-2021.gov" { printed.keepImages(named: "html-fictional-2021", pages: Array(1...min(4, pages.count))) }
    }

    /// Each table's width in CSS pixels with the print rules applied, and the width of the text block.
    static func tableWidths(html: String, in directory: URL) throws -> [(id: String, width: Double, page: Double)] {
        let textBlock = Int(((PrintedPages.pageWidth - PrintedPages.marginLeft - PrintedPages.marginRight) / 25.4 * 96).rounded())
        let script = """
            <script>
            window.addEventListener('load', function () {
              var out = [];
              document.querySelectorAll('table').forEach(function (t) {
                out.push({ id: t.id, width: t.getBoundingClientRect().width, page: document.documentElement.clientWidth });
              });
              var pre = document.createElement('pre');
              pre.id = 'gov-widths';
              pre.textContent = JSON.stringify(out);
              document.body.appendChild(pre);
            });
            </script>
            """
        let printed = html.replacingOccurrences(of: "@media print {", with: "@media all {").replacingOccurrences(of: "</body>", with: script + "</body>")
        let page = directory.appendingPathComponent("widths.html")
        try printed.write(to: page, atomically: true, encoding: .utf8)
        let dom = try DocumentToolTests.run(
            DocumentToolTests.chromium ?? "",
            ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=\(textBlock),1200", "--dump-dom", page.absoluteString],
            environment: ["HOME": directory.path]).output
        guard let start = dom.range(of: "<pre id=\"gov-widths\">"), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else {
            Issue.record("the measuring script did not run")
            return []
        }
        let json = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&quot;", with: "\"")
        let tables = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] ?? []
        #expect(!tables.isEmpty)
        return tables.map { ($0["id"] as? String ?? "?", $0["width"] as? Double ?? 0, $0["page"] as? Double ?? 0) }
    }

    // MARK: - Page checks shared by both

    /// Pages whose last line of text is a heading, or the start of one (the page number aside).
    static func headingsEndingPages(_ pages: [String], _ document: Document) -> [String] {
        let headings = document.blocks.compactMap { block -> String? in
            if case .heading(_, let text) = block { return PrintedPages.compact(text) }
            return nil
        }
        var problems: [String] = []
        for (index, page) in pages.enumerated().dropLast() {
            let lines = page.split(separator: "\n").map { PrintedPages.compact(String($0)) }.filter { !$0.isEmpty && !isPageNumber($0) }
            guard let last = lines.last else { continue }
            if headings.contains(where: { $0 == last || ($0.hasPrefix(last) && last.count >= 2) }) {
                problems.append("page \(index + 1) ends with the heading \(last)")
            }
        }
        return problems
    }

    static func isPageNumber(_ line: String) -> Bool {
        line.hasPrefix("—") && line.hasSuffix("—") && line.dropFirst().dropLast().allSatisfy(\.isNumber)
    }

    /// Each page that holds rows of a table must hold its headings too (repeated heading rows). A page
    /// holds a row of a table when a line starts with one of its row labels followed only by numbers (or,
    /// for table 3, which has no labels, is its fifteen numbers).
    static func tablesWithoutHeadings(_ pages: [String], _ document: Document) -> [String] {
        var problems: [String] = []
        // Headings that the report's own text also says (行政诉讼) cannot show where a table is.
        let prose = document.blocks.map { block -> String in
            switch block {
            case .heading(_, let text), .paragraph(let text): return PrintedPages.compact(text)
            case .leadParagraph(let lead, let text): return PrintedPages.compact(lead + text)
            case .table: return ""
            }
        }.joined(separator: "|")
        for case .table(let table) in document.blocks {
            guard let heading = widestHeading(table, unlike: prose) else { continue }
            let labels = Set(table.rows.flatMap { $0.filter { $0.role == .label && $0.rowSpan == 1 }.map { PrintedPages.compact($0.text) } })
                .filter { $0.count >= 2 }
            for (index, page) in pages.enumerated() {
                let lines = page.split(separator: "\n").map(String.init)
                let holdsRow = lines.contains { line in
                    let compact = PrintedPages.compact(line)
                    if table.stubColumns == 0 {
                        let fields = line.split(separator: " ")
                        return fields.count == table.columnCount && fields.allSatisfy { $0.allSatisfy { "0123456789.-".contains($0) } }
                    }
                    return labels.contains { label in
                        compact.hasPrefix(label) && compact.count > label.count
                            && compact.dropFirst(label.count).allSatisfy { "0123456789.-".contains($0) }
                    }
                }
                let holdsHeading = PrintedPages.compact(page).contains(heading)
                if holdsRow, !holdsHeading {
                    problems.append("page \(index + 1) holds rows of \(table.id) without its heading \(heading)")
                }
                // The other way round: a page that holds only a table's heading rows (an official table's
                // heading is no phrase of the report's own text).
                if holdsHeading, !holdsRow, table.headerRows > 0, !table.id.isLocal {
                    problems.append("page \(index + 1) holds the heading \(heading) of \(table.id) but none of its rows")
                }
            }
        }
        return problems
    }

    /// The heading that names a table's columns most broadly and prints on one line: its widest heading
    /// cell (申请人情况, 未经复议直接起诉), or the heading row under the first band (信息内容), among those
    /// the report's text does not also say.
    static func widestHeading(_ table: LayoutTable, unlike prose: String) -> String? {
        var rows = Array(table.rows.prefix(table.headerRows))
        if rows.isEmpty, let band = table.rows.firstIndex(where: { $0.count > 1 && $0.allSatisfy { $0.role == .header } }) { rows = [table.rows[band]] }
        let cells = rows.joined().filter { $0.role == .header && !$0.text.isEmpty && $0.rowSpan < 3 && !prose.contains(PrintedPages.compact($0.text)) }
        return cells.max { $0.colSpan < $1.colSpan }.map { PrintedPages.compact($0.text) }
    }
}

/// Display width of a compact line: Chinese characters two columns, ASCII one.
enum DisplayWidthForTest {
    static func of(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 1 : 2) } }
}

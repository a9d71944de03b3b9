import Foundation

@testable import Gov

/// A printed PDF read back page by page with poppler: the text of each page (`pdftotext -layout`, pages
/// split at form feeds), each page as a grey-scale raster (`pdftoppm -gray`, a binary PGM) to measure where
/// ink falls, and the text lines of a page with their boxes (`pdftotext -bbox-layout`).
struct PrintedPages {
    static let pdftotext = DocumentToolTests.which("pdftotext")
    static let pdftoppm = DocumentToolTests.which("pdftoppm")

    /// A4 and the 公文 margins, in millimetres.
    static let pageWidth = 210.0, pageHeight = 297.0
    static let marginTop = 37.0, marginBottom = 35.0, marginLeft = 28.0, marginRight = 26.0

    let pdf: URL

    /// Each page's text, lines as laid out.
    func pages() throws -> [String] {
        let text = try DocumentToolTests.run(PrintedPages.pdftotext ?? "", ["-layout", pdf.path, "-"]).output
        var pages = text.components(separatedBy: "\u{0C}")
        while let last = pages.last, last.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { pages.removeLast() }
        return pages
    }

    /// Where the ink of one page lies above its footer, in millimetres from the page's top-left corner.
    struct Ink {
        var left: Double, right: Double, top: Double, bottom: Double
        /// How much of the text block's height is used, 0…1.
        var fullness: Double {
            (bottom - PrintedPages.marginTop) / (PrintedPages.pageHeight - PrintedPages.marginTop - PrintedPages.marginBottom)
        }
    }

    static let resolution = 72.0

    /// The ink of every page (nil for a blank page).
    func ink() throws -> [Ink?] {
        let directory = try DocumentToolTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try DocumentToolTests.run(PrintedPages.pdftoppm ?? "", ["-gray", "-r", "\(Int(PrintedPages.resolution))", pdf.path, directory.appendingPathComponent("p").path])
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".pgm") }.sorted {
            $0.count == $1.count ? $0 < $1 : $0.count < $1.count
        }
        return try files.map { try PrintedPages.ink(of: Data(contentsOf: directory.appendingPathComponent($0))) }
    }

    /// Reads a binary PGM ("P5 width height 255" then one byte a pixel) and finds its dark pixels.
    static func ink(of pgm: Data) -> Ink? {
        let bytes = [UInt8](pgm)
        var fields: [Int] = []
        var index = 2
        while fields.count < 3, index < bytes.count {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 { index += 1 }
            var value = 0
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
            }
            fields.append(value)
        }
        index += 1
        guard fields.count == 3, bytes.starts(with: Array("P5".utf8)) else { return nil }
        let (width, height) = (fields[0], fields[1])
        guard width > 0, height > 0, bytes.count >= index + width * height else { return nil }
        var (left, right, top, bottom) = (width, -1, height, -1)
        // The footer (Word's page number, 3 mm below the text block and lower) is not the page's content.
        let footer = min(height, Int((pageHeight - marginBottom + 3) / 25.4 * resolution))
        for y in 0..<footer {
            let row = index + y * width
            for x in 0..<width where bytes[row + x] < 128 {
                left = min(left, x)
                right = max(right, x)
                top = min(top, y)
                bottom = max(bottom, y)
            }
        }
        guard right >= 0 else { return nil }
        let mm = 25.4 / resolution
        return Ink(left: Double(left) * mm, right: Double(right + 1) * mm, top: Double(top) * mm, bottom: Double(bottom + 1) * mm)
    }

    /// The text lines of one page (1-based) with their horizontal extent in millimetres.
    func lines(page: Int) throws -> [(text: String, left: Double, right: Double)] {
        let xml = try DocumentToolTests.run(PrintedPages.pdftotext ?? "", ["-bbox-layout", "-f", "\(page)", "-l", "\(page)", pdf.path, "-"]).output
        var lines: [(String, Double, Double)] = []
        let mm = 25.4 / 72
        for chunk in xml.components(separatedBy: "<line ").dropFirst() {
            guard let end = chunk.range(of: "</line>") else { continue }
            let body = chunk[..<end.lowerBound]
            func attribute(_ name: String) -> Double? {
                guard let start = body.range(of: "\(name)=\"") else { return nil }
                return Double(body[start.upperBound...].prefix { $0 != "\"" })
            }
            var text = ""
            for word in body.components(separatedBy: "<word ").dropFirst() {
                if let open = word.firstIndex(of: ">"), let close = word.range(of: "</word>") { text += word[word.index(after: open)..<close.lowerBound] }
            }
            if let left = attribute("xMin"), let right = attribute("xMax") { lines.append((text, left * mm, right * mm)) }
        }
        return lines
    }

    /// Text without whitespace: pdftotext spaces CJK and digits apart and breaks lines where the page does.
    static func compact(_ text: String) -> String {
        String(text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init))
    }

    /// Writes PNGs of the given pages under `.build/page-images/` (CI keeps them as artefacts).
    func keepImages(named name: String, pages: [Int]) {
        let directory = Paths.packageRoot.appendingPathComponent(".build/page-images")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for page in pages {
            _ = try? DocumentToolTests.run(
                PrintedPages.pdftoppm ?? "",
                ["-png", "-r", "60", "-f", "\(page)", "-l", "\(page)", "-singlefile", pdf.path, directory.appendingPathComponent("\(name)-page-\(page)").path])
        }
    }
}

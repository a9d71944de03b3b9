import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Where a PDF prints its numbers (`pdftotext -bbox-layout`): what settles which column a number sits in
/// when a table row has blank cells, which `-layout` text cannot show. Numbers on one visual line form a
/// row; rows with every column filled teach each column's position; a row with fewer numbers puts each
/// under the nearest column.
package struct PDFWordPositions: Sendable {
    package struct Number: Sendable, Equatable {
        package let text: String
        package let center: Double
    }

    /// Visual rows of numbers, in reading order.
    package let rows: [[Number]]

    package init(rows: [[Number]]) { self.rows = rows }

    /// Parses `pdftotext -bbox-layout` output (XHTML): words with their boxes, grouped into lines by page
    /// and vertical position.
    package static func parse(_ data: Data) -> PDFWordPositions {
        let handler = BoxHandler()
        let parser = XMLParser(data: data)
        parser.delegate = handler
        _ = parser.parse()
        return PDFWordPositions(rows: handler.rows())
    }

    /// Column centers for rows of `count` numbers: the median position of each column among the rows that
    /// print all of them.
    func centers(count: Int) -> [Double]? {
        let complete = rows.filter { $0.count == count }
        guard complete.count >= 2 else { return nil }
        return (0..<count).map { column in
            let values = complete.map { $0[column].center }.sorted()
            return values[values.count / 2]
        }
    }

    /// The row's numbers placed under `count` columns (nil where blank), when a printed row with exactly
    /// these numbers exists and each sits nearest a different column, in order.
    func place(_ numbers: [String], count: Int, used: inout Set<Int>) -> [String?]? {
        guard numbers.count < count, let centers = centers(count: count) else { return nil }
        for (index, row) in rows.enumerated() where !used.contains(index) && row.map(\.text) == numbers {
            var slots: [String?] = Array(repeating: nil, count: count)
            var last = -1
            var consistent = true
            for number in row {
                guard let nearest = centers.indices.min(by: { abs(centers[$0] - number.center) < abs(centers[$1] - number.center) }),
                    nearest > last
                else {
                    consistent = false
                    break
                }
                slots[nearest] = number.text
                last = nearest
            }
            guard consistent else { continue }
            used.insert(index)
            return slots
        }
        return nil
    }
}

private final class BoxHandler: NSObject, XMLParserDelegate {
    private struct Word {
        let page: Int
        let x: Double
        let y: Double
        let text: String
    }

    private var words: [Word] = []
    private var page = 0
    private var current: (x: Double, y: Double)?
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "page" { page += 1 }
        if name == "word", let xMin = Double(attributes["xMin"] ?? ""), let xMax = Double(attributes["xMax"] ?? ""),
            let yMin = Double(attributes["yMin"] ?? ""), let yMax = Double(attributes["yMax"] ?? "")
        {
            current = ((xMin + xMax) / 2, (yMin + yMax) / 2)
            text = ""
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if current != nil { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard name == "word", let position = current else { return }
        words.append(Word(page: page, x: position.x, y: position.y, text: text.trimmingSpaces))
        current = nil
    }

    /// Numeric words grouped by page and line (centers within 3 points), each line left to right.
    func rows() -> [[PDFWordPositions.Number]] {
        let numbers = words.filter { word in
            !word.text.isEmpty && word.text.unicodeScalars.allSatisfy { ValueLexer.digit($0) || $0 == "." || $0 == "-" || $0 == "+" }
                && word.text.unicodeScalars.contains(where: ValueLexer.digit)
        }.sorted { ($0.page, $0.y, $0.x) < ($1.page, $1.y, $1.x) }
        var rows: [[PDFWordPositions.Number]] = []
        var last: Word?
        for word in numbers {
            if let previous = last, previous.page == word.page, abs(previous.y - word.y) < 3 {
                rows[rows.count - 1].append(.init(text: word.text, center: word.x))
            } else {
                rows.append([.init(text: word.text, center: word.x)])
            }
            last = word
        }
        return rows.map { $0.sorted { $0.center < $1.center } }
    }
}

/// Plain text into the document model. Three shapes are met in practice:
/// - one paragraph a line (text pasted from a page; an archive's text, whose table cells may have run
///   together on one line — the recognizer splits those);
/// - Word's "save as text", where each table cell is a line starting with a tab and rows are separated by
///   a blank line (the cells become a real table);
/// - `pdftotext -layout` (`layout: true`): wrapped lines joined into paragraphs by their indentation,
///   table lines kept one a line, page numbers dropped.
package enum TextReader {
    package static func read(_ text: String, layout: Bool = false) -> ImportedDocument {
        var lines = normalizedLines(text)
        var preamble: [String] = []
        // An archive's header: "SOURCE: …" then a line "----"; kept as a comment, not as report text.
        if let first = lines.first, first.hasPrefix("SOURCE:"), let rule = lines.prefix(6).firstIndex(where: { $0.trimmingSpaces == "----" }) {
            preamble = Array(lines[0..<rule])
            lines.removeFirst(rule + 1)
        }
        let isLayout = layout || lines.lazy.filter(hasColumnGap).count >= 5
        let blocks = isLayout ? layoutBlocks(lines) : plainBlocks(lines.filter { !isPageNumber($0) })
        return ImportedDocument(blocks: blocks, preamble: preamble)
    }

    static func normalizedLines(_ text: String) -> [String] {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    // MARK: - One paragraph a line, tab-cell tables

    static func plainBlocks(_ lines: [String]) -> [ImportedDocument.Block] {
        var blocks: [ImportedDocument.Block] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("\t") {
                let (table, next) = tabTable(lines, from: index)
                blocks.append(.table(table))
                index = next
                continue
            }
            let text = line.trimmingSpaces
            if !text.isEmpty { blocks.append(.paragraph(Paragraph(text))) }
            index += 1
        }
        return blocks
    }

    /// Cells are lines starting with a tab; a line without one right after a cell continues it; a blank
    /// line ends a row; a line without a tab after a blank line ends the table.
    static func tabTable(_ lines: [String], from start: Int) -> (DocumentTable, Int) {
        var rows: [[DocumentTable.Cell]] = []
        var row: [DocumentTable.Cell] = []
        var index = start
        var afterBlank = false
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("\t") {
                row.append(DocumentTable.Cell(String(line.dropFirst()).trimmingSpaces))
                afterBlank = false
            } else if line.trimmingSpaces.isEmpty {
                if !row.isEmpty { rows.append(row) }
                row = []
                if afterBlank { index += 1; break }
                afterBlank = true
            } else if !afterBlank, !row.isEmpty {
                row[row.count - 1].text += "\n" + line.trimmingSpaces
            } else {
                break
            }
            index += 1
        }
        if !row.isEmpty { rows.append(row) }
        return (DocumentTable(rows: rows), index)
    }

    // MARK: - pdftotext -layout

    static func layoutBlocks(_ lines: [String]) -> [ImportedDocument.Block] {
        var blocks: [ImportedDocument.Block] = []
        var paragraph: String?
        var paragraphIsTable = false
        func flush() {
            if let text = paragraph, !text.trimmingSpaces.isEmpty {
                blocks.append(.paragraph(Paragraph(paragraphIsTable ? text : joinSpacing(text))))
            }
            paragraph = nil
        }
        for raw in lines {
            for line in raw.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init) {
                if isPageNumber(line) { continue }
                let trimmed = line.trimmingSpaces
                if trimmed.isEmpty { continue }
                let indent = line.prefix { $0 == " " || $0 == "\u{3000}" }.count
                let tableLike = isTableLine(line)
                if let text = paragraph, !tableLike, !paragraphIsTable, indent < 2 {
                    paragraph = text + trimmed
                    continue
                }
                flush()
                paragraph = tableLike ? line : trimmed
                paragraphIsTable = tableLike
            }
        }
        flush()
        return blocks
    }

    /// "-1-", "— 2 —", "第 3 页", "第 3 页 共 12 页": a page's number, not report text. (Hand-written
    /// rather than a regular expression: it is asked of every line.)
    static func isPageNumber(_ line: String) -> Bool {
        let scalars = Array(line.unicodeScalars.filter { !ScanText.isSpace($0) })
        guard scalars.count >= 3, scalars.count <= 16 else { return false }
        let dashes: Set<Unicode.Scalar> = ["-", "—", "–", "－"]
        if let first = scalars.first, let last = scalars.last, dashes.contains(first), dashes.contains(last) {
            let middle = scalars.dropFirst().dropLast()
            return (1...3).contains(middle.count) && middle.allSatisfy(ValueLexer.digit)
        }
        guard scalars.first == "第" else { return false }
        let words = scalars.filter { !ValueLexer.digit($0) && $0 != "," && $0 != "，" && $0 != "/" }
        return words == ["第", "页"] || words == ["第", "页", "共", "页"]
    }

    /// Three spaces between printed characters: a line laid out in columns.
    static func hasColumnGap(_ line: String) -> Bool {
        var sawText = false
        var spaces = 0
        for scalar in line.unicodeScalars {
            if scalar == " " {
                spaces += 1
            } else {
                if sawText && spaces >= 3 && !ScanText.isSpace(scalar) { return true }
                if !ScanText.isSpace(scalar) { sawText = true }
                spaces = 0
            }
        }
        return false
    }

    /// A line laid out in columns, or only numbers.
    static func isTableLine(_ line: String) -> Bool {
        if hasColumnGap(line) { return true }
        let trimmed = line.trimmingSpaces
        return !trimmed.isEmpty && trimmed.unicodeScalars.allSatisfy { ValueLexer.digit($0) || ScanText.isSpace($0) || "+-.".unicodeScalars.contains($0) }
    }

    /// pdftotext puts a space between Chinese and Latin or digits ("2024 年"); the printed text has none.
    static func joinSpacing(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == " ", index > 0, index + 1 < scalars.count {
                let left = scalars[index - 1]
                let right = scalars[index + 1]
                let cjkLeft = !left.isASCII
                let cjkRight = !right.isASCII
                if (cjkLeft && (cjkRight || right.properties.isAlphabetic || right.properties.numericType != nil))
                    || (cjkRight && (left.properties.isAlphabetic || left.properties.numericType != nil))
                {
                    continue
                }
            }
            out.append(scalar)
        }
        return String(out)
    }
}

import Foundation

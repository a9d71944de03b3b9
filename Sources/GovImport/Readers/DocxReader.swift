import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A Word .docx into the document model: `word/document.xml`'s paragraphs (heading styles and outline
/// levels as headings, a bold run-in start as a lead) and tables (`gridSpan` across, `vMerge`
/// continuations dropped as HTML drops the cells a rowspan covers; a nested table is read as text).
package enum DocxReader {
    /// The most `word/document.xml` may hold once inflated. A report's is well under 2 MiB; a 1.5 MB file
    /// that inflates to 1.5 GB (a "zip bomb") took 33 s and 6 GB of memory before it was refused.
    package static let maximumDocumentBytes = 64 << 20

    private struct TooLarge: Error {}

    package static func read(_ data: Data, path: String) throws -> ImportedDocument {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw ImportError(path, "不是完整的 .docx（无法作为 zip 打开：文件可能被截断）")
        }
        guard let entry = archive["word/document.xml"] else {
            throw ImportError(path, "这个 zip 文件不是 Word .docx（没有 word/document.xml）")
        }
        let tooLarge = ImportError(path, ".docx 的 word/document.xml 解压后超过 \(maximumDocumentBytes >> 20) MiB，不像一份年度报告，没有读取")
        // The size the zip declares is checked first, and the bytes as they come (the declaration may lie).
        guard entry.uncompressedSize <= UInt64(maximumDocumentBytes) else { throw tooLarge }
        var xml = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard xml.count + chunk.count <= maximumDocumentBytes else { throw TooLarge() }
                xml.append(chunk)
            }
        } catch is TooLarge {
            throw tooLarge
        } catch {
            throw ImportError(path, ".docx 已损坏：word/document.xml 无法解压（文件可能被截断）")
        }
        let handler = DocumentXMLHandler()
        let parser = XMLParser(data: xml)
        parser.delegate = handler
        parser.shouldProcessNamespaces = false
        guard parser.parse() else {
            throw ImportError(path, ".docx 已损坏：word/document.xml 不是完整的 XML")
        }
        return ImportedDocument(blocks: handler.blocks)
    }
}

private final class DocumentXMLHandler: NSObject, XMLParserDelegate {
    var blocks: [ImportedDocument.Block] = []

    // Paragraph being read; a text box's paragraphs inside it are read as its lines.
    private var paragraphDepth = 0
    /// Inside `mc:Fallback`: the same content again for old readers, skipped.
    private var fallbackDepth = 0
    private var paragraphText = ""
    private var boldPrefix = ""
    private var boldPrefixOpen = true
    private var runBold = false
    private var inText = false
    private var isHeading = false
    private var isCentered = false
    private var inRunProperties = false

    // Tables: depth > 1 is a table inside a cell, read as text.
    private var tableDepth = 0
    private var rows: [[DocumentTable.Cell]] = []
    private var row: [DocumentTable.Cell] = []
    private var cellParagraphs: [String] = []
    private var cellSpan = 1
    private var cellContinues = false
    private var nestedText = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "mc:Fallback" { fallbackDepth += 1 }
        guard fallbackDepth == 0 else { return }
        switch name {
        case "w:tbl":
            tableDepth += 1
            if tableDepth == 1 { rows = [] }
        case "w:tr" where tableDepth == 1: row = []
        case "w:tc" where tableDepth == 1:
            cellParagraphs = []
            cellSpan = 1
            cellContinues = false
        case "w:gridSpan" where tableDepth == 1: cellSpan = max(1, min(Int(attributes["w:val"] ?? "1") ?? 1, 64))
        case "w:vMerge" where tableDepth == 1:
            let value = attributes["w:val"] ?? "continue"
            cellContinues = value != "restart"
        case "w:p":
            paragraphDepth += 1
            guard paragraphDepth == 1 else { break }
            paragraphText = ""
            boldPrefix = ""
            boldPrefixOpen = true
            isHeading = false
            isCentered = false
        case "w:pStyle":
            let style = (attributes["w:val"] ?? "").lowercased()
            if style.hasPrefix("heading") || style.hasPrefix("title") || style.contains("标题") || Int(style).map({ (1...9).contains($0) }) == true {
                isHeading = true
            }
        case "w:outlineLvl": isHeading = true
        case "w:jc": isCentered = attributes["w:val"] == "center"
        case "w:r": runBold = false
        case "w:rPr": inRunProperties = true
        case "w:b" where inRunProperties:
            let value = attributes["w:val"] ?? "true"
            runBold = !(value == "0" || value == "false")
        case "w:t": inText = true
        case "w:tab": append("\t")
        case "w:br", "w:cr": append("\n")
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText && fallbackDepth == 0 { append(string) }
    }

    private func append(_ text: String) {
        paragraphText += text
        if boldPrefixOpen {
            if runBold { boldPrefix += text } else if !text.trimmingSpaces.isEmpty { boldPrefixOpen = false }
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "mc:Fallback" {
            fallbackDepth = max(0, fallbackDepth - 1)
            return
        }
        guard fallbackDepth == 0 else { return }
        switch name {
        case "w:t": inText = false
        case "w:rPr": inRunProperties = false
        case "w:p":
            paragraphDepth = max(0, paragraphDepth - 1)
            if paragraphDepth > 0 {
                paragraphText += "\n"
                break
            }
            if tableDepth == 0 {
                let text = paragraphText.trimmingSpaces
                if !text.isEmpty {
                    let lead = leadOf(text)
                    blocks.append(.paragraph(Paragraph(text, isHeading: isHeading && lead == nil, lead: lead, isCentered: isCentered)))
                }
            } else {
                cellParagraphs.append(paragraphText)
            }
        case "w:tc" where tableDepth == 1:
            if !cellContinues {
                let text = cellParagraphs.map(\.trimmingSpaces).filter { !$0.isEmpty }.joined(separator: "\n")
                row.append(DocumentTable.Cell(text, columnSpan: cellSpan))
            }
        case "w:tr" where tableDepth == 1:
            rows.append(row)
        case "w:tbl":
            if tableDepth == 1 { blocks.append(.table(DocumentTable(rows: rows))) }
            tableDepth -= 1
        default: break
        }
    }

    /// A bold start that is a run-in heading: ends with "。" or "：" and some plain text follows.
    private func leadOf(_ text: String) -> String? {
        let bold = boldPrefix.trimmingSpaces
        guard !bold.isEmpty, bold.count < text.count, bold.hasSuffix("。") || bold.hasSuffix("：") || bold.hasSuffix(":"),
            text.hasPrefix(bold)
        else { return nil }
        return bold
    }
}

import Foundation
import ZIPFoundation

/// The report as a Word document (.docx), built as OOXML parts zipped with ZIPFoundation — no external
/// converter. The output is deterministic (fixed entry dates and order), so `word/document.xml` can be a
/// golden file.
package struct DocxRenderer: Sendable {
    package init() {}

    package enum Failure: Error {
        case zip(String)
    }

    /// The whole package.
    package func render(_ document: Document) throws -> Data {
        let archive: Archive
        do {
            archive = try Archive(accessMode: .create)
        } catch {
            throw Failure.zip(String(describing: error))
        }
        // 1980-01-01, the earliest date a ZIP entry can hold: the same bytes on every run.
        let epoch = Date(timeIntervalSince1970: 315_532_800)
        for (path, text) in parts(document) {
            let data = Data(text.utf8)
            do {
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: epoch, compressionMethod: .deflate,
                    provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
            } catch {
                throw Failure.zip(String(describing: error))
            }
        }
        guard let data = archive.data else { throw Failure.zip("empty archive") }
        return data
    }

    /// Every part of the package, in the order they are written.
    func parts(_ document: Document) -> [(String, String)] {
        [
            ("[Content_Types].xml", DocxPackage.contentTypes),
            ("_rels/.rels", DocxPackage.rootRelationships),
            ("docProps/core.xml", DocxPackage.coreProperties(title: document.titleOnOneLine)),
            ("docProps/app.xml", DocxPackage.appProperties),
            ("word/_rels/document.xml.rels", DocxPackage.documentRelationships),
            ("word/document.xml", documentXML(document)),
            ("word/styles.xml", DocxStyle.styles),
            ("word/settings.xml", DocxPackage.settings),
            ("word/fontTable.xml", DocxFonts.fontTable),
            ("word/footer1.xml", DocxStyle.footer),
        ]
    }

    /// `word/document.xml`: title, headings, paragraphs, tables and sign-off, then the page setup.
    package func documentXML(_ document: Document) -> String {
        // The title's lines as the script breaks them; a one-line title is left to Word to wrap (a hand
        // break would read back, through `gov import`, as a line break the script never wrote).
        var body = document.titleLines.map { paragraph($0, style: "Title") }.joined()
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                body += paragraph(text, style: level == 1 ? "Heading1" : "Heading2")
            case .paragraph(let text):
                body += paragraph(text, style: nil)
            case .leadParagraph(let lead, let text):
                body += "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">\(XMLText.escape(lead))</w:t></w:r>"
                    + "<w:r><w:t xml:space=\"preserve\">\(XMLText.escape(text))</w:t></w:r></w:p>\n"
            case .table(let table):
                if table.id.isLocal, !table.title.isEmpty { body += paragraph(table.title, style: "TableCaption") }
                body += DocxTable(table: table).xml()
                // Word needs a paragraph between a table and whatever follows; it also spaces the tables.
                body += "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p>\n"
            }
        }
        if !document.signoff.isEmpty {
            body += "<w:p/>\n" + document.signoff.map { paragraph($0, style: "Signoff") }.joined()
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            <w:body>
            \(body)\(DocxStyle.sectionProperties)
            </w:body>
            </w:document>

            """
    }

    private func paragraph(_ text: String, style: String?) -> String {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        return "<w:p>\(properties)<w:r><w:t xml:space=\"preserve\">\(XMLText.escape(text))</w:t></w:r></w:p>\n"
    }
}

/// The fixed parts of the package: content types, relationships, settings and document properties.
enum DocxPackage {
    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
        <Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>\
        <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
        </Types>
        """

    static let rootRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
        </Relationships>
        """

    static let documentRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        <Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>\
        <Relationship Id="rIdFontTable" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>\
        <Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>\
        </Relationships>
        """

    static let settings = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>\
        <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>\
        </w:settings>
        """

    static func coreProperties(title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
        <dc:title>\(XMLText.escape(title))</dc:title><dc:creator>gov</dc:creator><dc:language>zh-CN</dc:language>\
        </cp:coreProperties>
        """
    }

    static let appProperties = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
        <Application>gov</Application></Properties>
        """
}

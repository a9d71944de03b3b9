import CHTMLEvents
import Foundation

/// A government web page into the document model, through libxml2's HTML parser (pages are rarely
/// well-formed; the encoding — UTF-8 or GBK — comes from the page's `<meta>`). Block elements become
/// paragraphs (`<h1>`–`<h6>` headings), `<table>` a table with `rowspan`/`colspan`; `<script>`, `<style>`
/// and the like are skipped. Site navigation stays as paragraphs: the recognizer keeps what precedes the
/// title as a comment.
package enum HTMLReader {
    package static func read(_ data: Data, path: String) throws -> ImportedDocument {
        guard !data.isEmpty else { throw ImportError(path, "HTML 文件是空的") }
        let builder = HTMLBlockBuilder()
        let encoding = declaredEncoding(data)
        let status: Int32 = data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self) else { return -1 }
            let context = Unmanaged.passUnretained(builder).toOpaque()
            let callback: chtml_callback = { context, kind, name, text, rowSpan, columnSpan, metaName, metaContent, containsTable in
                guard let context else { return }
                let builder = Unmanaged<HTMLBlockBuilder>.fromOpaque(context).takeUnretainedValue()
                switch kind {
                case Int32(CHTML_START):
                    builder.start(
                        name.map { String(cString: $0).lowercased() } ?? "", rowSpan: Int(rowSpan), columnSpan: Int(columnSpan),
                        metaName: metaName.map { String(cString: $0) }, metaContent: metaContent.map { String(cString: $0) },
                        containsTable: containsTable != 0)
                case Int32(CHTML_END): builder.end(name.map { String(cString: $0).lowercased() } ?? "")
                default: if let text { builder.text(String(cString: text)) }
                }
            }
            if let encoding {
                return encoding.withCString { chtml_parse(base, Int32(clamping: buffer.count), $0, context, callback) }
            }
            return chtml_parse(base, Int32(clamping: buffer.count), nil, context, callback)
        }
        guard status == 0 else { throw ImportError(path, "无法解析这个 HTML 文件") }
        builder.flush()
        var document = ImportedDocument(blocks: builder.blocks, publishedHint: builder.published)
        document.attachments = builder.attachments
        return document
    }

    /// The charset a page declares (`<meta charset=gbk>` or `content="text/html; charset=GB2312"`); GBK
    /// and GB2312 are read as GB18030, their superset. Without a declaration, UTF-8.
    static func declaredEncoding(_ data: Data) -> String? {
        let head = String(decoding: data.prefix(4096), as: UTF8.self).lowercased()
        guard let match = head.firstMatch(of: #/charset\s*=\s*["']?([a-z0-9_\-]+)/#) else {
            // Undeclared: UTF-8 if it is, else what Chinese pages without a declaration are written in.
            return String(data: data, encoding: .utf8) == nil ? "GB18030" : "UTF-8"
        }
        let name = String(match.1)
        if ["gbk", "gb2312", "gb_2312-80", "x-gbk", "gb18030", "cp936"].contains(name) { return "GB18030" }
        return name.uppercased()
    }
}

/// Builds blocks from the parser's events.
final class HTMLBlockBuilder {
    var blocks: [ImportedDocument.Block] = []
    var published: String?
    /// Links to documents (the report's Word or PDF file, often attached to its page).
    var attachments: [String] = []
    private var text = ""
    private var heading = false
    /// The bold text a paragraph starts with (a run-in heading, as in Word).
    private var boldDepth = 0
    private var boldPrefix = ""
    private var boldPrefixOpen = true
    private var skipDepth = 0
    // Tables: only the outermost is a table; an inner one is text of its cell.
    private var tableDepth = 0
    private var rows: [[DocumentTable.Cell]] = []
    private var row: [DocumentTable.Cell]?
    private var cell: DocumentTable.Cell?
    private var caption: String?
    private var inCaption = false

    static let skipped: Set<String> = ["script", "style", "noscript", "iframe", "select", "option", "button", "svg", "template", "title"]
    static let blockElements: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "header", "footer", "center",
        "blockquote", "dd", "dt", "pre", "ul", "ol", "form", "nav", "body", "td", "th", "tr",
    ]

    /// For each open <table>: whether it only lays out the page (it holds tables of its own), so that its
    /// cells are read as the page's flow and the tables inside as tables.
    private var layoutTables: [Bool] = []

    func start(_ name: String, rowSpan: Int, columnSpan: Int, metaName: String?, metaContent: String?, containsTable: Bool = false) {
        if Self.skipped.contains(name) { skipDepth += 1 }
        if name == "a", metaName == nil, let href = metaContent,
            [".pdf", ".doc", ".docx", ".wps", ".xls", ".xlsx"].contains(where: { href.lowercased().hasSuffix($0) }),
            !attachments.contains(href)
        {
            attachments.append(href)
        }
        if name == "meta", let metaName, let metaContent,
            ["pubdate", "publishdate", "firstpublishedtime", "publishtime", "articlepublishdate"].contains(metaName.lowercased())
        {
            published = HeaderRecognizer.date(String(metaContent.prefix(10)))
        }
        guard skipDepth == 0 else { return }
        if name == "table", tableDepth == 0, containsTable {
            layoutTables.append(true)
            flush()
            return
        }
        if name == "table" {
            layoutTables.append(false)
            tableDepth += 1
            if tableDepth == 1 {
                flush()
                rows = []
                caption = nil
            }
            return
        }
        if tableDepth == 1 {
            switch name {
            case "caption":
                inCaption = true
                caption = ""
            case "tr": row = []
            case "td", "th": cell = DocumentTable.Cell("", rowSpan: rowSpan, columnSpan: columnSpan)
            case "br", "p", "div": cell?.text += "\n"
            default: break
            }
            return
        }
        if tableDepth > 1 { return }
        if name == "br" || Self.blockElements.contains(name) { flush() }
        if name.count == 2, name.hasPrefix("h"), name.last?.isNumber == true { heading = true }
        if name == "b" || name == "strong" { boldDepth += 1 }
    }

    func end(_ name: String) {
        if Self.skipped.contains(name) {
            skipDepth = max(0, skipDepth - 1)
            return
        }
        guard skipDepth == 0 else { return }
        if name == "table", layoutTables.popLast() == true {
            flush()
            return
        }
        if name == "table" {
            if tableDepth == 1 {
                let title = caption?.trimmingSpaces
                blocks.append(.table(DocumentTable(rows: rows, caption: title?.isEmpty == false ? title : nil)))
            }
            tableDepth = max(0, tableDepth - 1)
            return
        }
        if tableDepth == 1 {
            switch name {
            case "caption": inCaption = false
            case "td", "th":
                if var finished = cell {
                    finished.text = finished.text.split(separator: "\n").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
                        .joined(separator: "\n")
                    row?.append(finished)
                }
                cell = nil
            case "tr":
                if let finished = row { rows.append(finished) }
                row = nil
            default: break
            }
            return
        }
        if tableDepth > 1 { return }
        if name == "b" || name == "strong" { boldDepth = max(0, boldDepth - 1) }
        if Self.blockElements.contains(name) { flush() }
    }

    func text(_ content: String) {
        guard skipDepth == 0 else { return }
        let flat = content.replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: "\n", with: " ")
        if inCaption {
            caption? += flat
        } else if tableDepth >= 1 {
            cell?.text += flat
        } else {
            text += flat
            if boldPrefixOpen {
                if boldDepth > 0 { boldPrefix += flat } else if !flat.trimmingSpaces.isEmpty { boldPrefixOpen = false }
            }
        }
    }

    func flush() {
        let trimmed = text.trimmingSpaces
        if !trimmed.isEmpty {
            // A bold start that ends like a run-in heading, with plain text after it.
            let bold = boldPrefix.trimmingSpaces
            let isLead = !bold.isEmpty && bold.count < trimmed.count && trimmed.hasPrefix(bold)
                && (bold.hasSuffix("。") || bold.hasSuffix("：") || bold.hasSuffix(":"))
            blocks.append(.paragraph(Paragraph(trimmed, isHeading: heading, lead: isLead ? bold : nil)))
        }
        text = ""
        heading = false
        boldPrefix = ""
        boldPrefixOpen = true
    }
}

/// The report as Markdown that reads well on a code-hosting site: `#` headings, paragraphs, and pipe
/// tables with merged cells flattened as `FlatTable` documents. Every piece of script text is escaped, so
/// `<script>` or `[link](…)` in a body name prints as text.
package struct MarkdownRenderer: Sendable {
    package init() {}

    package func render(_ document: Document) -> String {
        var out = "# \(document.titleLines.map(escape).joined(separator: "<br>"))\n"
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                out += "\n" + String(repeating: "#", count: level + 1) + " \(escape(text))\n"
            case .paragraph(let text):
                // A paragraph that starts like a list item ("- ", "+ ") must not become one.
                let escaped = escape(text)
                let guarded = escaped.first == "-" || escaped.first == "+" ? "\\" + escaped : escaped
                out += "\n\(guarded)\n"
            case .leadParagraph(let lead, let text):
                out += "\n**\(escape(lead))**\(escape(text))\n"
            case .table(let table):
                out += "\n" + self.table(table)
            }
        }
        if !document.signoff.isEmpty {
            out += "\n" + document.signoff.map { "<p align=\"right\">\(escapeHTML($0))</p>" }.joined(separator: "\n") + "\n"
        }
        return out
    }

    func table(_ table: LayoutTable) -> String {
        var out = ""
        if table.id.isLocal, !table.title.isEmpty { out += "**\(escape(table.title))**\n\n" }
        for segment in table.flattened() {
            if let caption = segment.caption { out += "**\(escape(caption))**\n\n" }
            let width = max(segment.headings.count, segment.rows.map(\.count).max() ?? 0)
            guard width > 0 else { continue }
            let headings = pad(segment.headings, to: width)
            out += "| " + headings.map(cell).joined(separator: " | ") + " |\n"
            out += "|" + (0..<width).map { $0 == 0 && segment.hasLabelColumn ? " --- |" : " ---: |" }.joined() + "\n"
            for row in segment.rows {
                out += "| " + pad(row, to: width).map(cell).joined(separator: " | ") + " |\n"
            }
            out += "\n"
        }
        return out
    }

    private func pad(_ items: [String], to width: Int) -> [String] {
        items + Array(repeating: "", count: max(0, width - items.count))
    }

    private func cell(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// Markdown punctuation gets a backslash; `<`, `>` and `&` become entities, because Markdown passes raw
    /// HTML through to the page.
    func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if let entity = HTMLEscape.entity(character), character != "\"", character != "'" {
                out += entity
            } else if "\\`*_[]#!|~".contains(character) {
                out += "\\\(character)"
            } else {
                out.append(character)
            }
        }
        return out
    }

    private func escapeHTML(_ text: String) -> String { HTMLEscape.text(text) }
}

/// Escaping for HTML text and attribute values (shared by the HTML and Markdown renderers).
package enum HTMLEscape {
    /// Every `<`, `>`, `&`, `"` and `'` byte as its entity. On the UTF-8 bytes, not by `Character`: a text
    /// without any (nearly every cell and label) comes back as it is, and a `<` that a combining mark
    /// follows is escaped too (as a `Character` it was not "<", and went out raw). By characters this
    /// was 16 % of rendering a report as HTML (callgrind).
    package static func text(_ text: String) -> String {
        guard text.utf8.contains(where: { entity($0) != nil }) else { return text }
        var out = HTMLOutput(capacity: text.utf8.count + 16)
        out.text(text)
        return out.string
    }

    /// The entity for a byte HTML gives meaning to (`<`, `>`, `&`, `"`, `'`), or nil.
    package static func entity(_ byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "\""): return "&quot;"
        case UInt8(ascii: "'"): return "&#39;"
        default: return nil
        }
    }

    /// The entity for a character HTML gives meaning to, or nil.
    static func entity(_ character: Character) -> String? {
        switch character {
        case "<": return "&lt;"
        case ">": return "&gt;"
        case "&": return "&amp;"
        case "\"": return "&quot;"
        case "'": return "&#39;"
        default: return nil
        }
    }
}

import GovLanguage
import GovReport

/// The whole report for a terminal: title, numbered headings, paragraphs indented two full-width spaces as
/// in print, tables aligned by display width, and the sign-off — readable at 100 columns, and no line wider
/// than `width`.
package struct TextRenderer: Sendable {
    package var width: Int

    package init(width: Int = 100) {
        self.width = width
    }

    package func render(_ document: Document) -> String {
        var lines: [String] = TitleLines.lines(of: document, capacity: width).map(center) + [""]
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                if level == 1, lines.last != "" { lines.append("") }
                lines += level == 1 ? DisplayWidth.wrap(text, width: width) : DisplayWidth.wrap(text, width: width - 2).map { "  " + $0 }
            case .paragraph(let text):
                lines += DisplayWidth.wrap("\u{3000}\u{3000}" + text, width: width)
            case .leadParagraph(let lead, let text):
                lines += DisplayWidth.wrap("\u{3000}\u{3000}" + lead + text, width: width)
            case .table(let table):
                if table.id.isLocal, !table.title.isEmpty { lines += DisplayWidth.wrap(table.title, width: width) }
                lines += TextTable(table: table, maxWidth: width).render()
                lines.append("")
            }
        }
        if !document.signoff.isEmpty {
            lines.append("")
            for line in document.signoff.flatMap({ DisplayWidth.wrap($0, width: width) }) {
                lines.append(DisplayWidth.pad("", to: max(0, width - DisplayWidth.of(line) - 4)) + line)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func center(_ text: String) -> String {
        let space = max(0, (width - DisplayWidth.of(text)) / 2)
        return String(repeating: " ", count: space) + text
    }
}

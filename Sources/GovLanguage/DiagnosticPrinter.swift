/// Prints diagnostics the way compilers do: `FILE:LINE:COL: error[CODE]: message`, the source line, and a
/// caret under the exact span — measured in display columns, so it lands correctly under CJK text.
public struct DiagnosticPrinter: Sendable {
    public var useColor: Bool

    public init(useColor: Bool = false) {
        self.useColor = useColor
    }

    public func format(_ diagnostic: Diagnostic, sources: SourceManager) -> String {
        var out = ""
        let head = "\(paint(diagnostic.severity.rawValue, diagnostic.severity))[\(diagnostic.code)]"
        if let range = diagnostic.range {
            out += "\(bold(sources.location(range).description)): \(head): \(bold(diagnostic.message))\n"
            out += excerpt(range, sources: sources, severity: diagnostic.severity)
        } else {
            out += "\(head): \(bold(diagnostic.message))\n"
        }
        for note in diagnostic.notes {
            if let range = note.range {
                out += "\(sources.location(range)): \(paint("note", .note)): \(note.message)\n"
                out += excerpt(range, sources: sources, severity: .note)
            } else {
                out += "  \(paint("note", .note)): \(note.message)\n"
            }
        }
        return out
    }

    /// The source line with a gutter, then spaces and carets: the caret starts at the display column of the
    /// range's first byte and is as wide as the range's text on that line.
    func excerpt(_ range: SourceRange, sources: SourceManager, severity: Severity) -> String {
        let file = sources.file(range.file)
        let line = file.line(of: range.start)
        let lineStart = file.lineStarts[line - 1]
        let lineText = file.lineText(line)
        let prefix = file.text(lineStart..<range.start)
        let lineEnd = lineStart + lineText.utf8.count
        let spanText = file.text(range.start..<min(max(range.end, range.start), lineEnd))
        let gutter = String(line)
        let pad = String(repeating: " ", count: gutter.count)
        let caret = String(repeating: "^", count: max(1, DisplayWidth.of(spanText)))
        let shownLine = lineText.replacingTabs()
        return "\(pad) |\n\(gutter) | \(shownLine)\n\(pad) | "
            + String(repeating: " ", count: DisplayWidth.of(prefix.replacingTabs())) + paint(caret, severity) + "\n"
    }

    private func paint(_ text: String, _ severity: Severity) -> String {
        guard useColor else { return text }
        let code = severity == .error ? "31" : severity == .warning ? "33" : "36"
        return "\u{1B}[1;\(code)m\(text)\u{1B}[0m"
    }

    private func bold(_ text: String) -> String {
        useColor ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }
}

extension String {
    /// Tabs become single spaces so the caret line and the source line stay aligned.
    fileprivate func replacingTabs() -> String {
        String(unicodeScalars.map { $0 == "\t" ? " " : Character($0) })
    }
}

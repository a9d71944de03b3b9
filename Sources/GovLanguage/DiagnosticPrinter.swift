/// Prints diagnostics the way compilers do: `FILE:LINE:COL: error[CODE]: message`, the source line, and a
/// caret under the exact span — measured in display columns, so it lands correctly under CJK text.
package struct DiagnosticPrinter: Sendable {
    package var useColor: Bool

    package init(useColor: Bool = false) {
        self.useColor = useColor
    }

    package func format(_ diagnostic: Diagnostic, sources: SourceManager) -> String {
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
    /// range's first byte and is as wide as the range's text on that line. The range is clamped to the line
    /// (a span may start on a line's CR or newline), and a long line is shown as a window around the caret,
    /// so one diagnostic prints a bounded amount whatever the line's length.
    func excerpt(_ range: SourceRange, sources: SourceManager, severity: Severity) -> String {
        let file = sources.file(range.file)
        let line = file.line(of: range.start)
        let lineStart = file.lineStarts[line - 1]
        let lineEnd = file.lineEnd(line)
        let start = min(max(range.start, lineStart), lineEnd)
        let end = min(max(range.end, start), lineEnd)
        let windowStart = ByteWindow.start(in: file.bytes, lineStart: lineStart, before: start, budget: DiagnosticPrinter.contextBytes)
        let windowEnd = ByteWindow.end(in: file.bytes, lineEnd: lineEnd, after: end, budget: DiagnosticPrinter.contextBytes)
        let spanEnd = min(end, ByteWindow.end(in: file.bytes, lineEnd: lineEnd, after: start, budget: DiagnosticPrinter.contextBytes))
        let prefix = (windowStart > lineStart ? "…" : "") + file.text(windowStart..<start).shownInExcerpt()
        let span = file.text(start..<spanEnd).shownInExcerpt()
        let shownLine = prefix + span + file.text(spanEnd..<windowEnd).shownInExcerpt() + (windowEnd < lineEnd ? "…" : "")
        let gutter = String(line)
        let pad = String(repeating: " ", count: gutter.count)
        let caret = String(repeating: "^", count: max(1, DisplayWidth.of(span)))
        return "\(pad) |\n\(gutter) | \(shownLine)\n\(pad) | "
            + String(repeating: " ", count: DisplayWidth.of(prefix)) + paint(caret, severity) + "\n"
    }

    /// How many bytes of a line an excerpt shows on each side of the span (and of the span itself).
    static let contextBytes = 160

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
    /// Tabs become single spaces so the caret line and the source line stay aligned, and control
    /// characters (NUL, ESC…) become a visible symbol so that a diagnostic never sends them to a terminal.
    fileprivate func shownInExcerpt() -> String {
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x09: result.append(" ")
            case 0x00..<0x20: result.append(Unicode.Scalar(0x2400 + scalar.value) ?? "?")
            case 0x7F: result.append("\u{2421}")
            case 0x80..<0xA0: result.append("\u{FFFD}")
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}

/// Where an excerpt of a long line starts and ends: at most `budget` bytes from the span, moved to a UTF-8
/// character boundary so a CJK character is never cut.
enum ByteWindow {
    static func start(in bytes: [UInt8], lineStart: Int, before offset: Int, budget: Int) -> Int {
        var start = max(lineStart, offset - budget)
        while start > lineStart, start < bytes.count, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    static func end(in bytes: [UInt8], lineEnd: Int, after offset: Int, budget: Int) -> Int {
        var end = min(lineEnd, offset + budget)
        while end < lineEnd, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }
}

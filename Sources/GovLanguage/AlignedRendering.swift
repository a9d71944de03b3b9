/// Turns elements into lines: statements of one family on consecutive lines are laid out as a table (the
/// head, then each name–value pair in its own column, numbers right-aligned so their digits line up), and
/// the trailing comments of consecutive one-line statements start in one column. Widths are display
/// columns, so Chinese names (two columns a character) line up in an editor too.
enum AlignedRendering {
    /// Space between code and a trailing comment.
    static let commentGap = 2

    static func lines(_ elements: [ScriptElement]) -> [String] {
        var lines: [String] = []
        var run: [PrintedStatement] = []
        func flush() {
            lines += render(run)
            run.removeAll()
        }
        for element in elements {
            switch element {
            case .statement(let statement):
                run.append(statement)
            case .comment(let text):
                flush()
                lines.append(text)
            case .blank:
                flush()
                lines.append("")
            }
        }
        flush()
        return lines
    }

    /// One run of statements on consecutive lines.
    private static func render(_ run: [PrintedStatement]) -> [String] {
        var code = run.map { statement -> String in
            if case .plain(let text) = statement.form { return text }
            return ""
        }
        // Tables: maximal stretches of the same family.
        var start = 0
        while start < run.count {
            guard let family = run[start].family else {
                start += 1
                continue
            }
            var end = start + 1
            while end < run.count, run[end].family == family { end += 1 }
            let table = alignedFields(run[start..<end])
            for (offset, line) in table.enumerated() { code[start + offset] = line }
            start = end
        }
        // Trailing comments: one column for each stretch of one-line statements.
        var lines = code
        start = 0
        while start < run.count {
            if run[start].isMultiline {
                if let comment = run[start].trailingComment {
                    lines[start] = code[start] + String(repeating: " ", count: commentGap) + comment
                }
                start += 1
                continue
            }
            var end = start + 1
            while end < run.count, !run[end].isMultiline { end += 1 }
            let commented = (start..<end).filter { run[$0].trailingComment != nil }
            let column = commented.map { DisplayWidth.of(code[$0]) }.max() ?? 0
            for index in commented {
                guard let comment = run[index].trailingComment else { continue }
                lines[index] = DisplayWidth.pad(code[index], to: column) + String(repeating: " ", count: commentGap) + comment
            }
            start = end
        }
        return lines
    }

    /// The head padded to the widest head; then pair by pair, the name padded to the widest name of that
    /// column and the value right-aligned to the widest value of that column.
    private static func alignedFields(_ statements: ArraySlice<PrintedStatement>) -> [String] {
        var headWidth = 0
        var nameWidths: [Int] = []
        var valueWidths: [Int] = []
        for statement in statements {
            guard case .fields(_, let head, let pairs) = statement.form else { continue }
            headWidth = max(headWidth, DisplayWidth.of(head))
            for (column, pair) in pairs.enumerated() {
                if column == nameWidths.count {
                    nameWidths.append(0)
                    valueWidths.append(0)
                }
                nameWidths[column] = max(nameWidths[column], DisplayWidth.of(pair.name))
                valueWidths[column] = max(valueWidths[column], DisplayWidth.of(pair.value))
            }
        }
        return statements.map { statement in
            guard case .fields(_, let head, let pairs) = statement.form else { return "" }
            var line = DisplayWidth.pad(head, to: headWidth)
            for (column, pair) in pairs.enumerated() {
                line += " " + DisplayWidth.pad(pair.name, to: nameWidths[column]) + " "
                    + DisplayWidth.pad(pair.value, to: valueWidths[column], alignRight: true)
            }
            return line
        }
    }
}

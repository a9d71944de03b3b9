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
        // Each width is measured once, and each line written into one string: padding every field into a
        // string of its own and measuring it again was 11 % of `gov fmt --check` (callgrind).
        var headWidth = 0
        var nameWidths: [Int] = []
        var valueWidths: [Int] = []
        var measured: [(head: Int, pairs: [(name: Int, value: Int)])] = []
        measured.reserveCapacity(statements.count)
        for statement in statements {
            guard case .fields(_, let head, let pairs) = statement.form else {
                measured.append((0, []))
                continue
            }
            let widths = (head: DisplayWidth.of(head), pairs: pairs.map { (name: DisplayWidth.of($0.name), value: DisplayWidth.of($0.value)) })
            measured.append(widths)
            headWidth = max(headWidth, widths.head)
            for (column, pair) in widths.pairs.enumerated() {
                if column == nameWidths.count {
                    nameWidths.append(0)
                    valueWidths.append(0)
                }
                nameWidths[column] = max(nameWidths[column], pair.name)
                valueWidths[column] = max(valueWidths[column], pair.value)
            }
        }
        return zip(statements, measured).map { statement, widths in
            guard case .fields(_, let head, let pairs) = statement.form else { return "" }
            var line = ""
            line.reserveCapacity(head.utf8.count + headWidth + pairs.count * 32)
            DisplayWidth.append(head, width: widths.head, paddedTo: headWidth, to: &line)
            for (column, pair) in pairs.enumerated() {
                line += " "
                DisplayWidth.append(pair.name, width: widths.pairs[column].name, paddedTo: nameWidths[column], to: &line)
                line += " "
                DisplayWidth.append(pair.value, width: widths.pairs[column].value, paddedTo: valueWidths[column], alignRight: true, to: &line)
            }
            return line
        }
    }
}

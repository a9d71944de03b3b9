/// A script as the printer sees it: statements, comments on lines of their own, and blank lines, in file
/// order. Every comment is kept: a comment after a statement on its line travels with the statement; a
/// comment inside a statement that spans lines (in parentheses) keeps that statement exactly as written.
enum ScriptElement {
    case statement(PrintedStatement)
    case comment(String)
    case blank

    var statement: PrintedStatement? {
        if case .statement(let printed) = self { return printed }
        return nil
    }

    var isBlank: Bool {
        if case .blank = self { return true }
        return false
    }

    var isComment: Bool {
        if case .comment = self { return true }
        return false
    }
}

/// One statement and how it prints.
struct PrintedStatement {
    enum Form {
        /// A head (keyword and selectors) and name–value pairs, aligned in columns with the statements of the
        /// same family around it: `proactive normative issued 12 repealed 2`, `channel 微博 39`.
        case fields(family: Family, head: String, pairs: [(name: String, value: String)])
        /// Printed as one piece; it spans lines when it holds a text block, or is kept as written.
        case plain(String)
    }

    /// Statements whose numbers line up with their neighbours': table cells, and channels with categories.
    enum Family { case cells, channels }

    let statement: Statement
    /// The statement's position in the file, before any reordering.
    let index: Int
    let form: Form
    var trailingComment: String?

    var keyword: Keyword { statement.keyword }

    var family: Family? {
        if case .fields(let family, _, _) = form { return family }
        return nil
    }

    /// On the bytes: `String.contains` resolves to Foundation's here (`CFStringFind`), 13,600 instructions a
    /// call, 14 % of `gov fmt --check` (callgrind, 300 scripts).
    var isMultiline: Bool {
        if case .plain(let text) = form { return text.utf8.contains(UInt8(ascii: "\n")) }
        return false
    }
}

extension ScriptElement {
    /// Splits a script that lexed and parsed cleanly into elements. Nil when the tokens and statements do
    /// not line up one statement per line, which a clean parse guarantees; the caller then leaves the file alone.
    static func elements(
        of source: SourceFile, tokens: [Token], comments: [Range<Int>], statements: [Statement]
    ) -> [ScriptElement]? {
        let lines = statementTokens(tokens)
        guard lines.count == statements.count else { return nil }
        let lineCount = source.lineStarts.count
        var owner = [Int?](repeating: nil, count: lineCount + 2)
        var spans: [ClosedRange<Int>] = []
        for (index, line) in lines.enumerated() {
            guard let first = line.first, let last = line.last else { return nil }
            let span = source.line(of: first.start)...source.line(of: max(last.start, last.end - 1))
            spans.append(span)
            for number in span where number < owner.count { owner[number] = index }
        }

        var trailing = [String?](repeating: nil, count: lines.count)
        var keptAsWritten = [Bool](repeating: false, count: lines.count)
        var standalone: [Int: String] = [:]
        for comment in comments {
            let number = source.line(of: comment.lowerBound)
            let text = commentText(source, comment)
            if let index = owner[number] {
                if number == spans[index].upperBound, let last = lines[index].last, comment.lowerBound >= last.end {
                    trailing[index] = text
                } else {
                    keptAsWritten[index] = true
                }
            } else {
                standalone[number] = text
            }
        }

        let spacing = TokenSpacing(source: source)
        var elements: [ScriptElement] = []
        for number in 1...max(1, lineCount) {
            if let index = owner[number] {
                guard number == spans[index].lowerBound else { continue }
                let tokens = Array(lines[index])
                let form = keptAsWritten[index]
                    ? PrintedStatement.Form.plain(source.text(tokens[0].start..<tokens[tokens.count - 1].end))
                    : printedForm(statements[index], tokens: tokens, spacing: spacing)
                elements.append(
                    .statement(PrintedStatement(statement: statements[index], index: index, form: form, trailingComment: trailing[index])))
            } else if let comment = standalone[number] {
                elements.append(.comment(comment))
            } else {
                elements.append(.blank)
            }
        }
        return elements
    }

    /// The tokens of each statement: the runs between line ends.
    static func statementTokens(_ tokens: [Token]) -> [ArraySlice<Token>] {
        var result: [ArraySlice<Token>] = []
        var start = 0
        for (index, token) in tokens.enumerated() where token.isLineEnd {
            if index > start { result.append(tokens[start..<index]) }
            start = index + 1
        }
        return result
    }

    static func commentText(_ source: SourceFile, _ range: Range<Int>) -> String {
        var text = Substring(source.text(range))
        while let last = text.unicodeScalars.last, last == " " || last == "\t" || last == "\r" || last == "\u{3000}" {
            text = text.dropLast()
        }
        return String(text)
    }

    private static func printedForm(_ statement: Statement, tokens: [Token], spacing: TokenSpacing) -> PrintedStatement.Form {
        let all = tokens[...]
        switch statement.kind {
        case .cells(let cells):
            let starts = cells.entries.map { entry in tokens.firstIndex { $0.start == entry.name.range.start } }
            let found = starts.compactMap { $0 }
            guard found.count == starts.count, let first = found.first, first > 0 else { return .plain(spacing.join(all)) }
            var pairs: [(name: String, value: String)] = []
            for (position, start) in found.enumerated() {
                let end = position + 1 < found.count ? found[position + 1] : tokens.count
                guard start + 1 < end else { return .plain(spacing.join(all)) }
                pairs.append((spacing.text(tokens[start]), spacing.join(tokens[(start + 1)..<end])))
            }
            return .fields(family: .cells, head: spacing.join(tokens[0..<first]), pairs: pairs)
        case .channel, .category:
            guard tokens.count >= 3 else { return .plain(spacing.join(all)) }
            return .fields(
                family: .channels, head: spacing.text(tokens[0]),
                pairs: [(spacing.text(tokens[1]), spacing.join(tokens[2...]))])
        case .binding:
            let equal = tokens.firstIndex { $0.kind == .equal }
            return .plain(spacing.join(all, expressionStart: equal.map { $0 + 1 }))
        case .assertion:
            return .plain(spacing.join(all, expressionStart: 1))
        default:
            return .plain(spacing.join(all))
        }
    }
}

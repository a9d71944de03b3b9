/// The one canonical layout of a `.gov` script, used by `gov fmt`, `gov new`, `gov sum` and the REPL's
/// `:save`.
///
/// - The header (`body`, `year`, `format`, `title`, `published`, `signoff`, `parts`, `previous`) comes
///   first, in that order, each with the comments directly above it. Sections and everything else keep
///   their order: the order of sections is what the report prints.
/// - One statement per line, one space between tokens (none around `.`, inside parentheses or after a
///   sign); table cells and channels on consecutive lines line up in columns, numbers right-aligned.
/// - Comments stay where they are; trailing comments of consecutive lines start in one column.
/// - One blank line at most between statements, one before each `section` and after the header.
/// - Keywords, names, numbers and text are printed exactly as written (English or Chinese), so formatting
///   never changes what a script means. The printer checks that on its own output: the statements must
///   lex to the same tokens, and every comment must still be there.
package enum ScriptPrinter {
    package enum Outcome: Sendable {
        case formatted(String)
        /// The script does not lex or parse cleanly (or, never expected, the layout would change it):
        /// these diagnostics say why, and the file must be left as it is.
        case notFormatted([Diagnostic])
    }

    /// The canonical text of a script; a script that cannot be formatted comes back unchanged.
    package static func format(source: SourceFile) -> String {
        if case .formatted(let text) = layout(source) { return text }
        return source.text(0..<source.bytes.count)
    }

    /// The canonical text, or why there is none. Diagnostics refer to `file`.
    package static func layout(_ source: SourceFile, file: FileID = FileID(0)) -> Outcome {
        // Text is copied through `String`, which would replace bytes that are not UTF-8. (The file's own
        // scan says whether they are: validating them again into a `String` was 7 % of `gov fmt --check`.)
        guard source.isValidUTF8 else {
            return .notFormatted([Diagnostic(code: "E007", message: "文件不是 UTF-8 编码，无法重排", range: nil)])
        }
        var lexer = Lexer(bytes: source.bytes, file: file, range: nil, recordsComments: true, mayHoldControlCharacters: source.holdsControlCharacters)
        lexer.run()
        var parser = Parser(source: source, file: file, tokens: lexer.tokens)
        let script = parser.parseScript()
        let problems = lexer.diagnostics + parser.diagnostics
        guard problems.isEmpty else { return .notFormatted(problems) }
        guard var elements = ScriptElement.elements(of: source, tokens: lexer.tokens, comments: lexer.comments, statements: script.statements)
        else { return .notFormatted([unsafe(file)]) }
        elements = headerFirst(elements)
        elements = normalizedBlankLines(elements)

        let lineEnd = usesCRLF(source) ? "\r\n" : "\n"
        let lines = AlignedRendering.lines(elements)
        var text = hasByteOrderMark(source) ? "\u{FEFF}" : ""
        for line in lines { text += line + lineEnd }
        // A script already in its layout prints as itself, which says what it said: nothing to prove (the
        // proof, lexing and parsing the output again, was a quarter of `gov fmt --check` of formatted
        // scripts; callgrind).
        if text.utf8.elementsEqual(source.bytes) { return .formatted(text) }
        return checked(text, keepsMeaning: keepsMeaning(of: source, tokens: lexer.tokens, comments: lexer.comments, order: elements, output: text), file: file)
    }

    /// The printed text, or `E070` when printing would change what the script says (never expected: the
    /// printer keeps every token and comment; this is the guard that proves it each time).
    static func checked(_ text: String, keepsMeaning: Bool, file: FileID) -> Outcome {
        keepsMeaning ? .formatted(text) : .notFormatted([unsafe(file)])
    }

    /// Header statements in printing order.
    static let headerOrder: [Keyword] = [.body, .kind, .year, .format, .title, .published, .signoff, .parts, .previous]

    // MARK: - Header first

    /// Moves the header statements (with the comments directly above them) to the top, after any comments
    /// that open the file. Not when the script includes other files (an included file may hold a header
    /// statement, and which of two comes first decides which one counts), and not a `year`, `format` or
    /// `parts` whose value names a `let` (the name must be bound on an earlier line) — nor any other
    /// statement with that keyword, which would then pass it and become the first.
    static func headerFirst(_ elements: [ScriptElement]) -> [ScriptElement] {
        guard !elements.contains(where: { $0.statement?.keyword == .include }) else { return elements }
        var staying = Set<Keyword>()
        for case .statement(let printed) in elements where !isMovable(printed.statement) {
            staying.insert(printed.keyword)
        }
        var header: [(rank: Int, elements: [ScriptElement])] = []
        var rest: [ScriptElement] = []
        var pendingComments: [ScriptElement] = []
        var firstRemoved: Int?
        for element in elements {
            switch element {
            case .comment:
                pendingComments.append(element)
            case .blank:
                // Appended one by one, not as `pendingComments + [element]`: that made and copied a temporary
                // array per element, 14 % of `gov fmt --check` (callgrind, 300 scripts).
                rest.append(contentsOf: pendingComments)
                rest.append(element)
                pendingComments.removeAll(keepingCapacity: true)
            case .statement(let printed):
                if let rank = headerOrder.firstIndex(of: printed.keyword), !staying.contains(printed.keyword) {
                    if firstRemoved == nil { firstRemoved = rest.count }
                    header.append((rank, pendingComments + [element]))
                } else {
                    rest.append(contentsOf: pendingComments)
                    rest.append(element)
                }
                pendingComments.removeAll(keepingCapacity: true)
            }
        }
        rest += pendingComments
        guard let firstRemoved else { return elements }
        var insertAt = firstRemoved
        if var firstStatement = rest.firstIndex(where: { $0.statement != nil }) {
            while firstStatement > 0, rest[firstStatement - 1].isComment { firstStatement -= 1 }
            insertAt = min(insertAt, firstStatement)
        }
        // A stable sort: a header statement written twice keeps its order (the first one counts).
        let ordered = header.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }.flatMap(\.element.elements)
        var result: [ScriptElement] = []
        result.reserveCapacity(rest.count + ordered.count + 1)
        result.append(contentsOf: rest[..<insertAt])
        result.append(contentsOf: ordered)
        result.append(.blank)
        result.append(contentsOf: rest[insertAt...])
        return result
    }

    private static func isMovable(_ statement: Statement) -> Bool {
        switch statement.kind {
        case .year(let value), .format(let value), .parts(let value): return !mentionsNames(value)
        default: return true
        }
    }

    /// Whether an expression reads a name (a `let`); the parser bounds its depth.
    private static func mentionsNames(_ expression: Expr) -> Bool {
        switch expression {
        case .integer, .decimal, .string: return false
        case .reference: return true
        case .negate(let inner, _): return mentionsNames(inner)
        case .binary(_, let left, let right, _): return mentionsNames(left) || mentionsNames(right)
        }
    }

    // MARK: - Blank lines

    /// No blank lines at the start or end, never two in a row, and one before each `section` (above the
    /// comments that belong to it).
    static func normalizedBlankLines(_ elements: [ScriptElement]) -> [ScriptElement] {
        var out: [ScriptElement] = []
        for element in elements {
            if element.isBlank {
                if let last = out.last, !last.isBlank { out.append(element) }
                continue
            }
            if element.statement?.keyword == .section {
                var start = out.count
                while start > 0, out[start - 1].isComment { start -= 1 }
                if start > 0, !out[start - 1].isBlank { out.insert(.blank, at: start) }
            }
            out.append(element)
        }
        while let last = out.last, last.isBlank { out.removeLast() }
        return out
    }

    // MARK: - Safety

    /// The output lexes and parses cleanly, its statements are the input's statements token for token (in
    /// the new order), and it holds the same comments.
    private static func keepsMeaning(
        of source: SourceFile, tokens: [Token], comments: [Range<Int>], order: [ScriptElement], output: String
    ) -> Bool {
        let printed = SourceFile(path: source.path, text: output)
        var lexer = Lexer(bytes: printed.bytes, file: FileID(0), recordsComments: true)
        lexer.run()
        var parser = Parser(source: printed, file: FileID(0), tokens: lexer.tokens)
        _ = parser.parseScript()
        guard lexer.diagnostics.isEmpty, parser.diagnostics.isEmpty else { return false }

        // Token by token: the same kind and the same text (`String ==`, canonical equivalence). The bytes
        // are compared first and decide when equal; making a string of every token of both files was 13 %
        // of `gov fmt --check` (callgrind, 300 scripts).
        func sameStatement(_ old: ArraySlice<Token>, _ new: ArraySlice<Token>) -> Bool {
            guard old.count == new.count else { return false }
            for (a, b) in zip(old, new) {
                guard a.kind == b.kind else { return false }
                if bytes(source, a).elementsEqual(bytes(printed, b)) { continue }
                if source.text(a.start..<a.end) != printed.text(b.start..<b.end) { return false }
            }
            return true
        }
        func bytes(_ file: SourceFile, _ token: Token) -> ArraySlice<UInt8> {
            let lower = min(max(token.start, 0), file.bytes.count)
            return file.bytes[lower..<min(max(token.end, lower), file.bytes.count)]
        }
        let before = ScriptElement.statementTokens(tokens)
        let after = ScriptElement.statementTokens(lexer.tokens)
        let indices = order.compactMap { $0.statement?.index }
        guard indices.count == after.count else { return false }
        for (index, statement) in zip(indices, after) where !sameStatement(before[index], statement) {
            return false
        }
        let commentsBefore = comments.map { ScriptElement.commentText(source, $0) }.sorted()
        let commentsAfter = lexer.comments.map { ScriptElement.commentText(printed, $0) }.sorted()
        return commentsBefore == commentsAfter
    }

    private static func unsafe(_ file: FileID) -> Diagnostic {
        Diagnostic(code: "E070", message: "无法安全地重排这个文件（重排后的内容与原文不一致），文件保持原样", range: nil)
    }

    private static func usesCRLF(_ source: SourceFile) -> Bool {
        guard source.lineStarts.count > 1 else { return false }
        let newline = source.lineStarts[1] - 1
        return newline > 0 && source.bytes[newline - 1] == UInt8(ascii: "\r")
    }

    private static func hasByteOrderMark(_ source: SourceFile) -> Bool {
        source.bytes.count >= 3 && source.bytes[0] == 0xEF && source.bytes[1] == 0xBB && source.bytes[2] == 0xBF
    }
}

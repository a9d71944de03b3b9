/// Reads a string token: checks its escapes (`\"`, `\\`, `\n`, `\{`, `\}`) and parses each `{expression}`
/// interpolation with a sub-parser over the same bytes, so positions inside a paragraph stay exact. The text
/// itself is decoded later, if ever (`StringLiteral`).
extension Parser {
    mutating func parseStringLiteral(_ token: Token) throws -> StringLiteral {
        let isBlock = token.kind == .textBlock
        let quote = isBlock ? 3 : 1
        let content = token.start + quote..<max(token.start + quote, token.end - quote)
        let bytes = source.bytes
        var interpolations: [Expr] = []
        // Room for every `{…}` at once: growing as they came was an allocation and a copy each time.
        let braces = ByteScan.count(UInt8(ascii: "{"), in: bytes, from: content.lowerBound, to: content.upperBound)
        if braces > 0 { interpolations.reserveCapacity(braces) }
        let failure = try StringLiteralContent.scan(bytes, content) { piece in
            if case .interpolation(let inner) = piece { interpolations.append(try parseInterpolation(inner)) }
        }
        switch failure {
        case nil:
            return StringLiteral(source: StringLiteralContent.Source(source), interpolations: interpolations, range: range(token), isBlock: isBlock)
        case .unknownEscape(let at)?:
            let escaped = bytes[at + 1]
            throw Diagnostic(
                code: "E004", message: "未知的转义 “\\\(Character(UnicodeScalar(escaped)))”；写反斜杠本身请用 \\\\",
                range: SourceRange(file: file, start: at, end: at + 2))
        case .unclosedInterpolation(let at)?:
            throw Diagnostic(
                code: "E006", message: "插值 “{” 没有对应的 “}”；要写花括号本身请用 \\{",
                range: SourceRange(file: file, start: at, end: at + 1))
        }
    }

    /// The common case `{application.new}` — words joined by dots, nothing else — read directly, without
    /// a sub-lexer. Anything else returns nil and takes the general path.
    private func simplePath(_ range: Range<Int>) -> Expr? {
        // The path is checked, and its segments counted, on the bytes in place before any name is made; nil
        // at anything else.
        var count = 0
        let simple = source.bytes.withUnsafeBufferPointer { bytes -> Bool in
            guard range.lowerBound >= 0, range.upperBound <= bytes.count, !range.isEmpty else { return false }
            var start = range.lowerBound
            for i in range {
                let byte = bytes[i]
                if byte == UInt8(ascii: ".") {
                    guard i > start, Lexer.startsWord(bytes[start]) else { return false }
                    count += 1
                    start = i + 1
                    continue
                }
                // Each segment a word as the lexer reads one; the ideographic space separates words: leave that
                // (and every other case) to the full parser.
                guard Lexer.continuesWord(byte), !(byte == 0xE3 && i + 2 < range.upperBound && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80) else { return false }
            }
            guard range.upperBound > start, Lexer.startsWord(bytes[start]) else { return false }
            count += 1
            return true
        }
        guard simple else { return nil }
        // Exactly the room the names need: one allocation.
        var names: [Name] = []
        names.reserveCapacity(count)
        var start = range.lowerBound
        for _ in 0..<count {
            let end = ByteScan.next(UInt8(ascii: "."), in: source.bytes, from: start, to: range.upperBound)
            names.append(Name(text: source.text(start..<end), range: SourceRange(file: file, start: start, end: end)))
            start = end + 1
        }
        return .reference(names)
    }

    private mutating func parseInterpolation(_ bytes: Range<Int>) throws -> Expr {
        if let path = simplePath(bytes) { return path }
        var lexer = Lexer(bytes: source.bytes, file: file, range: bytes, recordsComments: false, mayHoldControlCharacters: source.holdsControlCharacters)
        lexer.run()
        if let first = lexer.diagnostics.first { throw first }
        var inner = Parser(source: source, file: file, tokens: lexer.tokens)
        inner.depth = depth + 1
        guard inner.peek.kind != .newline, inner.peek.kind != .end else {
            throw Diagnostic(
                code: "E006", message: "插值 “{}” 里是空的", range: SourceRange(file: file, start: bytes.lowerBound - 1, end: bytes.upperBound + 1))
        }
        let expression = try inner.parseExpression()
        guard inner.peek.isLineEnd else {
            throw Diagnostic(code: "E015", message: "插值里多出了“\(inner.text(inner.peek))”", range: inner.range(inner.peek))
        }
        return expression
    }
}

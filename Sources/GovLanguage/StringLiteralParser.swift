/// Reads a string token: checks its escapes (`\"`, `\\`, `\n`, `\{`, `\}`) and parses each `{expression}`
/// interpolation with a sub-parser over the same bytes, so positions inside a paragraph stay exact. The text
/// itself is decoded later, if ever (`StringLiteral`).
extension Parser {
    mutating func parseStringLiteral(_ token: Token) throws -> StringLiteral {
        let isBlock = token.kind == .textBlock
        let quote = isBlock ? 3 : 1
        let content = token.start + quote..<max(token.start + quote, token.end - quote)
        let bytes = source.bytes
        var interpolations: [StringLiteral.Interpolation] = []
        // Room for every `{…}` at once: growing as they came was an allocation and a copy each time.
        let braces = ByteScan.count(UInt8(ascii: "{"), in: bytes, from: content.lowerBound, to: content.upperBound)
        if braces > 0 { interpolations.reserveCapacity(braces) }
        let failure = try StringLiteralContent.scan(bytes, content) { piece in
            // A dotted path of words is kept as its bytes (`StringLiteral.Interpolation`); anything else parsed now.
            if case .interpolation(let inner) = piece {
                interpolations.append(.init(content: inner, expression: isSimplePath(inner) ? nil : try parseInterpolation(inner)))
            }
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

    /// Whether `{…}` is the common case `{application.new}` — words joined by dots, nothing else — whose
    /// expression `path` makes from the bytes alone, without a sub-lexer. Checked on the bytes in place.
    private func isSimplePath(_ range: Range<Int>) -> Bool {
        source.bytes.withUnsafeBufferPointer { bytes -> Bool in
            guard range.lowerBound >= 0, range.upperBound <= bytes.count, !range.isEmpty, let base = bytes.baseAddress else { return false }
            // Read through the base pointer, the range checked once above: indexed, each byte was checked
            // against the buffer's bounds again (about 20 instructions a byte; callgrind).
            var start = range.lowerBound
            var i = range.lowerBound
            let end = range.upperBound
            while i < end {
                let byte = base[i]
                if byte == UInt8(ascii: ".") {
                    guard i > start, Lexer.startsWord(base[start]) else { return false }
                    start = i + 1
                } else if byte >= 0x80 {
                    // Each segment a word as the lexer reads one; the ideographic space separates words: leave
                    // that (and every other case) to the full parser.
                    if byte == 0xE3, i + 2 < end, base[i + 1] == 0x80, base[i + 2] == 0x80 { return false }
                } else if !Lexer.continuesWord(byte) {
                    return false
                }
                i += 1
            }
            return end > start && Lexer.startsWord(base[start])
        }
    }

    /// The expression of a dotted path of words (`isSimplePath`): a reference to its names, as the full
    /// parser reads it.
    static func path(_ bytes: [UInt8], _ range: Range<Int>, file: FileID, isValidUTF8: Bool) -> Expr {
        let count = ByteScan.count(UInt8(ascii: "."), in: bytes, from: range.lowerBound, to: range.upperBound) + 1
        // Exactly the room the names need: one allocation.
        var names: [Name] = []
        names.reserveCapacity(count)
        var start = range.lowerBound
        for _ in 0..<count {
            let end = ByteScan.next(UInt8(ascii: "."), in: bytes, from: start, to: range.upperBound)
            names.append(Name(text: SourceFile.text(of: bytes, start..<end, isValidUTF8: isValidUTF8), range: SourceRange(file: file, start: start, end: end)))
            start = end + 1
        }
        return .reference(names)
    }

    private mutating func parseInterpolation(_ bytes: Range<Int>) throws -> Expr {
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

/// Decodes a string token: escapes (`\"`, `\\`, `\n`, `\{`, `\}`) and `{expression}` interpolations, each
/// parsed by a sub-parser over the same bytes, so positions inside a paragraph stay exact.
extension Parser {
    mutating func parseStringLiteral(_ token: Token) throws -> StringLiteral {
        let isBlock = token.kind == .textBlock
        let quote = isBlock ? 3 : 1
        var cursor = token.start + quote
        let limit = token.end - quote
        let bytes = source.bytes
        var parts: [StringLiteral.Part] = []
        // A text part around each `{…}`: room for them all at once (growing the array as parts came was
        // an allocation and a copy each time, 3.2 M of 230 M instructions checking 300 scripts).
        parts.reserveCapacity(2 * ByteScan.count(UInt8(ascii: "{"), in: bytes, from: cursor, to: limit) + 1)
        // Literal text is copied a run at a time (between escapes and interpolations), not byte by byte.
        var pending = ""
        var runStart = cursor

        func flushRun(upTo end: Int) {
            guard end > runStart else { return }
            // A control character is reported by the lexer (E008) and never reaches a rendered report.
            let text = source.text(runStart..<end)
            let run = source.holdsControlCharacters && ControlCharacter.containsRefused(bytes, in: runStart..<end) ? ControlCharacter.replacing(in: text) : text
            if pending.isEmpty { pending = run } else { pending += run }
        }
        func flushText() {
            if !pending.isEmpty {
                parts.append(.text(pending))
                pending = ""
            }
        }

        while cursor < limit {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\\"), cursor + 1 < limit {
                flushRun(upTo: cursor)
                let escaped = bytes[cursor + 1]
                switch escaped {
                case UInt8(ascii: "n"): pending += "\n"
                case UInt8(ascii: "t"): pending += "\t"
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                    pending.unicodeScalars.append(UnicodeScalar(escaped))
                default:
                    throw Diagnostic(
                        code: "E004", message: "未知的转义 “\\\(Character(UnicodeScalar(escaped)))”；写反斜杠本身请用 \\\\",
                        range: SourceRange(file: file, start: cursor, end: cursor + 2))
                }
                cursor += 2
                runStart = cursor
                continue
            }
            if byte == UInt8(ascii: "{") {
                var close = cursor + 1
                while close < limit, bytes[close] != UInt8(ascii: "}"), bytes[close] != UInt8(ascii: "\n") { close += 1 }
                guard close < limit, bytes[close] == UInt8(ascii: "}") else {
                    throw Diagnostic(
                        code: "E006", message: "插值 “{” 没有对应的 “}”；要写花括号本身请用 \\{",
                        range: SourceRange(file: file, start: cursor, end: cursor + 1))
                }
                flushRun(upTo: cursor)
                flushText()
                parts.append(.interpolation(try parseInterpolation(cursor + 1..<close)))
                cursor = close + 1
                runStart = cursor
                continue
            }
            // Jump to the next escape or interpolation: everything before it is plain text of this run.
            cursor = ByteScan.first(UInt8(ascii: "\\"), UInt8(ascii: "{"), in: bytes, from: cursor + 1, to: limit)
        }
        flushRun(upTo: limit)
        flushText()
        return StringLiteral(parts: parts, range: range(token), isBlock: isBlock)
    }

    /// The common case `{application.new}` — words joined by dots, nothing else — read directly, without
    /// a sub-lexer. Anything else returns nil and takes the general path.
    private func simplePath(_ range: Range<Int>) -> Expr? {
        let bytes = source.bytes
        var names: [Name] = []
        // Paths have one to four segments (`application.carried.person`): one allocation, not one per growth.
        names.reserveCapacity(4)
        var start = range.lowerBound
        for i in range.lowerBound...range.upperBound {
            let atEnd = i == range.upperBound
            if atEnd || bytes[i] == UInt8(ascii: ".") {
                guard i > start else { return nil }
                let first = bytes[start]
                guard first >= 0x80 || (first | 0x20 >= UInt8(ascii: "a") && first | 0x20 <= UInt8(ascii: "z")) || first == UInt8(ascii: "_") else {
                    return nil
                }
                let text = source.text(start..<i)
                names.append(Name(text: text, range: SourceRange(file: file, start: start, end: i)))
                start = i + 1
                continue
            }
            let byte = bytes[i]
            let isWord = byte >= 0x80 || byte == UInt8(ascii: "_") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
            // The ideographic space separates words; leave that (and every other case) to the full parser.
            guard isWord, !(byte == 0xE3 && i + 2 < range.upperBound && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80) else { return nil }
        }
        return names.isEmpty ? nil : .reference(names)
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

import Foundation

/// A hand-written recursive-descent parser: one statement per line. A line that cannot be read is
/// reported and skipped, so one typo never hides the errors after it.
package struct Parser {
    let source: SourceFile
    let file: FileID
    var tokens: [Token]
    var index = 0
    package internal(set) var diagnostics: [Diagnostic] = []
    /// Guards every recursive path (nested parentheses, interpolations) against hostile input.
    var depth = 0
    static let maximumDepth = 64
    /// Binary operators in one expression (a sum of 256 terms is far beyond any real report).
    static let maximumOperators = 256
    var operatorCount = 0

    package init(source: SourceFile, file: FileID, tokens: [Token]) {
        self.source = source
        self.file = file
        self.tokens = tokens
    }

    /// Lexes and parses a whole file.
    package static func parse(_ source: SourceFile, file: FileID) -> (script: Script, diagnostics: [Diagnostic]) {
        let (tokens, lexical) = Lexer.tokenize(source, file: file)
        var parser = Parser(source: source, file: file, tokens: tokens)
        let script = parser.parseScript()
        return (script, lexical + parser.diagnostics)
    }

    /// Lexes and parses a whole file, handing each statement to `take` as it is read (the evaluator's way:
    /// each statement is moved to it, where taking them from a script's array copied every one, and the
    /// array freed them all again; callgrind). Returns the diagnostics, the lexer's first.
    package static func parse(_ source: SourceFile, file: FileID, each take: (consuming Statement) -> Void) -> [Diagnostic] {
        let (tokens, lexical) = Lexer.tokenize(source, file: file)
        var parser = Parser(source: source, file: file, tokens: tokens)
        parser.parseStatements(take)
        return lexical + parser.diagnostics
    }

    /// As `parse(_:file:each:)`, offering each table statement in its plain form (`PlainTableLine`) to
    /// `plain` before it is parsed: a line `plain` takes (returns true for) is not parsed further, and no
    /// `Statement` is made of it; any other line is parsed and handed to `take` as usual.
    package static func parse(
        _ source: SourceFile, file: FileID, plain: (borrowing PlainTableLine) -> Bool, each take: (consuming Statement) -> Void
    ) -> [Diagnostic] {
        let (tokens, lexical) = Lexer.tokenize(source, file: file)
        var parser = Parser(source: source, file: file, tokens: tokens)
        parser.parseStatements(take, plain: plain, offersPlainLines: true)
        return lexical + parser.diagnostics
    }

    package mutating func parseScript() -> Script {
        var statements: [Statement] = []
        statements.reserveCapacity(tokens.count / 4)
        parseStatements { statements.append($0) }
        return Script(file: file, statements: statements)
    }

    /// Every statement of the file, each handed to `take` once its line is read; a line that cannot be
    /// read is reported and skipped. A statement with something left over on its line is handed over, and
    /// what is left over reported.
    mutating func parseStatements(_ take: (consuming Statement) -> Void) {
        parseStatements(take, plain: { _ in false }, offersPlainLines: false)
    }

    /// `offersPlainLines`: each table statement in its plain form is offered to `plain` first.
    private mutating func parseStatements(
        _ take: (consuming Statement) -> Void, plain: (borrowing PlainTableLine) -> Bool, offersPlainLines: Bool
    ) {
        var line = PlainTableLine()
        while peek.kind != .end {
            if peek.kind == .newline { index += 1; continue }
            do {
                let head = peek
                if offersPlainLines, head.kind == .word, let keyword = keyword(head) {
                    if PlainTableLine.isTableKeyword(keyword), let end = line.read(keyword, at: index, in: &self), plain(line) {
                        index = end
                        continue
                    }
                    index += 1
                    take(try parseStatement(keyword, at: head))
                } else {
                    take(try parseStatement())
                }
                try expectLineEnd()
            } catch let diagnostic as Diagnostic {
                // A line holding a token the lexer could not read was reported already, in its own words.
                if !lineHasInvalidToken() { diagnostics.append(diagnostic) }
                skipLine()
            } catch {
                skipLine()
            }
        }
    }

    // MARK: - Statements

    mutating func parseStatement() throws -> Statement {
        let head = peek
        guard head.kind == .word else {
            if head.kind == .invalid { throw Diagnostic(code: "E000", message: "这一行无法读取", range: range(head)) }
            throw Diagnostic(code: "E010", message: "每行应以语句关键字开头，这里是\(head.kind.spelling)", range: range(head))
        }
        guard let keyword = keyword(head) else {
            let spelling = text(head)
            let suggested = Suggestion.suggest(spelling, among: Keyword.allSpellings, at: range(head))
            throw Diagnostic(
                code: "E010", message: "未知的语句 “\(spelling)”" + suggested.hint, range: range(head), fixIts: suggested.fixIts)
        }
        index += 1
        return try parseStatement(keyword, at: head)
    }

    /// The statement whose keyword, `keyword`, is the token `head`, just read.
    mutating func parseStatement(_ keyword: Keyword, at head: Token) throws -> Statement {
        let kind = try parseBody(of: keyword, at: head)
        return Statement(
            keyword: keyword, keywordRange: range(head), kind: kind,
            range: SourceRange(file: file, start: head.start, end: tokens[max(index - 1, 0)].end))
    }

    mutating func parseBody(of keyword: Keyword, at head: Token) throws -> Statement.Kind {
        switch keyword {
        case .body: return .body(try parseName(after: keyword))
        case .year: return .year(try parseValue(after: keyword))
        case .format: return .format(try parseValue(after: keyword))
        case .parts: return .parts(try parseValue(after: keyword))
        case .title: return .title(try parseString(after: keyword))
        case .heading: return .heading(try parseString(after: keyword))
        case .text: return .text(try parseString(after: keyword))
        case .table: return .table(try parseString(after: keyword))
        case .include: return .include(try parseString(after: keyword))
        case .previous: return .previous(try parseString(after: keyword))
        case .published: return .published(try parseDate(after: keyword))
        case .section:
            let name = try parseName(after: keyword)
            // An official section may be followed by its title as printed (typos kept).
            let printed = !name.isQuoted && (peek.kind == .string || peek.kind == .textBlock) ? try parseString(after: keyword) : nil
            return .section(name, printed)
        case .lead: return .lead(try parseString(after: keyword))
        case .deliberate: return .deliberate(try parseValue(after: keyword), try parseString(after: keyword))
        case .kind: return .kind(try parseName(after: keyword))
        case .signoff:
            let name = try parseName(after: keyword)
            let date = peek.kind == .date ? try parseDate(after: keyword) : nil
            return .signoff(name, date)
        case .channel: return .channel(try parseName(after: keyword), try parseValue(after: keyword))
        case .category: return .category(try parseName(after: keyword), try parseValue(after: keyword))
        case .columns: return .columns(try parseRowItems(after: keyword))
        case .row: return .row(try parseRowItems(after: keyword))
        case .proactive, .application, .review, .lawsuit: return .cells(try parseCells(after: keyword))
        case .let:
            let name = try parseName(after: keyword)
            guard peek.kind == .equal else {
                throw Diagnostic(code: "E011", message: "“\(name.text)” 后面应有 =", range: range(peek))
            }
            index += 1
            return .binding(name, try parseExpression())
        case .assert:
            let condition = try parseExpression()
            let message = peek.kind == .string || peek.kind == .textBlock ? try parseString(after: keyword) : nil
            return .assertion(condition, message)
        }
    }

    /// Selector words, then `name value` pairs. A word followed by another word is a selector; a word
    /// followed by a value names a cell: `application business carried 1` reads unambiguously. The four
    /// words of a cell's state (`blank` 空白, `unknown` 不详) are values, and `元`/`万元` right after a value is
    /// its printed unit.
    mutating func parseCells(after keyword: Keyword) throws -> CellStatement {
        var selector: Name?
        var moreSelectors: [Name] = []
        var entries: [CellStatement.Entry] = []
        // A name and a value per entry: room for them all at once, not an allocation per doubling.
        var lineEnd = index
        while !tokens[lineEnd].isLineEnd { lineEnd += 1 }
        entries.reserveCapacity((lineEnd - index) / 2)
        // Selectors: each word that another word (not a mark) follows. Found first, then taken: the room for
        // them is one allocation, and the parser is not copied for each question (callgrind).
        var selectorEnd = index
        while tokens[selectorEnd].kind == .word, tokens[selectorEnd + 1].kind == .word, !isMarkWord(tokens[selectorEnd + 1]) {
            selectorEnd += 1
        }
        if selectorEnd > index {
            let token = advance()
            selector = Name(text: text(token), range: range(token))
            if selectorEnd > index { moreSelectors.reserveCapacity(selectorEnd - index) }
            while index < selectorEnd {
                let token = advance()
                moreSelectors.append(Name(text: text(token), range: range(token)))
            }
        }
        while !peek.isLineEnd {
            let name = try parseName(after: keyword)
            if let mark = tokens[index].kind == .word ? cellMark(tokens[index]) : nil {
                entries.append(CellStatement.Entry(name: name, value: .mark(mark, range(advance()))))
                continue
            }
            if tokens[index].isLineEnd || tokens[index].kind == .word {
                throw Diagnostic(code: "E012", message: "“\(name.text)” 后面缺少数值", range: name.range)
            }
            let value = try parseValue(after: keyword)
            var unit: Name?
            if peek.kind == .word, isAmountUnit(peek) {
                let token = advance()
                unit = Name(text: text(token), range: range(token))
            }
            entries.append(CellStatement.Entry(name: name, value: .expression(value), unit: unit))
        }
        if entries.isEmpty {
            throw Diagnostic(
                code: "E012", message: "“\(keyword.english)” 语句缺少数值，例如：\(keyword.example)",
                range: (moreSelectors.last ?? selector)?.range ?? range(tokens[index - 1]))
        }
        return CellStatement(selector: selector, moreSelectors: moreSelectors, entries: entries)
    }

    /// Items of a local table's `columns` or `row`: words and strings are text, numbers are values,
    /// parentheses hold an expression.
    mutating func parseRowItems(after keyword: Keyword) throws -> [Expr] {
        var items: [Expr] = []
        while !peek.isLineEnd {
            switch peek.kind {
            case .word:
                let token = advance()
                items.append(.string(StringLiteral(parts: [.text(text(token))], range: range(token), isBlock: false)))
            case .string, .textBlock:
                items.append(.string(try parseString(after: keyword)))
            default:
                items.append(try parseValue(after: keyword))
            }
        }
        if items.isEmpty {
            throw Diagnostic(code: "E012", message: "“\(keyword.english)” 后面缺少内容，例如：\(keyword.example)", range: range(tokens[index - 1]))
        }
        return items
    }

    // MARK: - Operands

    mutating func parseName(after keyword: Keyword) throws -> Name {
        let token = peek
        switch token.kind {
        case .word:
            index += 1
            return Name(text: text(token), range: range(token))
        case .string:
            let literal = try parseString(after: keyword)
            guard let plain = literal.plainText else {
                throw Diagnostic(code: "E013", message: "名称里不能使用 {…} 插值", range: literal.range)
            }
            guard !plain.allSatisfy({ $0.isWhitespace }) else {
                throw Diagnostic(code: "E012", message: "名称不能是空的（\(keyword.english) 的写法：\(keyword.example)）", range: literal.range)
            }
            return Name(text: plain, range: literal.range, isQuoted: true)
        default:
            throw Diagnostic(
                code: "E012", message: "这里缺少名称（\(keyword.english) 的写法：\(keyword.example)）", range: range(token))
        }
    }

    /// A value in a statement: a number, a signed number (`+9`, `-18`), or `(expression)`. Bare names are
    /// not values here, because a word after a value starts the next pair.
    mutating func parseValue(after keyword: Keyword) throws -> Expr {
        // A plain count (most values of a report) read here, as `parseOperand` reads it, without the
        // calls down to it; anything else (a sign, a decimal, parentheses, a number too large) goes there.
        let token = peek
        if token.kind == .integer, let value = integerValue(token) {
            index += 1
            return .integer(value, range(token))
        }
        let signed = peek.kind == .plus || peek.kind == .minus
        switch signed ? tokens[index + 1].kind : peek.kind {
        case .integer, .decimal, .leftParen:
            return try parseUnary()
        default:
            throw Diagnostic(
                code: "E012",
                message: "这里应是数值，却是\(peek.kind.spelling)（\(keyword.english) 的写法：\(keyword.example)）",
                range: range(peek))
        }
    }

    mutating func parseString(after keyword: Keyword) throws -> StringLiteral {
        let token = peek
        guard token.kind == .string || token.kind == .textBlock else {
            throw Diagnostic(
                code: "E012", message: "这里应是带引号的文字（\(keyword.english) 的写法：\(keyword.example)）", range: range(token))
        }
        index += 1
        return try parseStringLiteral(token)
    }

    mutating func parseDate(after keyword: Keyword) throws -> DateLiteral {
        let token = peek
        guard token.kind == .date else {
            throw Diagnostic(code: "E012", message: "这里应是日期，如 2021-01-20（\(keyword.example)）", range: range(token))
        }
        index += 1
        // The lexer made the token: four digits, a dash, one or two digits, a dash, one or two digits. Read
        // into three numbers in place (an array for them was an allocation a date).
        var parts = (0, 0, 0)
        var count = 1
        for byte in source.bytes[token.start..<token.end] {
            if byte == UInt8(ascii: "-") {
                count += 1
            } else {
                let digit = Int(byte &- UInt8(ascii: "0"))
                switch count {
                case 1: parts.0 = parts.0 &* 10 &+ digit
                case 2: parts.1 = parts.1 &* 10 &+ digit
                default: parts.2 = parts.2 &* 10 &+ digit
                }
            }
        }
        let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard count == 3, (1...12).contains(parts.1), (1...days[parts.1 - 1]).contains(parts.2),
            parts.1 != 2 || parts.2 < 29 || parts.0 % 4 == 0 && (parts.0 % 100 != 0 || parts.0 % 400 == 0)
        else {
            throw Diagnostic(code: "E014", message: "日期 “\(text(token))” 不存在", range: range(token))
        }
        // Reports exist from 2000 (year is 2000–2100) and are published the year after.
        guard (2000...2101).contains(parts.0) else {
            throw Diagnostic(code: "E014", message: "日期 “\(text(token))” 的年份不合理（应在 2000–2101 年之间）", range: range(token))
        }
        return DateLiteral(year: parts.0, month: parts.1, day: parts.2, range: range(token))
    }

    // MARK: - Tokens

    var peek: Token { tokens[index] }

    mutating func advance() -> Token {
        let token = tokens[index]
        if token.kind != .end { index += 1 }
        return token
    }

    /// Asked after every statement: the test inlined, the finding made out of line.
    @inline(__always)
    mutating func expectLineEnd() throws {
        if !tokens[index].isLineEnd { throw somethingLeftOver() }
    }

    private func somethingLeftOver() -> Diagnostic {
        Diagnostic(code: "E015", message: "这一行多出了“\(text(peek))”：每行只写一条语句", range: range(peek))
    }

    func lineHasInvalidToken() -> Bool {
        var i = index
        while i > 0, !tokens[i - 1].isLineEnd { i -= 1 }
        while i < tokens.count, !tokens[i].isLineEnd {
            if tokens[i].kind == .invalid { return true }
            i += 1
        }
        return false
    }

    mutating func skipLine() {
        while !peek.isLineEnd { index += 1 }
    }

    func text(_ token: Token) -> String { source.text(token.start..<token.end) }

    @inline(__always) func range(_ token: Token) -> SourceRange { SourceRange(file: file, start: token.start, end: token.end) }
}

/// Joins a statement's tokens with canonical spacing: one space between tokens, none around `.` (paths),
/// inside parentheses, or after a sign (`-18`, `+9`). Token text is copied exactly as written, so spellings,
/// quotes and numbers never change; only whitespace does.
///
/// A `+` or `-` is a sign when it cannot be a binary operator: outside an expression (statement values are
/// always signed numbers or parenthesised expressions), or inside one when nothing that ends an operand
/// comes before it.
struct TokenSpacing {
    let source: SourceFile

    /// `expressionStart` is the index (into `tokens`) where an expression begins outside parentheses: after
    /// `=` in `let`, after the keyword in `assert`; nil for statements whose values are all signed numbers.
    func join(_ tokens: ArraySlice<Token>, expressionStart: Int? = nil) -> String {
        var out = ""
        var depth = 0
        var previous: Token?
        var previousIsSign = false
        for (offset, token) in zip(tokens.indices, tokens) {
            let startsExpression = offset == expressionStart
            let inExpression = depth > 0 || (expressionStart.map { offset >= $0 } ?? false)
            // The token before an expression (a keyword or `=`) is no operand of it.
            let before = startsExpression ? nil : previous
            var isSign = false
            if token.kind == .plus || token.kind == .minus {
                isSign = !inExpression || !(before.map { TokenSpacing.endsOperand($0.kind) } ?? false)
            }
            if let previous, TokenSpacing.needsSpace(between: previous.kind, and: token.kind, afterSign: previousIsSign) {
                out += " "
            }
            out += text(token)
            if token.kind == .leftParen { depth += 1 }
            if token.kind == .rightParen { depth = max(0, depth - 1) }
            previous = token
            previousIsSign = isSign
        }
        return out
    }

    func text(_ token: Token) -> String { source.text(token.start..<token.end) }

    static func needsSpace(between previous: TokenKind, and next: TokenKind, afterSign: Bool) -> Bool {
        if next == .dot || previous == .dot { return false }
        if previous == .leftParen || next == .rightParen { return false }
        return !afterSign
    }

    static func endsOperand(_ kind: TokenKind) -> Bool {
        switch kind {
        case .integer, .decimal, .date, .string, .textBlock, .word, .rightParen: return true
        default: return false
        }
    }
}

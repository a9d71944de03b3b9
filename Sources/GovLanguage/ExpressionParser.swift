import Foundation

/// Expressions (for `let`, `assert`, values in parentheses and `{…}` interpolations), by precedence:
/// comparison, then + and -, then * and /, then unary sign, then operands.
extension Parser {
    package mutating func parseExpression() throws -> Expr {
        if depth == 0 { operatorCount = 0 }
        return try nested { parser in try parser.parseComparison() }
    }

    mutating func parseComparison() throws -> Expr {
        var left = try parseAdditive()
        while let op = comparisonOperator(peek.kind) {
            try countOperator()
            index += 1
            let right = try parseAdditive()
            left = .binary(op, left, right, left.range.union(right.range))
        }
        return left
    }

    mutating func parseAdditive() throws -> Expr {
        var left = try parseMultiplicative()
        while peek.kind == .plus || peek.kind == .minus {
            try countOperator()
            let op: BinaryOperator = advance().kind == .plus ? .add : .subtract
            let right = try parseMultiplicative()
            left = .binary(op, left, right, left.range.union(right.range))
        }
        return left
    }

    mutating func parseMultiplicative() throws -> Expr {
        var left = try parseUnary()
        while peek.kind == .star || peek.kind == .slash {
            try countOperator()
            let op: BinaryOperator = advance().kind == .star ? .multiply : .divide
            let right = try parseUnary()
            left = .binary(op, left, right, left.range.union(right.range))
        }
        return left
    }

    mutating func parseUnary() throws -> Expr {
        let token = peek
        if token.kind == .minus || token.kind == .plus {
            index += 1
            let operand = try nested { parser in try parser.parseUnary() }
            let whole = range(token).union(operand.range)
            return token.kind == .minus ? .negate(operand, whole) : operand
        }
        return try parseOperand()
    }

    /// A decimal literal's value (the lexer's: ASCII digits and one point). Up to 18 digits, made from the
    /// digits as an integer scaled by the point — `Decimal(string:locale:)`, with its `Locale`, cost about
    /// 9,000 instructions a literal (callgrind) —; anything else is read by `Decimal(string:)` as before.
    static func decimalValue(_ literal: String) -> Decimal? {
        var significand = 0, digits = 0, fraction = -1
        for byte in literal.utf8 {
            if byte == UInt8(ascii: "."), fraction < 0 {
                fraction = 0
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 18 else {
                return Decimal(string: literal, locale: posix)
            }
            digits += 1
            if fraction >= 0 { fraction += 1 }
            significand = significand * 10 + Int(byte - UInt8(ascii: "0"))
        }
        guard digits > 0 else { return Decimal(string: literal, locale: posix) }
        return Decimal(sign: .plus, exponent: -max(fraction, 0), significand: Decimal(significand))
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    mutating func parseOperand() throws -> Expr {
        let token = peek
        switch token.kind {
        case .integer:
            index += 1
            guard let value = integerValue(token) else {
                throw Diagnostic(code: "E016", message: "数字 \(text(token)) 太大，超出了可计算的范围", range: range(token))
            }
            return .integer(value, range(token))
        case .decimal:
            index += 1
            let literal = text(token)
            // Decimal keeps 38 significant digits exactly; refuse more rather than round silently.
            guard literal.utf8.count <= 39, let value = Parser.decimalValue(literal) else {
                throw Diagnostic(code: "E016", message: "金额 \(literal) 位数太多，无法精确计算", range: range(token))
            }
            return .decimal(value, literal, range(token))
        case .string, .textBlock:
            index += 1
            return .string(try parseStringLiteral(token))
        case .word:
            // Room for every segment of the path at once (`a.b.c`: the dots counted ahead): appended to an
            // array of one, a path of three grew it twice, an allocation and a copy each (callgrind).
            var segments = 1
            while index + 2 * segments < tokens.count, tokens[index + 2 * segments - 1].kind == .dot { segments += 1 }
            var names: [Name] = []
            names.reserveCapacity(segments)
            names.append(Name(text: text(token), range: range(token)))
            index += 1
            while peek.kind == .dot {
                index += 1
                let part = peek
                guard part.kind == .word || part.kind == .string else {
                    throw Diagnostic(code: "E017", message: "“.” 后面应是名称", range: range(part))
                }
                names.append(try parseName(after: .let))
            }
            return .reference(names)
        case .leftParen:
            index += 1
            let inner = try parseExpression()
            guard peek.kind == .rightParen else {
                throw Diagnostic(code: "E018", message: "缺少右括号 “)”", range: range(peek))
            }
            index += 1
            return inner
        default:
            throw Diagnostic(code: "E019", message: "这里应是数值或名称，却是\(token.kind.spelling)", range: range(token))
        }
    }

    /// The digits of an integer token as an `Int`, read from the bytes (no string is made), or nil when the
    /// number does not fit.
    func integerValue(_ token: Token) -> Int? {
        // The digits read through the buffer: indexing the array checked its bounds at every digit.
        source.bytes.withUnsafeBufferPointer { bytes -> Int? in
            guard token.end <= bytes.count else { return nil }
            var value = 0
            for offset in token.start..<token.end {
                let (times, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times.addingReportingOverflow(Int(bytes[offset] &- UInt8(ascii: "0")))
                if o1 || o2 { return nil }
                value = sum
            }
            return value
        }
    }

    func comparisonOperator(_ kind: TokenKind) -> BinaryOperator? {
        switch kind {
        case .equalEqual: return .equal
        case .bangEqual: return .notEqual
        case .less: return .less
        case .lessEqual: return .lessEqual
        case .greater: return .greater
        case .greaterEqual: return .greaterEqual
        default: return nil
        }
    }

    /// Each binary operator deepens the (left-leaning) tree by one level, and everything that walks an
    /// expression — evaluating, printing, freeing it — recurses that deep: so an expression has a bounded
    /// number of operators, like its bounded nesting.
    mutating func countOperator() throws {
        operatorCount += 1
        guard operatorCount <= Parser.maximumOperators else {
            throw Diagnostic(code: "E020", message: "表达式太长（最多 \(Parser.maximumOperators) 个运算符）；请用 let 分段计算", range: range(peek))
        }
    }

    /// Runs a recursive step with a depth guard: no input can exhaust the stack.
    mutating func nested<T>(_ body: (inout Parser) throws -> T) throws -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Parser.maximumDepth else {
            throw Diagnostic(code: "E020", message: "表达式嵌套太深（最多 \(Parser.maximumDepth) 层）", range: range(peek))
        }
        return try body(&self)
    }
}

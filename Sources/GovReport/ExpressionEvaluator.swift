import Foundation
import GovLanguage

/// Evaluates expressions. Names are resolved by the caller's `resolve`, so the same evaluator serves while
/// the tables are being filled (where only `let` names are known) and afterwards (where text and asserts
/// may read any cell).
struct ExpressionEvaluator {
    let resolve: ([Name]) throws -> Value
    /// A `{…}` that is a dotted path of words, answered from its bytes when it can be (a cell, the year):
    /// nil leaves it to its expression and `resolve`, which make the same value or say what is wrong.
    let resolvePath: ((UnsafeBufferPointer<UInt8>) -> Value?)?

    init(resolvePath: ((UnsafeBufferPointer<UInt8>) -> Value?)? = nil, resolve: @escaping ([Name]) throws -> Value) {
        self.resolve = resolve
        self.resolvePath = resolvePath
    }

    func evaluate(_ expression: Expr) throws -> Value {
        switch expression {
        case .integer(let value, _):
            return .integer(value)
        case .decimal(let value, let text, _):
            return .amount(value, text)
        case .string(let literal):
            return .text(try interpolate(literal))
        case .reference(let names):
            return try resolve(names)
        case .negate(let operand, let range):
            switch try evaluate(operand) {
            case .integer(let value):
                let (negated, overflow) = Int(0).subtractingReportingOverflow(value)
                if overflow { throw overflowError(range) }
                return .integer(negated)
            case .amount(let value, _):
                return .amount(-value, nil)
            case let other:
                throw Diagnostic(code: "E036", message: "不能对\(other.typeName)取负号", range: range)
            }
        case .binary(let op, let left, let right, let range):
            return try binary(op, try evaluate(left), try evaluate(right), range)
        }
    }

    /// What `interpolate` throws, without building the text: each `{…}` evaluated, in order.
    func check(_ literal: StringLiteral) throws {
        // As `value(of:at:)` for each, the path's bytes read in place; written out rather than through a
        // shared helper returning the value, which made and freed a `Value` for each `{…}` (+0.18 M
        // instructions for 300 scripts; callgrind).
        try literal.forEachPath { index, path in
            if let resolvePath, let path, resolvePath(path) != nil { return }
            _ = try evaluate(literal.interpolation(at: index))
        }
    }

    func interpolate(_ literal: StringLiteral) throws -> String {
        try literal.text(interpolatingEach: { try value(of: literal, at: $0).display })
    }

    /// The value of a literal's `index`th `{…}`: from its bytes when `resolvePath` answers them.
    private func value(of literal: StringLiteral, at index: Int) throws -> Value {
        if let resolvePath, let path = literal.path(at: index),
            let value = path.bytes.withUnsafeBufferPointer({ resolvePath(UnsafeBufferPointer(rebasing: $0[path.content])) })
        {
            return value
        }
        return try evaluate(literal.interpolation(at: index))
    }

    private func binary(_ op: BinaryOperator, _ a: Value, _ b: Value, _ range: SourceRange) throws -> Value {
        switch op {
        case .equal: return .bool(try compare(a, b, range) == .orderedSame)
        case .notEqual: return .bool(try compare(a, b, range) != .orderedSame)
        case .less: return .bool(try compare(a, b, range) == .orderedAscending)
        case .lessEqual: return .bool(try compare(a, b, range) != .orderedDescending)
        case .greater: return .bool(try compare(a, b, range) == .orderedDescending)
        case .greaterEqual: return .bool(try compare(a, b, range) != .orderedAscending)
        case .add, .subtract, .multiply, .divide: break
        }
        if case .text(let x) = a, case .text(let y) = b, op == .add {
            guard x.utf8.count + y.utf8.count <= SourceLimits.maximumTextBytes else {
                throw Diagnostic(
                    code: "E039", message: "用 + 连接的文字太长（超过 \(SourceLimits.maximumTextBytes) 字节，一行的长度）", range: range)
            }
            return .text(x + y)
        }
        if case .integer(let x) = a, case .integer(let y) = b {
            let result: (Int, Bool)
            switch op {
            case .add: result = x.addingReportingOverflow(y)
            case .subtract: result = x.subtractingReportingOverflow(y)
            case .multiply: result = x.multipliedReportingOverflow(by: y)
            default:
                guard y != 0 else { throw Diagnostic(code: "E037", message: "除数为 0", range: range) }
                if x % y == 0 { return .integer(x / y) }
                return .amount(Decimal(x) / Decimal(y), nil)
            }
            if result.1 { throw overflowError(range) }
            return .integer(result.0)
        }
        guard let x = a.decimal, let y = b.decimal else {
            throw Diagnostic(code: "E036", message: "\(a.typeName)和\(b.typeName)不能做 \(op.rawValue) 运算", range: range)
        }
        switch op {
        case .add: return .amount(x + y, nil)
        case .subtract: return .amount(x - y, nil)
        case .multiply: return .amount(x * y, nil)
        default:
            guard y != 0 else { throw Diagnostic(code: "E037", message: "除数为 0", range: range) }
            return .amount(x / y, nil)
        }
    }

    private func compare(_ a: Value, _ b: Value, _ range: SourceRange) throws -> ComparisonResult {
        if let x = a.decimal, let y = b.decimal { return x == y ? .orderedSame : x < y ? .orderedAscending : .orderedDescending }
        if case .text(let x) = a, case .text(let y) = b { return x == y ? .orderedSame : x < y ? .orderedAscending : .orderedDescending }
        if case .bool(let x) = a, case .bool(let y) = b { return x == y ? .orderedSame : .orderedAscending }
        throw Diagnostic(code: "E036", message: "\(a.typeName)和\(b.typeName)不能比较", range: range)
    }

    private func overflowError(_ range: SourceRange) -> Diagnostic {
        Diagnostic(code: "E016", message: "计算结果太大，超出了可计算的范围", range: range)
    }
}

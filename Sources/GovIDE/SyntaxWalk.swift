import GovLanguage

/// What analysis needs from a statement without evaluating it: the names it refers to, wherever they are
/// written (in values, asserts and inside `{…}` of text).
enum SyntaxWalk {
    /// Every reference (`平台`, `application.new`) in a statement, in source order.
    static func references(in statement: Statement) -> [[Name]] {
        var found: [[Name]] = []
        for expression in expressions(in: statement) { collect(expression, into: &found) }
        return found
    }

    private static func expressions(in statement: Statement) -> [Expr] {
        switch statement.kind {
        case .year(let value), .format(let value), .parts(let value), .channel(_, let value), .category(_, let value),
            .binding(_, let value):
            return [value]
        case .title(let literal), .heading(let literal), .text(let literal), .table(let literal), .lead(let literal):
            return [.string(literal)]
        case .deliberate(let value, let reason):
            return [value, .string(reason)]
        case .section(_, let printed):
            return printed.map { [.string($0)] } ?? []
        case .columns(let values), .row(let values):
            return values
        case .cells(let cells):
            return cells.entries.compactMap { entry in
                if case .expression(let value) = entry.value { return value }
                return nil  // `blank` / `unknown`: no expression
            }
        case .assertion(let value, let message):
            return [value] + (message.map { [.string($0)] } ?? [])
        case .body, .published, .signoff, .previous, .include, .kind:
            return []
        }
    }

    private static func collect(_ expression: Expr, into found: inout [[Name]]) {
        switch expression {
        case .integer, .decimal:
            return
        case .reference(let names):
            found.append(names)
        case .negate(let inner, _):
            collect(inner, into: &found)
        case .binary(_, let left, let right, _):
            collect(left, into: &found)
            collect(right, into: &found)
        case .string(let literal):
            literal.forEachInterpolation { collect($0, into: &found) }
        }
    }

    /// The statement whose text covers `offset` (its end included, so a cursor just after a word counts).
    static func statement(at offset: Int, in script: Script) -> Statement? {
        script.statements.first { $0.range.start <= offset && offset <= $0.range.end }
    }
}

extension SourceRange {
    /// Whether a cursor at `offset` is on this range (touching its end counts: the cursor after a word).
    func touches(_ offset: Int) -> Bool { start <= offset && offset <= end }
}

import GovLanguage

/// The values of `let` bindings once computed. A binding's value never changes once it can be computed
/// (names are bound once), so a chain such as `let b = a + a`, `let c = b + b`, … costs one evaluation
/// per binding rather than doubling with every link. Failures are not kept: in cell values a name may be
/// bound later in the file, and asking again there must look again.
final class BindingCache {
    private var values: [String: Value]

    init(copying other: BindingCache? = nil) {
        values = other?.values ?? [:]
    }

    /// The longest chain of bindings that refer to bindings, evaluated depth-first (each link is a level of
    /// recursion, so the chain is bounded like expression nesting).
    static let maximumChain = 64

    func value(of name: String, range: SourceRange, visiting: Set<String>, compute: () throws -> Value) throws -> Value {
        if let known = values[name] { return known }
        if visiting.contains(name) {
            throw Diagnostic(code: "E033", message: "“\(name)” 的定义引用了它自己", range: range)
        }
        guard visiting.count < BindingCache.maximumChain else {
            throw Diagnostic(
                code: "E038",
                message: "let 定义一个引用一个，链太长（超过 \(BindingCache.maximumChain) 层）：“\(name)” 无法计算；请直接写出中间的数值",
                range: range)
        }
        let value = try compute()
        values[name] = value
        return value
    }
}

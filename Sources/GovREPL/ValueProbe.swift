import Gov

/// The value a `let` name has in the finished report, found by asking the batch evaluator itself: the
/// session is evaluated once more with a marked paragraph `{NAME}` appended, and the paragraph read back.
/// So the REPL never has an evaluator of its own that could disagree with `gov check`.
enum ValueProbe {
    static let marker = "\u{E000}"

    static func value(of name: String, in sessionText: String, path: String) -> String? {
        // Only a bare word can be written inside {…}; a quoted name is shown without its value.
        guard BareName.isBare(name) else { return nil }
        let probe = sessionText + "text \"\(marker){\(name)}\(marker)\"\n"
        let evaluation = Gov.evaluate(source: probe, path: path)
        let blocks = evaluation.report.introduction + evaluation.report.sections.flatMap(\.blocks)
        for case .paragraph(let text) in blocks.reversed() where text.hasPrefix(marker) && text.hasSuffix(marker) {
            return String(text.dropFirst().dropLast())
        }
        return nil
    }
}

import GovLanguage
import GovReport

/// The value a `let` name has in the finished report, asked of the evaluator itself (as the REPL does): the
/// document is evaluated once more with a marked paragraph `{NAME}` appended, and the paragraph read back.
/// So hover never has an evaluator of its own that could disagree with `gov check`.
enum LetValue {
    static let marker = "\u{E000}"

    static func value(of name: String, in document: CheckedDocument, snapshot: Snapshot) -> String? {
        guard name.unicodeScalars.allSatisfy({ $0 != "\"" && $0 != "{" && $0 != "}" && $0 != "\\" }) else { return nil }
        var text = String(decoding: document.text, as: UTF8.self)
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        text += "text \"\(marker){\(name)}\(marker)\"\n"
        let evaluation = Evaluator.evaluate(source: text, path: document.path, loader: snapshot.loader)
        let blocks = evaluation.report.introduction + evaluation.report.sections.flatMap(\.blocks)
        for case .paragraph(let paragraph) in blocks.reversed() where paragraph.hasPrefix(marker) && paragraph.hasSuffix(marker) {
            return String(paragraph.dropFirst().dropLast())
        }
        return nil
    }
}

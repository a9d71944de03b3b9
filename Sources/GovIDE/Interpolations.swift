import GovLanguage
import GovReport

/// The editor's form of `gov fmt --interpolate`: a literal number in text that agrees with the quantity
/// it states (`全年新收申请120件` where the table says 120) can become the `{…}` that states it by
/// construction. Offered only when the text check linked it unambiguously and agreed, and only when the
/// rewritten document says exactly what it said before.
enum Interpolations {
    static func actions(for range: Range<Int>, in document: CheckedDocument, snapshot: Snapshot) -> [CodeActions.Action] {
        guard let evaluation = document.evaluation, let source = document.source else { return [] }
        var actions: [CodeActions.Action] = []
        for quantity in evaluation.report.textQuantities {
            guard evaluation.sources.file(quantity.range.file).path == document.path,
                quantity.range.start <= range.upperBound, range.lowerBound <= quantity.range.end,
                let link = quantity.link, link.verdict == .agrees, let expression = link.interpolation, !expression.contains("\"")
            else { continue }
            let edit = Edit(range: quantity.range.start..<quantity.range.end, newText: "{\(expression)}")
            guard saysTheSame(after: edit, source: source, path: document.path, before: evaluation, snapshot: snapshot) else { continue }
            actions.append(
                CodeActions.Action(
                    title: "\(quantity.written)\(quantity.unit) 改写为 {\(expression)}", edits: [edit], finding: nil, isPreferred: false))
        }
        return actions
    }

    /// The rewritten document evaluates to the same text, and reads without new syntax errors.
    private static func saysTheSame(after edit: Edit, source: SourceFile, path: String, before: Evaluation, snapshot: Snapshot) -> Bool {
        var bytes = source.bytes
        guard edit.range.upperBound <= bytes.count else { return false }
        bytes.replaceSubrange(edit.range, with: Array(edit.newText.utf8))
        var rewritten = snapshot
        rewritten[path: path] = bytes
        let after = Evaluator.evaluate(path: path, loader: rewritten.loader)
        let text = { (evaluation: Evaluation) in
            String(describing: evaluation.report.introduction) + String(describing: evaluation.report.sections.map(\.blocks))
        }
        return text(after) == text(before) && after.findings.filter { $0.code.kind == .syntax }.count <= before.findings.filter { $0.code.kind == .syntax }.count
    }
}

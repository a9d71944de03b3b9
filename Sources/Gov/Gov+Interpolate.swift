import GovLanguage
import GovRender
import GovReport
import Foundation

/// The fix-it of the text-quantity check: a literal number that agrees with the quantity it states is
/// rewritten as the `{…}` that states it by construction. Every other byte stays as it was, and the result
/// is checked: the rewritten script must evaluate to the same paragraphs, or nothing is changed.
extension Gov {
    public struct Interpolation: Sendable {
        public let location: SourceLocation
        /// "120件"
        public let literal: String
        /// "application.new"
        public let expression: String
    }

    public struct InterpolatedScript: Sendable {
        public let path: String
        /// The rewritten bytes; nil when there is nothing to rewrite or the script cannot be checked.
        public let rewritten: Data?
        public let interpolations: [Interpolation]
        /// Why the file was left alone: errors in the script, or a rewrite that would change its text.
        public let refusal: String?
    }

    public static func interpolate(path: String, loader: ScriptLoader = ScriptLoader()) -> InterpolatedScript {
        let evaluation = Evaluator.evaluate(path: path, loader: loader)
        if evaluation.findings.contains(where: { $0.code.kind == .syntax || $0.code.kind == .input }) {
            return InterpolatedScript(path: path, rewritten: nil, interpolations: [], refusal: "脚本有语法或取值错误，先用 gov check 修正")
        }
        guard let main = evaluation.report.textQuantities.first?.range.file ?? evaluation.findings.first?.range?.file else {
            return InterpolatedScript(path: path, rewritten: nil, interpolations: [], refusal: nil)
        }
        let source = evaluation.sources.file(main)
        var edits: [(range: Range<Int>, text: String, record: Interpolation)] = []
        for quantity in evaluation.report.textQuantities where quantity.range.file == main {
            guard let link = quantity.link, link.verdict == .agrees, let expression = link.interpolation,
                !expression.contains("\"")
            else { continue }
            let record = Interpolation(
                location: evaluation.sources.location(quantity.range), literal: quantity.written + quantity.unit, expression: expression)
            edits.append((quantity.range.start..<quantity.range.end, "{\(expression)}", record))
        }
        guard !edits.isEmpty else { return InterpolatedScript(path: path, rewritten: nil, interpolations: [], refusal: nil) }
        var bytes = source.bytes
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            bytes.replaceSubrange(edit.range, with: Array(edit.text.utf8))
        }
        // The rewritten script must say exactly what the original said.
        let after = Evaluator.evaluate(source: String(decoding: bytes, as: UTF8.self), path: path, loader: loader)
        guard Gov.text(after) == Gov.text(evaluation), !after.findings.contains(where: { $0.code.kind == .syntax || $0.code.kind == .input }) else {
            return InterpolatedScript(path: path, rewritten: nil, interpolations: [], refusal: "改写后报告的文字会变化，未改动（E070）")
        }
        return InterpolatedScript(path: path, rewritten: Data(bytes), interpolations: edits.map(\.record), refusal: nil)
    }
}

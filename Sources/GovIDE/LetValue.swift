import GovLanguage
import GovReport

/// The value a `let` name has in the finished report, as the evaluation recorded it for the statement that
/// bound it (`Evaluation.effects`): hover never evaluates anything of its own that could disagree with
/// `gov check`.
enum LetValue {
    static func value(of name: String, in document: CheckedDocument) -> String? {
        document.evaluation?.effects.lazy.compactMap(\.binding).first { $0.name == name }?.value
    }
}

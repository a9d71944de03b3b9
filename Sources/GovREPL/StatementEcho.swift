import Gov
import GovLanguage
import GovRender
import GovReport

/// The echo of statements whose effect is not a new fact in the report: `section overview` changes where
/// the next text goes, `let` names a value that is only seen where it is used. Read from what the
/// evaluation says each statement of the entry did — the entry is never parsed or evaluated again.
enum StatementEcho {
    /// The effects of the statements of the entry that starts at byte `entryStart` of the session (file 0).
    static func effects(of evaluation: Evaluation, entryStart: Int) -> [StatementEffect] {
        evaluation.effects.filter { $0.range.file.index == 0 && $0.range.start >= entryStart }
    }

    static func lines(for effects: [StatementEffect], in report: Report) -> [String] {
        var lines: [String] = []
        for effect in effects {
            if let index = effect.section, index < report.sections.count {
                lines.append("以下内容写入「\(ChineseNumeral.of(index + 1))、\(report.sections[index].title)」")
            }
            // Only a bare word can be written inside {…}; a quoted name is shown without its value.
            if let binding = effect.binding, BareName.isBare(binding.name), let value = binding.value {
                lines.append("\(binding.name) = \(value)")
            }
            if effect.keyword == .assert { lines.append("断言成立") }
        }
        // An assert that fails is reported as a rule now failing; "断言成立" would contradict it.
        if effects.contains(where: { $0.assertionHolds == false }) { lines.removeAll { $0 == "断言成立" } }
        return lines
    }
}

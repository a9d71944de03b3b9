import Gov
import GovLanguage
import GovRender
import GovReport

/// Which rules an entry broke or mended: rule findings (A1–C4 and asserts) present after the entry and not
/// before are "now failing", those gone are "now holding". A rule that keeps failing with other numbers
/// (a channel's categories still not adding up) is not repeated: `:check` shows it as it stands.
struct RuleStatusChanges {
    struct Change {
        let nowFailing: Bool
        let finding: Diagnostic
        /// Where the finding points: "第 94 行" in the session, or "common.gov:3" in an included file.
        let place: String?
    }

    let changes: [Change]

    init(from old: Evaluation?, to new: Evaluation) {
        let before = old.map(RuleStatusChanges.ruleFindings) ?? []
        let after = RuleStatusChanges.ruleFindings(new)
        let beforeKeys = Set(before.map(\.key))
        let afterKeys = Set(after.map(\.key))
        var changes: [Change] = []
        for (key, finding) in after where !beforeKeys.contains(key) {
            changes.append(Change(nowFailing: true, finding: finding, place: RuleStatusChanges.place(finding, in: new)))
        }
        if let old {
            for (key, finding) in before where !afterKeys.contains(key) {
                changes.append(Change(nowFailing: false, finding: finding, place: RuleStatusChanges.place(finding, in: old)))
            }
        }
        self.changes = changes
    }

    private static func ruleFindings(_ evaluation: Evaluation) -> [(key: FindingKey, finding: Diagnostic)] {
        let keys = FindingKey.keys(evaluation.findings, sources: evaluation.sources)
        return zip(keys, evaluation.findings).filter { FindingKind(code: $0.1.code) == .rule }.map { ($0.0, $0.1) }
    }

    private static func place(_ finding: Diagnostic, in evaluation: Evaluation) -> String? {
        guard let range = finding.range else { return nil }
        let location = evaluation.sources.location(range)
        return range.file.index == 0 ? "第 \(location.line) 行" : "\(location.path):\(location.line)"
    }

    var isEmpty: Bool { changes.isEmpty }

    func lines() -> [String] {
        changes.map { change in
            let finding = change.finding
            let head = "\(finding.severity.rawValue)[\(finding.code)]"
            let place = change.place.map { "（\($0)）" } ?? ""
            if change.nowFailing {
                return "现在不成立 \(head)\(place)：\(finding.message)"
            }
            let title = finding.code == .assertion ? finding.message : (RuleTable.rule(finding.code)?.title ?? finding.message)
            var before = ""
            if let arithmetic = finding.arithmetic, !arithmetic.stated.isEmpty {
                before = "（之前写的是 \(arithmetic.stated)，算得 \(arithmetic.computed)）"
            }
            return "现在成立 [\(finding.code)]\(place)：\(title)\(before)"
        }
    }
}

/// Code actions: every repair the findings on the selected text offer (did-you-mean; any `FixIt` a check
/// attaches), and the rewrite of an agreeing literal number as `{…}` (`Interpolations`). Plain data; the
/// protocol layer turns it into workspace edits.
package enum CodeActions {
    package struct Action: Sendable, Equatable {
        package var title: String
        package var edits: [Edit]
        /// The finding it repairs; nil for a rewrite no finding asked for (an agreeing literal made `{…}`).
        package var finding: Finding?
        /// The only repair for its finding: an editor may apply it on save or from a lightbulb at once.
        package var isPreferred: Bool
    }

    package static func actions(for range: Range<Int>, in document: CheckedDocument, snapshot: Snapshot = Snapshot()) -> [Action] {
        let repairs = document.findings.filter { overlaps($0.range, range) }.flatMap { finding in
            finding.fixes.map { Action(title: $0.title, edits: $0.edits, finding: finding, isPreferred: finding.fixes.count == 1) }
        }
        return repairs + Interpolations.actions(for: range, in: document, snapshot: snapshot)
    }

    /// Touching counts: a cursor (an empty range) at either end of a finding selects it.
    private static func overlaps(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.lowerBound <= b.upperBound && b.lowerBound <= a.upperBound
    }
}

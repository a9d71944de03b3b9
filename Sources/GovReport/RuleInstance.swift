import GovLanguage

/// One application of one rule to one subject (a checked total, a pair of cells, a channel, a number of the
/// text) and how it came out. A finding says what failed; this says, for every instance, whether it held,
/// failed, or could not be judged — the view of `gov check --format json` (Arelle's "not evaluated").
package struct RuleInstance: Sendable {
    package enum Status: String, Sendable {
        case pass
        case fail
        /// A cell it needs is unknown (unreadable): neither pass nor fail.
        case notAssessable = "not assessable"
    }

    package let rule: String
    /// What was checked: a cell path (`application.total.person`), a channel, or a number of the text.
    package let subject: String
    package let status: Status
    /// Where the subject was written, when it was.
    package let range: SourceRange?

    package init(rule: String, subject: String, status: Status, range: SourceRange?) {
        self.rule = rule
        self.subject = subject
        self.status = status
        self.range = range
    }
}

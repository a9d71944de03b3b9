import GovLanguage

/// One application of one rule to one subject (a checked total, a pair of cells, a channel, a number of the
/// text) and how it came out. A finding says what failed; this says, for every instance, whether it held,
/// failed, or could not be judged — the view of `gov check --format json` (Arelle's "not evaluated").
public struct RuleInstance: Sendable {
    public enum Status: String, Sendable {
        case pass
        case fail
        /// A cell it needs is unknown (unreadable): neither pass nor fail.
        case notAssessable = "not assessable"
    }

    public let rule: String
    /// What was checked: a cell path (`application.total.person`), a channel, or a number of the text.
    public let subject: String
    public let status: Status
    /// Where the subject was written, when it was.
    public let range: SourceRange?

    public init(rule: String, subject: String, status: Status, range: SourceRange?) {
        self.rule = rule
        self.subject = subject
        self.status = status
        self.range = range
    }
}

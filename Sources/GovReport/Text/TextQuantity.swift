import Foundation
import GovLanguage

/// One literal number of the report's text with its unit, and what the phrase patterns made of it: the
/// report quantity it states (and whether the two agree), or why it was left alone. `gov check
/// --explain-text` lists these; the findings C1, C2, C5 and C6 are made from them.
public struct TextQuantity: Sendable {
    /// The number alone (where a caret goes) and the number with its unit.
    public let range: SourceRange
    public let spanRange: SourceRange
    /// As printed: "120", "45.2", "３，０００", "三".
    public let written: String
    public let unit: String
    public let value: Decimal
    public var outcome: Outcome

    public enum Outcome: Sendable {
        /// Linked to one quantity; `verdict` says whether the text agrees with it.
        case linked(Link)
        /// Not linked, and why (no pattern, two patterns, approximate, no such column in the format…).
        case unlinked(String)
    }

    public struct Link: Sendable {
        public let pattern: String
        /// The quantity in words: the cells (official labels) and how they combine.
        public let quantity: String
        /// The report's value, exact decimal text ("118", "43.5"), or nil when a cell is unknown.
        public let expected: String?
        public let cells: [Diagnostic.Arithmetic.Cell]
        public let verdict: Verdict
        /// For a number that agrees: the `{…}` expression that would state it by construction.
        public let interpolation: String?
        /// The other reasonable counts a loose clause was also compared with ("新收 + 上年结转 = 118").
        public var otherCounts: [String] = []
    }

    public enum Verdict: Sendable, Equatable {
        case agrees
        /// Agrees with a reasonable other count (收到 = 新收 + 上年结转): not a finding.
        case agreesOtherwise(String)
        /// A finding with this code and severity.
        case differs(code: String, severity: Severity)
        /// A cell it needs is unknown.
        case notAssessable
        /// The clerk marked the literal deliberate (`deliberate`), with this reason.
        case deliberate(String)
    }

    public var link: Link? {
        if case .linked(let link) = outcome { return link }
        return nil
    }
}

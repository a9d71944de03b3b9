import Foundation
import GovLanguage

/// One literal number of the report's text with its unit, and what the phrase patterns made of it: the
/// report quantity it states (and whether the two agree), or why it was left alone. `gov check
/// --explain-text` lists these; the findings C1, C2, C5 and C6 are made from them.
package struct TextQuantity: Sendable {
    /// The number alone (where a caret goes) and the number with its unit.
    package let range: SourceRange
    package let spanRange: SourceRange
    /// As printed: "120", "45.2", "３，０００", "三".
    package let written: String
    package let unit: String
    package let value: Decimal
    package var outcome: Outcome

    package enum Outcome: Sendable {
        /// Linked to one quantity; `verdict` says whether the text agrees with it.
        case linked(Link)
        /// Not linked, and why (no pattern, two patterns, approximate, no such column in the format…).
        case unlinked(String)
    }

    package struct Link: Sendable {
        package let pattern: String
        /// The quantity in words: the cells (official labels) and how they combine.
        package let quantity: String
        /// The report's value, exact decimal text ("118", "43.5"), or nil when a cell is unknown.
        package let expected: String?
        package let cells: [Diagnostic.Arithmetic.Cell]
        package let verdict: Verdict
        /// For a number that agrees: the `{…}` expression that would state it by construction.
        package let interpolation: String?
        /// The other reasonable counts a loose clause was also compared with ("新收 + 上年结转 = 118").
        package var otherCounts: [String] = []
    }

    package enum Verdict: Sendable, Equatable {
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

    package var link: Link? {
        if case .linked(let link) = outcome { return link }
        return nil
    }
}

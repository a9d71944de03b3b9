import GovLanguage

/// A finding of `gov check` placed in one open document: the same code, severity and message; the range in
/// this document (for a finding in an included or previous file, the statement that brought that file in);
/// the other places it names; the repairs it offers.
package struct Finding: Sendable, Equatable {
    package var code: String
    package var severity: Severity
    package var message: String
    /// Bytes of the analysed document.
    package var range: Range<Int>
    package var related: [Related]
    package var fixes: [Fix]

    /// A second place a finding names: a first statement, a cell that went into a total, last year's value.
    package struct Related: Sendable, Equatable {
        package var place: Place
        package var message: String
    }

    /// A repair, as edits of the analysed document.
    package struct Fix: Sendable, Equatable {
        package var title: String
        package var edits: [Edit]
    }
}

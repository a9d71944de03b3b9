import GovLanguage

/// A finding of `gov check` placed in one open document: the same code, severity and message; the range in
/// this document (for a finding in an included or previous file, the statement that brought that file in);
/// the other places it names; the repairs it offers.
public struct Finding: Sendable, Equatable {
    public var code: String
    public var severity: Severity
    public var message: String
    /// Bytes of the analysed document.
    public var range: Range<Int>
    public var related: [Related]
    public var fixes: [Fix]

    /// A second place a finding names: a first statement, a cell that went into a total, last year's value.
    public struct Related: Sendable, Equatable {
        public var place: Place
        public var message: String
    }

    /// A repair, as edits of the analysed document.
    public struct Fix: Sendable, Equatable {
        public var title: String
        public var edits: [Edit]
    }
}

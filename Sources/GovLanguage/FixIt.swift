/// A repair a finding can offer: replace the text at `range` with `replacement`. Editors show it as a code
/// action (`gov lsp`); any check that knows the fix attaches one — a did-you-mean today, and any later
/// rewrite (a literal that agrees with the table becoming `{…}`) by adding a `FixIt` to its finding.
public struct FixIt: Sendable, Equatable {
    /// What the fix does, in the clerk's words: "改为 “channel”".
    public var title: String
    public var range: SourceRange
    public var replacement: String

    public init(title: String, range: SourceRange, replacement: String) {
        self.title = title
        self.range = range
        self.replacement = replacement
    }
}

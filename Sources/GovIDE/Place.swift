import GovLanguage

/// A stretch of text in some file, as byte offsets: the analysis speaks in bytes, like the rest of gov;
/// the protocol layer turns them into whatever positions its editor counts in.
package struct Place: Sendable, Equatable {
    package var path: String
    package var range: Range<Int>

    package init(path: String, range: Range<Int>) {
        self.path = path
        self.range = range
    }

    init(_ range: SourceRange, in sources: SourceManager) {
        self.init(path: sources.file(range.file).path, range: range.start..<range.end)
    }
}

/// Replace `range` (bytes of the analysed document) with `newText`.
package struct Edit: Sendable, Equatable {
    package var range: Range<Int>
    package var newText: String

    package init(range: Range<Int>, newText: String) {
        self.range = range
        self.newText = newText
    }
}

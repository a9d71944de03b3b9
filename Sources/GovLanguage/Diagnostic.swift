/// How serious a finding is. Errors break the official tables' arithmetic or the language; warnings are
/// soft rules that real reports may legitimately break.
public enum Severity: String, Sendable, Codable, Comparable {
    case note, warning, error

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
}

/// A diagnostic is a value: a stable code, a severity, a message in words a clerk understands, the place
/// it is about, and — for arithmetic rules — the structured numbers. Caret text is one view of it, JSON another.
public struct Diagnostic: Sendable, Error {
    public var code: String
    public var severity: Severity
    public var message: String
    /// The place the finding is about: the stated value that is wrong, or the token that could not be read.
    public var range: SourceRange?
    /// Other places that matter: the values that went into a sum, the first statement of a duplicate.
    public var notes: [Note]
    /// For arithmetic rules: what was stated, what was computed, and from which cells.
    public var arithmetic: Arithmetic?
    /// Repairs an editor can apply (a did-you-mean replacement); empty when the checker knows none.
    public var fixIts: [FixIt]

    public init(
        code: String, severity: Severity = .error, message: String, range: SourceRange?,
        notes: [Note] = [], arithmetic: Arithmetic? = nil, fixIts: [FixIt] = []
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.range = range
        self.notes = notes
        self.arithmetic = arithmetic
        self.fixIts = fixIts
    }

    public struct Note: Sendable {
        public var message: String
        public var range: SourceRange?
        public init(_ message: String, at range: SourceRange?) {
            self.message = message
            self.range = range
        }
    }

    /// The numbers of a broken (or soft-failed) rule: decimal strings, so amounts stay exact.
    public struct Arithmetic: Sendable {
        public var stated: String
        public var computed: String
        public var difference: String
        public var cells: [Cell]
        /// The checked cell as a path of the language (`application.forward.person`), when there is one.
        public var subject: String?

        public init(stated: String, computed: String, difference: String, cells: [Cell], subject: String? = nil) {
            self.stated = stated
            self.computed = computed
            self.difference = difference
            self.cells = cells
            self.subject = subject
        }

        /// One cell that took part: its official label, its value, where it was stated (nil when derived),
        /// and its path in the language (nil for things that are not table cells, such as categories).
        public struct Cell: Sendable {
            public var label: String
            public var value: String
            public var range: SourceRange?
            public var path: String?
            public init(label: String, value: String, range: SourceRange?, path: String? = nil) {
                self.label = label
                self.value = value
                self.range = range
                self.path = path
            }
        }
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
}

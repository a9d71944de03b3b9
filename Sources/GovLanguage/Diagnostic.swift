import Foundation

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
    public var code: DiagnosticCode
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
        code: DiagnosticCode, severity: Severity? = nil, message: String, range: SourceRange?,
        notes: [Note] = [], arithmetic: Arithmetic? = nil, fixIts: [FixIt] = []
    ) {
        self.code = code
        // Without an explicit severity, the code's registered default.
        self.severity = severity ?? code.entry?.severity ?? .error
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
        /// The checked cell itself, typed (GovReport's `CellID(key)` reads it back).
        public var subjectCell: CellKey?
        /// The stated and computed numbers, typed; nil where the text is not one number (a bound such as "≥ 3").
        public var statedNumber: Decimal?
        public var computedNumber: Decimal?

        public init(
            stated: String, computed: String, difference: String, cells: [Cell], subject: String? = nil, subjectCell: CellKey? = nil
        ) {
            self.stated = stated
            self.computed = computed
            self.difference = difference
            self.cells = cells
            self.subject = subject
            self.subjectCell = subjectCell
            statedNumber = Decimal(string: stated).flatMap { String(describing: $0) == stated ? $0 : nil }
            computedNumber = Decimal(string: computed).flatMap { String(describing: $0) == computed ? $0 : nil }
        }

        /// One cell that took part: its official label, its value, where it was stated (nil when derived),
        /// and its path in the language (nil for things that are not table cells, such as categories).
        public struct Cell: Sendable {
            public var label: String
            public var value: String
            public var range: SourceRange?
            public var path: String?
            /// The cell, typed; nil for things that are not table cells.
            public var cell: CellKey?
            /// The value as a number, when it is one.
            public var number: Decimal? { Decimal(string: value).flatMap { String(describing: $0) == value ? $0 : nil } }
            public init(label: String, value: String, range: SourceRange?, path: String? = nil, cell: CellKey? = nil) {
                self.label = label
                self.value = value
                self.range = range
                self.path = path
                self.cell = cell
            }
        }
    }
}

extension Array where Element == Diagnostic {
    package var hasErrors: Bool { contains { $0.severity == .error } }
    package var errorCount: Int { filter { $0.severity == .error }.count }
    package var warningCount: Int { filter { $0.severity == .warning }.count }
}

/// One cell of an official table as a finding carries it, below the report model that names cells
/// (`CellID` in GovReport converts to and from it): which table, which row, which column, by position in
/// the declarations. Renderers link a finding to a cell by comparing keys, never by path strings.
public struct CellKey: Hashable, Sendable {
    public let table: Int
    public let row: Int
    public let column: Int

    public init(table: Int, row: Int, column: Int) {
        self.table = table
        self.row = row
        self.column = column
    }
}

import GovLanguage

/// A text that may differ between the two formats (a row label, a column heading).
package struct EditionText: Sendable, Equatable {
    package let y2019: String
    package let y2021: String

    package init(_ both: String) {
        y2019 = both
        y2021 = both
    }

    package init(y2019: String, y2021: String) {
        self.y2019 = y2019
        self.y2021 = y2021
    }

    package subscript(_ edition: FormatEdition) -> String { edition == .y2019 ? y2019 : y2021 }
}

/// One word of the vocabulary, declared once: its English spelling, its Chinese spellings (the first is
/// the one printed), its official label in each format, and the formats it exists in.
///
/// A class, so that reading one field (`row.english`) retains one reference: as a struct each read copied
/// the whole declaration (its strings, spellings and set of formats), about 450 instructions, and a
/// cell's path spelled two (callgrind: `CellID.path` was 2,500 instructions a cell in HTML rendering).
package final class TermDeclaration<T: Term>: Sendable {
    package let term: T
    package let english: String
    package let chinese: [String]
    package let label: EditionText
    package let formats: Set<FormatEdition>

    package init(_ term: T, _ english: String, _ chinese: [String], label: EditionText? = nil, formats: Set<FormatEdition> = [.y2019, .y2021]) {
        self.term = term
        self.english = english
        self.chinese = chinese
        self.label = label ?? EditionText(chinese.first ?? english)
        self.formats = formats
    }

    package convenience init(_ term: T, _ english: String, _ chinese: String, label: String? = nil, formats: Set<FormatEdition> = [.y2019, .y2021]) {
        self.init(term, english, [chinese], label: label.map(EditionText.init), formats: formats)
    }
}

/// A `Term` whose spellings and labels come from one table of declarations rather than parallel switches.
package protocol DeclaredTerm: Term {
    /// Every case, declared once, in printed order.
    static var declarations: [TermDeclaration<Self>] { get }
    /// The declarations by raw value; each conforming type stores it once (`static let … = declarationIndex()`).
    static var declarationTable: [TermDeclaration<Self>?] { get }
}

extension DeclaredTerm {
    /// The declaration of this case. A case without one (a test forbids it) reads as its raw value.
    package var declaration: TermDeclaration<Self> {
        let table = Self.declarationTable
        if rawValue >= 0, rawValue < table.count, let found = table[rawValue] { return found }
        return TermDeclaration(self, String(rawValue), [String(rawValue)])
    }

    package var english: String { declaration.english }
    package var chinese: [String] { declaration.chinese }

    /// The label as printed in the given format.
    package func label(_ edition: FormatEdition) -> String { declaration.label[edition] }

    /// Whether the term exists in a format.
    package func exists(in edition: FormatEdition) -> Bool { declaration.formats.contains(edition) }

    /// Builds `declarationTable`: declarations indexed by raw value.
    package static func declarationIndex() -> [TermDeclaration<Self>?] {
        var table = [TermDeclaration<Self>?](repeating: nil, count: allCases.count)
        for declaration in declarations where declaration.term.rawValue >= 0 && declaration.term.rawValue < table.count {
            table[declaration.term.rawValue] = declaration
        }
        return table
    }
}

import GovLanguage

/// The two official formats of the annual report. Reports for 2019 and 2020 use the 2019 (试行) format;
/// reports for 2021 on use the 2021 format. A script may name its format explicitly with `format`.
public enum FormatEdition: Int, Sendable, CaseIterable, Codable {
    case y2019 = 2019
    case y2021 = 2021

    public static func forYear(_ year: Int) -> FormatEdition { year <= 2020 ? .y2019 : .y2021 }

    /// The notice that fixed the format, cited in reports.
    public var notice: String {
        switch self {
        case .y2019: return "国办公开办函〔2019〕60号"
        case .y2021: return "国办公开办函〔2021〕30号"
        }
    }
}

/// A word of the language with its English spelling and its Chinese aliases. Rows, columns and sections
/// are each one `Term` enum, looked up through one spelling table per type.
package protocol Term: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == Int {
    var english: String { get }
    var chinese: [String] { get }
    /// Every spelling of every case; each conforming type stores it once (`static let`).
    static var spellingTable: SpellingIndex { get }
}

extension Term {
    package var spellings: [String] { [english] + chinese }

    /// Finds a term by any of its spellings.
    package static func named(_ spelling: String) -> Self? { spellingTable.lookup(spelling).flatMap(Self.init(rawValue:)) }

    package static var allSpellings: [String] { allCases.flatMap { $0.spellings } }

    /// Builds a spelling table; conforming types call this for their `static let spellingTable`.
    package static func makeSpellingTable(extra: [(String, Self)] = []) -> SpellingIndex {
        SpellingIndex((allCases.flatMap { term in term.spellings.map { ($0, term) } } + extra).map { ($0.0, $0.1.rawValue) })
    }
}

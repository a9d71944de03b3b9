import Foundation
import GovLanguage

/// Identifies one cell of the three official tables. Rules, findings and renderers all speak in CellIDs.
public enum CellID: Hashable, Sendable, Comparable {
    case application(ApplicationRow, Applicant)
    case disclosure(DisclosureItem, DisclosureColumn)
    case appeal(AppealBlock, AppealOutcome)

    /// The cell's official labels, e.g. "二、上年结转政府信息公开申请数量 / 自然人".
    public func label(_ edition: FormatEdition) -> String {
        switch self {
        case .application(let row, let column): return "\(row.label(edition)) / \(column.label)"
        case .disclosure(let item, let column): return "\(item.label(edition)) / \(column.label(edition))"
        case .appeal(let block, let outcome):
            return block == .review ? "行政复议 / \(outcome.label)" : "行政诉讼 / \(block.label) / \(outcome.label)"
        }
    }

    /// The cell as written in the language: `application.carried.person`. Spelled once per cell and
    /// process: an HTML page names every cell of its tables, and spelling each again was 1,000
    /// instructions a cell.
    public var path: String { CellID.paths[denseIndex] }

    /// Every cell of the three tables, each at its `denseIndex`.
    package static var all: [CellID] { CellStore.ids }

    /// A number per cell, from 0 to `all.count - 1`.
    package var denseIndex: Int { CellStore.index(self) }

    private static let paths: [String] = CellStore.ids.map(\.spelledPath)

    private var spelledPath: String {
        switch self {
        case .application(let row, let column): return "application.\(row.english).\(column.english)"
        case .disclosure(let item, let column): return "proactive.\(item.english).\(column.english)"
        case .appeal(.review, let outcome): return "review.\(outcome.english)"
        case .appeal(let block, let outcome): return "lawsuit.\(block.english).\(outcome.english)"
        }
    }

    private var order: (Int, Int, Int) {
        switch self {
        case .disclosure(let a, let b): return (0, a.rawValue, b.rawValue)
        case .application(let a, let b): return (1, a.rawValue, b.rawValue)
        case .appeal(let a, let b): return (2, a.rawValue, b.rawValue)
        }
    }

    public static func < (a: CellID, b: CellID) -> Bool { a.order < b.order }

    /// A number as this cell prints it, in a table and in a script alike: a positive 本年增/减 with its sign
    /// (+9), an amount as its decimal text, anything else as it is.
    public func printed(_ number: Number) -> String {
        if case .disclosure(_, let column) = self, column.kind == .change, let value = number.integer, value > 0 { return "+\(value)" }
        return number.description
    }

    /// The cell as a finding carries it (`Diagnostic` sits below the report model).
    public var key: CellKey {
        let (table, row, column) = order
        return CellKey(table: table, row: row, column: column)
    }

    /// The cell a finding's key names; nil for a key no cell has.
    public init?(key: CellKey) {
        switch key.table {
        case 0:
            guard let item = DisclosureItem(rawValue: key.row), let column = DisclosureColumn(rawValue: key.column) else { return nil }
            self = .disclosure(item, column)
        case 1:
            guard let row = ApplicationRow(rawValue: key.row), let column = Applicant(rawValue: key.column) else { return nil }
            self = .application(row, column)
        case 2:
            guard let block = AppealBlock(rawValue: key.row), let outcome = AppealOutcome(rawValue: key.column) else { return nil }
            self = .appeal(block, outcome)
        default:
            return nil
        }
    }
}

/// A cell's number: a whole count (or signed change) or an exact decimal amount.
public enum Number: Sendable, Equatable, CustomStringConvertible {
    case integer(Int)
    /// The amount and its text as written, so 5949.088667 prints exactly so.
    case amount(Decimal, String)

    public var description: String {
        switch self {
        case .integer(let value): return String(value)
        case .amount(_, let text): return text
        }
    }

    public var integer: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    public static func == (a: Number, b: Number) -> Bool {
        switch (a, b) {
        case (.integer(let x), .integer(let y)): return x == y
        case (.amount(let x, _), .amount(let y, _)): return x == y
        default: return false
        }
    }
}

/// One cell of a table: its number and where it came from.
public struct Cell: Sendable, Equatable {
    public enum Origin: Sendable, Equatable {
        /// Written in the script, at this value's range.
        case stated(SourceRange)
        /// Computed by the named rule (e.g. A3).
        case derived(DiagnosticCode)
    }

    public package(set) var value: Number
    public package(set) var origin: Origin
    /// A stated cell printed empty (`blank`, counted as 0) or unreadable (`unknown`, never 0: the value is
    /// a placeholder 0 that no rule may use). Nil for a number.
    public package(set) var mark: CellMark?

    public init(value: Number, origin: Origin, mark: CellMark? = nil) {
        self.value = value
        self.origin = origin
        self.mark = mark
    }

    public var isUnknown: Bool { mark == .unknown }
    /// The value as a finding names it: the number, or `blank` / `unknown`.
    public var printedValue: String { mark?.rawValue ?? value.description }
    public var isBlank: Bool { mark == .blank }

    public var statedRange: SourceRange? {
        if case .stated(let range) = origin { return range }
        return nil
    }

    public var isDerived: Bool {
        if case .derived = origin { return true }
        return false
    }
}

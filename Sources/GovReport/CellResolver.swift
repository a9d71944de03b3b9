import Foundation
import GovLanguage

/// Resolves the raw `proactive` / `application` / `review` / `lawsuit` entries against the format of the
/// report's year: which cell each name means, whether the format has it, and whether its value has the
/// right kind (a count, a signed change, an amount).
struct CellResolver {
    let edition: FormatEdition
    /// The four table statements, read once per report (`TableStatement.ByKeyword`).
    private let statements = TableStatement.ByKeyword.shared

    init(edition: FormatEdition) { self.edition = edition }

    /// An entry of a table statement (its keyword, and its first and second selectors): the cell's name,
    /// the unit after its value, and the value (nil for a cell stated blank or unknown) written at
    /// `valueRange`. The statement's pieces are passed, not the statement: passing a line read in place
    /// copied it (callgrind).
    func resolve(_ name: Name, unit: Name?, keyword: Keyword, selector: Name?, second: Name?, value: Value?, at valueRange: SourceRange)
        throws -> (CellID, Number)
    {
        let cell = try cellID(name, keyword: keyword, selector: selector, second: second)
        return (cell, try number(value, unit: unit, at: valueRange, for: cell))
    }

    /// An entry of a plain table line (`StatementCollector.PlainCell`), its words found and its cell known
    /// since the line was read: what the format asks of it, in the order `resolve` asks it (the selector,
    /// then the cell), and its number.
    /// `statement`: the line's (`statement(_:)`), looked up once for all its cells.
    func resolve(plain entry: StatementCollector.PlainCell, in statement: TableStatement?) throws -> (CellID, Number) {
        guard let statement else {
            throw Diagnostic(code: "E012", message: "这里不能写表格数值", range: entry.nameRange)
        }
        if statement.selectorIsRequired, let selector = entry.selector, let selectorRange = entry.selectorRange,
            let (code, message) = statement.selectorProblem(selector, edition)
        {
            throw Diagnostic(code: code, message: message, range: selectorRange)
        }
        if let message = cellProblem(entry.cell, statement) { throw Diagnostic(code: "E051", message: message, range: entry.nameRange) }
        return (entry.cell, try number(integer: entry.value, at: entry.valueRange, for: entry.cell))
    }

    /// What `number` makes of a whole number written out (a plain line's value), without making a `Value` of
    /// it first: a count or change is itself; an amount, or a count below zero, goes the general way.
    private func number(integer value: Int, at valueRange: SourceRange, for cell: CellID) throws -> Number {
        if case .disclosure(_, let column) = cell {
            switch column.kind {
            case .change: return .integer(value)
            case .count where value >= 0: return .integer(value)
            default: break
            }
        } else if value >= 0 {
            return .integer(value)
        }
        return try number(.integer(value), unit: nil, at: valueRange, for: cell)
    }

    /// The declaration of a table statement's keyword.
    func statement(_ keyword: Keyword) -> TableStatement? { statements[keyword] }

    /// The zero a blank or unknown cell holds in arithmetic (an amount cell's is an amount).
    static func zero(for cell: CellID) -> Number {
        if case .disclosure(_, let column) = cell, column.kind == .amount { return .amount(0, "") }
        return .integer(0)
    }

    /// Reads the statement's declaration: its selector (absent, optional or required; one at most), the
    /// cell name, then what the format lacks.
    private func cellID(_ entryName: Name, keyword: Keyword, selector written: Name?, second: Name?) throws -> CellID {
        guard let statement = statements[keyword] else {
            throw Diagnostic(code: "E012", message: "这里不能写表格数值", range: entryName.range)
        }
        var selector: Int?
        if let slot = statement.selectorSlot {
            if let written {
                if let second { throw extraSelector(second, statement.selector.extra) }
                let found = try lookup(slot, written)
                if statement.selectorIsRequired, let (code, message) = statement.selectorProblem(found, edition) {
                    throw Diagnostic(code: code, message: message, range: written.range)
                }
                selector = found
            } else if let missing = statement.selector.missing {
                throw Diagnostic(code: "E012", message: missing, range: entryName.range)
            }
        } else if let written {
            throw extraSelector(written, statement.selector.extra)
        }
        let name = try lookup(statement.name, entryName)
        guard let cell = statement.cell(selector: selector, name: name) else {
            throw Diagnostic(code: "E052", message: "不认识的\(statement.name.what) “\(entryName.text)”", range: entryName.range)
        }
        if let message = cellProblem(cell, statement) { throw Diagnostic(code: "E051", message: message, range: entryName.range) }
        return cell
    }

    /// What the format lacks of `cell`, as `statement` words it; nil for a cell of the format, asked first
    /// without calling the statement's closure (nearly every cell; callgrind).
    private func cellProblem(_ cell: CellID, _ statement: TableStatement) -> String? {
        cell.exists(in: edition) ? nil : statement.cellProblem(cell, edition)
    }

    private func number(_ value: Value?, unit: Name?, at valueRange: SourceRange, for cell: CellID) throws -> Number {
        guard let written = value else { return CellResolver.zero(for: cell) }
        var kind = DisclosureColumn.Kind.count
        if case .disclosure(_, let column) = cell { kind = column.kind }
        if let unit, kind != .amount {
            throw Diagnostic(code: "E031", message: "「\(cell.label(edition))」是件数，不带单位“\(unit.text)”；单位只写在金额后面", range: unit.range)
        }
        // An amount printed with its unit is kept in 万元 (the format's unit), exactly, and prints as written.
        let unit = unit.flatMap { AmountUnit.named($0.text) }
        func amount(_ value: Decimal, _ text: String) -> Number {
            switch unit {
            case nil: return .amount(value, text)
            case .tenThousandYuan?: return .amount(value, text + AmountUnit.tenThousandYuan.rawValue)
            case .yuan?: return .amount(value / 10000, text + AmountUnit.yuan.rawValue)
            }
        }
        switch (kind, written) {
        case (.amount, .integer(let value)) where value >= 0:
            return amount(Decimal(value), String(value))
        case (.amount, .amount(let value, let text)) where value >= 0:
            return amount(value, text ?? value.plainString)
        case (.change, .integer(let value)):
            return .integer(value)
        case (.count, .integer(let value)) where value >= 0:
            return .integer(value)
        case _ where isNegative(written):
            let rule = RuleTable.rule(.negativeCount)
            throw Diagnostic(
                code: .negativeCount, message: "不符合“\(rule?.title ?? "")”：「\(cell.label(edition))」写的是 \(written.display)，数量不能为负数",
                range: valueRange)
        default:
            let expected = kind == .amount ? "金额" : "整数"
            throw Diagnostic(code: "E031", message: "「\(cell.label(edition))」应是\(expected)，这里是\(written.typeName)", range: valueRange)
        }
    }

    private func isNegative(_ value: Value) -> Bool {
        switch value {
        case .integer(let x): return x < 0
        case .amount(let x, _): return x < 0
        default: return false
        }
    }

    private func lookup(_ slot: TermSlot, _ name: Name) throws -> Int {
        if let raw = slot.lookup(name.text) { return raw }
        let known = slot.all.map(\.english).joined(separator: ", ")
        let suggested = Suggestion.suggest(name.text, among: slot.allSpellings, at: name.range)
        throw Diagnostic(
            code: "E052", message: "不认识的\(slot.what) “\(name.text)”" + suggested.hint + "；可写：\(known)",
            range: name.range, fixIts: suggested.fixIts)
    }

    private func extraSelector(_ name: Name, _ message: String) -> Diagnostic {
        Diagnostic(code: "E015", message: "多出了“\(name.text)”：\(message)", range: name.range)
    }
}

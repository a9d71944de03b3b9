import Foundation
import GovLanguage

/// Names as text and asserts see them once the report is complete: `let` bindings, and paths into the
/// tables (`application.carried`, `application.carried.person`, `review.total`, `lawsuit.direct.total`,
/// `proactive.normative.effective`, `channel.微博`, `channel.政务公开平台.法规公文`, `year`, `body`).
///
/// A class, so the evaluator's closure captures one reference rather than copying the collected script and
/// the report for every paragraph.
final class FinalScope {
    /// The script's `let` bindings, and their values computed while filling the tables: all it needs of the
    /// collected script (a copy of the whole collector retained every one of its arrays; callgrind).
    private let bindings: [String: (expression: Expr, range: SourceRange)]
    private let collectedValues: BindingCache
    private let snapshot: ReportSnapshot
    var report: Report { snapshot.report }
    /// Every binding sees the same complete report here, so each is computed once; those computed while
    /// filling the tables (numbers and earlier names only) have the same value here.
    private lazy var bindingValues = BindingCache(copying: collectedValues)

    init(collected: StatementCollector, report: ReportSnapshot) {
        bindings = collected.bindings
        collectedValues = collected.bindingValues
        snapshot = report
    }

    private(set) lazy var evaluator: ExpressionEvaluator = {
        computeBindingsInOrder()
        let resolvePath: ((UnsafeBufferPointer<UInt8>) -> Value?)? =
            Evaluator.answersPathsFromBytes ? { [unowned self] path in self.resolve(path: path) } : nil
        return ExpressionEvaluator(resolvePath: resolvePath) { [unowned self] names in try self.resolve(names, visiting: []) }
    }()

    /// A dotted path's value from its bytes (`{application.new}`, `{year}`, `{channel.微博}`), as `resolve`
    /// reads the same names: a cell of the report's format, the year, the body or a channel's count. Nil
    /// for anything else — a name a binding may hold, a word not known, a cell the format lacks, a
    /// channel not stated — which `resolve` answers or reports. Each `{…}` of every paragraph: made into
    /// names and read through them, a path was about 2,400 instructions (callgrind).
    private func resolve(path: UnsafeBufferPointer<UInt8>) -> Value? {
        guard let base = path.baseAddress else { return nil }
        // A table's head and at most two terms: where the first two dots are, and how many segments.
        var dots = (path.count, path.count)
        var count = 1
        for offset in 0..<path.count where path[offset] == UInt8(ascii: ".") {
            guard count < 3 else { return nil }
            if count == 1 { dots.0 = offset } else { dots.1 = offset }
            count += 1
        }
        func segment(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            let lower = index == 0 ? 0 : (index == 1 ? dots.0 : dots.1) + 1
            let upper = index == 0 ? dots.0 : index == 1 ? dots.1 : path.count
            return UnsafeBufferPointer(start: base + lower, count: upper - lower)
        }
        // A one-word name may be a binding's, which `resolve` reads.
        guard count > 1 || bindings.isEmpty, let keyword = Keyword(utf8: segment(0)) else { return nil }
        if let statement = TableStatement.of(keyword) {
            guard (statement.requiredSegments + 1...statement.path.count + 1).contains(count) else { return nil }
            let path = statement.path
            var first: Int?, second: Int?
            if count > 1 {
                guard !path.isEmpty, let found = path[0].lookup(segment(1)) else { return nil }
                first = found
            }
            if count > 2 {
                guard path.count > 1, let found = path[1].lookup(segment(2)) else { return nil }
                second = found
            }
            guard let cell = statement.cell(first, second), cell.exists(in: report.edition) else { return nil }
            return cellValue(cell)
        }
        switch keyword {
        case .year where count == 1: return .integer(report.header.year)
        case .body where count == 1: return .text(report.header.body)
        case .channel where count > 1:
            // The lookup `resolve` makes (`channel(named:)`): through names and the evaluator, a channel's
            // path was about 2,300 instructions (callgrind).
            guard let channel = channel(named: String(decoding: segment(1), as: UTF8.self)) else { return nil }
            guard count == 3 else { return .integer(channel.count) }
            guard let category = FinalScope.category(named: String(decoding: segment(2), as: UTF8.self), of: channel) else { return nil }
            return .integer(category.count)
        default: return nil
        }
    }

    /// Computes every binding once, in the order written, before anything is interpolated: a chain of lets
    /// then costs one step per link instead of a recursion as deep as the chain. Failures are reported
    /// where a binding is used, not here.
    private func computeBindingsInOrder() {
        let ordered = bindings.sorted { ($0.value.range.file.index, $0.value.range.start) < ($1.value.range.file.index, $1.value.range.start) }
        for (name, binding) in ordered {
            _ = try? resolve([Name(text: name, range: binding.range)], visiting: [])
        }
    }

    private func resolve(_ names: [Name], visiting: Set<String>) throws -> Value {
        let head = names[0].text
        let range = names[0].range.union(names[names.count - 1].range)
        // Spelled out only for a message: this path runs for every `{…}` in every paragraph.
        var written: String { FinalScope.spelled(names) }
        // Only a one-word name can be a binding; dotted paths skip the (hashed) lookup.
        if names.count == 1, !bindings.isEmpty, let binding = bindings[head] {
            return try bindingValues.value(of: head, range: range, visiting: visiting) {
                let inner = ExpressionEvaluator { [unowned self] in try self.resolve($0, visiting: visiting.union([head])) }
                return try inner.evaluate(binding.expression)
            }
        }
        let rest = names.dropFirst()
        let keyword = Keyword(spelling: head)
        if let keyword, let statement = TableStatement.of(keyword) { return try cellValue(statement, names, range) }
        switch keyword {
        case .year?:
            try expectLength(names, 1...1, range)
            return .integer(report.header.year)
        case .body?:
            try expectLength(names, 1...1, range)
            return .text(report.header.body)
        case .channel?:
            try expectLength(names, 2...3, range)
            guard let channel = channel(named: rest[rest.startIndex].text) else {
                throw unknown(written, range, among: report.channels.map { "channel.\($0.name)" })
            }
            guard rest.count == 2 else { return .integer(channel.count) }
            guard let category = FinalScope.category(named: rest[rest.startIndex + 1].text, of: channel) else {
                throw unknown(written, range, among: channel.categories.map { "channel.\(channel.name).\($0.name)" })
            }
            return .integer(category.count)
        default:
            break
        }
        // Sorted, for the same hint on every run (see `StatementCollector.constant`).
        let known = bindings.keys.sorted() + TableStatement.all.map(\.keyword.english) + ["channel", "year", "body"]
        throw unknown(written, range, among: known)
    }

    /// The report's channel of that name, and a channel's category: compared as strings, so canonically
    /// equal spellings match (the first of them).
    private func channel(named name: String) -> Channel? { report.channels.first { $0.name == name } }

    private static func category(named name: String, of channel: Channel) -> Channel.Category? {
        channel.categories.first { $0.name == name }
    }

    /// A path into an official table, read by its statement's declaration: `application.ROW[.APPLICANT]`.
    private func cellValue(_ statement: TableStatement, _ names: [Name], _ range: SourceRange) throws -> Value {
        try expectLength(names, (statement.requiredSegments + 1)...(statement.path.count + 1), range)
        // The segments after the head are read in place (`names[1...]`): this runs for every `{…}`, and
        // copying them to an array of their own was an allocation each time.
        let rest = names[1...]
        // A path has one or two segments after its head (`TableStatement.path`).
        let path = statement.path
        let first = !path.isEmpty && !rest.isEmpty ? try term(path[0], rest, at: 0, range: range) : nil
        let second = path.count > 1 && rest.count > 1 ? try term(path[1], rest, at: 1, range: range) : nil
        guard let cell = statement.cell(first, second), cell.exists(in: report.edition) else {
            throw notInFormat(FinalScope.spelled(names), range)
        }
        return cellValue(cell)
    }

    private func notInFormat(_ written: String, _ range: SourceRange) -> Diagnostic {
        Diagnostic(code: "E051", message: "\(report.edition.rawValue) 格式的表格里没有 “\(written)”", range: range)
    }

    /// A cell's value; an unreadable (`unknown`) cell reads as the text 不详 — never 0, so arithmetic or a
    /// comparison with it is refused (E036) rather than silently wrong.
    private func cellValue(_ cell: CellID) -> Value {
        if report.cells.isUnknown(cell) { return .text(CellMark.unknown.chinese) }
        // A count, nearly every cell a text reads, is read in place; an amount or an empty cell as the
        // report gives it.
        if let count = report.cells.integer(cell) { return .integer(count) }
        switch report[cell] {
        case .integer(let value): return .integer(value)
        case .amount(let value, let text): return .amount(value, text)
        }
    }

    static func spelled(_ names: [Name]) -> String { names.map(\.text).joined(separator: ".") }

    /// The term at `index` of the path after its head (`rest`); the whole path is in `rest`'s names.
    private func term(_ slot: TermSlot, _ rest: ArraySlice<Name>, at index: Int, range: SourceRange) throws -> Int {
        guard index < rest.count else {
            throw Diagnostic(code: "E035", message: "“…\(FinalScope.spelled(Array(rest)))” 不完整，缺少后面的名称", range: range)
        }
        let name = rest[rest.startIndex + index]
        guard let found = slot.lookup(name.text) else {
            let suggested = Suggestion.suggest(name.text, among: slot.allSpellings, at: name.range)
            throw Diagnostic(code: "E035", message: "“\(name.text)” 不认识" + suggested.hint, range: name.range, fixIts: suggested.fixIts)
        }
        return found
    }

    private func expectLength(_ names: [Name], _ allowed: ClosedRange<Int>, _ range: SourceRange) throws {
        guard allowed.contains(names.count) else {
            throw Diagnostic(
                code: "E035", message: "“\(FinalScope.spelled(names))” 的层次不对：应有 \(allowed.lowerBound)–\(allowed.upperBound) 段", range: range)
        }
    }

    private func unknown(_ written: String, _ range: SourceRange, among candidates: [String]) -> Diagnostic {
        let suggested = Suggestion.suggest(written, among: candidates, at: range)
        return Diagnostic(code: "E035", message: "不认识的名称 “\(written)”" + suggested.hint, range: range, fixIts: suggested.fixIts)
    }
}

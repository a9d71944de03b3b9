import Foundation
import GovLanguage

/// The second pass: settles the header and format, resolves and places every cell, lays out the sections,
/// applies the rule table, and only then fills in text and runs asserts, so `{application.new}` in a
/// paragraph reads the final, checked number.
struct ReportAssembler {
    let collected: StatementCollector
    let prose: Evaluator.Prose
    var diagnostics: [Diagnostic]
    /// What each statement did, recorded as the report is assembled.
    private(set) var effects: EffectLog

    init(collected: StatementCollector, prose: Evaluator.Prose = .built) {
        self.collected = collected
        self.prose = prose
        self.diagnostics = collected.diagnostics
        self.effects = collected.effects
    }

    /// Records what the statement that holds `range` did.
    private mutating func record(at range: SourceRange, _ event: EffectLog.Event) { effects.record(at: range, event) }

    /// The report: cells placed, rules applied, text filled in and checked, findings in source order and
    /// limited (`DiagnosticLimit`).
    mutating func assemble() -> Report {
        var header = collected.header
        // The first statement, or — in an empty or comment-only file — the start of the file.
        let start = collected.firstRange ?? collected.mainFile.map { SourceRange(file: $0, start: 0, end: 0) }
        if collected.yearRange == nil, !collected.mainFileFailed {
            diagnostics.append(Diagnostic(code: "E040", message: "缺少报告年度：请写 year，例如 year 2021", range: start))
            header.year = 2021
        }
        if collected.bodyRange == nil, !collected.mainFileFailed {
            diagnostics.append(Diagnostic(code: "E041", message: "缺少报告机关：请写 body，例如 body 某某县人民政府", range: start))
        }
        header.yearRange = collected.yearRange
        let edition = collected.format.flatMap { FormatEdition(rawValue: $0.value) } ?? .forYear(header.year)
        var report = Report(header: header, edition: edition)
        report.recordsRuleInstances = prose != .findingsOnly
        report.channels = collected.channels
        placeCells(into: &report)
        report.sections = layoutSections()
        RuleChecker.apply(to: &report)
        let ruleFindings = report.findings
        // The snapshot is taken without the sections and the rule instances, which nothing that reads it
        // asks for: sharing them, the blocks and instances added below copied both arrays, every section
        // and instance retained (copy on write; callgrind).
        let sections = report.sections, ruleInstances = report.ruleInstances
        report.sections = []
        report.ruleInstances = []
        let snapshot = ReportSnapshot(report)
        report.sections = consume sections
        report.ruleInstances = consume ruleInstances
        let final = FinalScope(collected: collected, report: snapshot)
        // One evaluator for the title, every section's drafts, the asserts and the bindings (one for each
        // section's drafts was 6 % of `blocks`; callgrind). It reads the scope through unowned references,
        // so the scope is kept alive until the evaluator's last use (`withExtendedLifetime` below): this
        // module is built without lexical lifetimes, and `final` would otherwise be freed after its last
        // use, here. Not by a `defer`: the report returned after it was copied, and the copy's source freed
        // (every array retained and released; callgrind).
        let evaluator = final.evaluator
        if let title = collected.title {
            do { report.header.customTitle = try evaluator.interpolate(title) } catch let diagnostic as Diagnostic {
                diagnostics.append(diagnostic)
            } catch {}
        }
        let drafts = collected.blockDrafts
        report.introduction = blocks(drafts[collected.blockRange(ofSection: nil)], evaluator: evaluator, build: prose == .built)
        for index in report.sections.indices {
            let build = prose == .built || QualityChecker.readsText(of: report.sections[index].kind)
            report.sections[index].blocks = blocks(drafts[sectionBlocks[index]], evaluator: evaluator, build: build)
        }
        runAssertions(evaluator: evaluator)
        let text = TextChecker.check(collected.narratives, report: snapshot, sources: collected.sources)
        report.textQuantities = text.quantities
        if report.recordsRuleInstances { report.ruleInstances += text.quantities.compactMap(TextChecker.instance) }
        diagnostics += text.findings
        diagnostics += QualityChecker.check(report, narratives: text.texts)
        recordBindings(evaluator: evaluator)
        withExtendedLifetime(final) {}
        report.findings = DiagnosticLimit.apply((diagnostics + ruleFindings).sorted(by: ReportAssembler.sourceOrder), sources: collected.sources)
        return report
    }

    // MARK: - Cells

    private mutating func placeCells(into report: inout Report) {
        let resolver = CellResolver(edition: report.edition)
        let computed = collected.computedCellValues
        var nextComputed = 0
        // A cell and an event per entry: room for them at once, not a copy per growth; and room for the
        // totals the rules may derive, which the rule checker asked for when it began, a second allocation
        // and a copy of every cell (0.26 M instructions for 300 scripts, callgrind).
        report.cells.reserveCapacity(collected.cellEntryCount + RuleTable.mostTotals)
        effects.reserveCapacity(collected.cellEntryCount)
        // Each line read where it lies (a copy of the array is one retain): iterated as values, each line
        // was copied, its arrays retained and released (4,100 copies for 300 scripts; callgrind).
        let lines = collected.cellLines, plainCells = collected.plainCells
        lines.withUnsafeBufferPointer { lines in
            for line in lines.indices {
                let keyword = lines[line].keyword
                guard let entries = lines[line].cells?.entries else {
                    // A plain line: its cells known since it was read; the format's questions asked now.
                    let statement = resolver.statement(keyword)
                    for index in lines[line].plain {
                        do {
                            let (cell, number) = try resolver.resolve(plain: plainCells[index], in: statement)
                            place(cell, number, mark: nil, at: plainCells[index].valueRange, in: &report)
                        } catch let diagnostic as Diagnostic {
                            diagnostics.append(diagnostic)
                        } catch {}
                    }
                    continue
                }
                let selector = lines[line].cells?.selector, second = lines[line].cells?.moreSelectors.first
                for offset in 0..<lines[line].count {
                    // The value as written: a number read in place, a value computed when the entry was read, or
                    // a mark (blank, unknown) with no value.
                    let value: Value?, mark: CellMark?, valueRange: SourceRange
                    switch entries[offset].value {
                    case .expression(.integer(let number, let range)):
                        (value, mark, valueRange) = (.integer(number), nil, range)
                    case .expression(.decimal(let number, let text, let range)):
                        (value, mark, valueRange) = (.amount(number, text), nil, range)
                    case .expression(let expression):
                        // Every entry read that is not a number written out has its computed value, in order.
                        guard nextComputed < computed.count, computed[nextComputed].entry == lines[line].firstEntry + offset else { continue }
                        (value, mark, valueRange) = (computed[nextComputed].value, nil, expression.range)
                        nextComputed += 1
                    case .mark(let stated, let range):
                        (value, mark, valueRange) = (nil, stated, range)
                    }
                    do {
                        let (cell, number) = try resolver.resolve(
                            entries[offset].name, unit: entries[offset].unit, keyword: keyword, selector: selector, second: second,
                            value: value, at: valueRange)
                        place(cell, number, mark: mark, at: valueRange, in: &report)
                    } catch let diagnostic as Diagnostic {
                        diagnostics.append(diagnostic)
                    } catch {}
                }
            }
        }
    }

    /// A cell's value as a statement states it: the first statement of a cell places it; a later one that
    /// says otherwise is a finding (the first stands).
    private mutating func place(_ cell: CellID, _ number: consuming Number, mark: CellMark?, at valueRange: SourceRange, in report: inout Report) {
        // Asked in place first: nearly every cell is stated once, and a copy of the cell was retained to ask.
        let index = cell.denseIndex
        if report.cells.contains(dense: index), let existing = report.cells[cell] {
            if existing.value != number || existing.mark != mark {
                diagnostics.append(
                    Diagnostic(
                        code: "E030", message: "「\(cell.label(report.edition))」写了两次且数值不同：先是 \(existing.printedValue)，这里是 \(mark?.rawValue ?? number.description)",
                        range: valueRange, notes: [.init("第一次写在这里", at: existing.statedRange)]))
            }
            record(at: valueRange, .cell(cell))
            return
        }
        // A count (nearly every cell) is stored as it is, without making a `Cell` of it; the number is taken
        // apart by the switch, so nothing is left of it to destroy.
        switch number {
        case .integer(let value):
            _ = report.cells.fillEmpty(dense: index, stated: value, at: valueRange, mark: mark)
        case .amount(let value, let text):
            report.cells.fillEmpty(dense: index, with: Cell(value: .amount(value, text), origin: .stated(valueRange), mark: mark))
        }
        record(at: valueRange, .cell(cell))
    }

    // MARK: - Sections

    /// Where the blocks behind each laid-out section are in `collected.blockDrafts` (none for an official
    /// section the script never opened).
    private var sectionBlocks: [Range<Int>] = []

    /// Sections in script order, with every official section the script left out inserted at its place.
    /// Each draft is read where it lies, field by field: copying whole drafts (twice) retained and released
    /// every title and block list (callgrind).
    private mutating func layoutSections() -> [Section] {
        let drafts = collected.sections
        var laid: [Section] = []
        var blocks: [Range<Int>] = []
        laid.reserveCapacity(drafts.count + OfficialSection.allCases.count)
        blocks.reserveCapacity(drafts.count + OfficialSection.allCases.count)
        var next = 0
        func insertOfficial(upTo limit: Int) {
            while next < limit {
                laid.append(Section(kind: .official(OfficialSection.allCases[next])))
                blocks.append(0..<0)
                next += 1
            }
        }
        for index in drafts.indices {
            if case .official(let official) = drafts[index].kind {
                insertOfficial(upTo: official.rawValue)
                next = official.rawValue + 1
            }
            let printed = drafts[index].printedTitle.map { ReportAssembler.withoutNumber($0.plainText ?? "") }
            laid.append(Section(kind: drafts[index].kind, range: drafts[index].range, printedTitle: printed))
            blocks.append(collected.blockRange(ofSection: index))
            record(at: drafts[index].range, .section(laid.count - 1))
        }
        insertOfficial(upTo: OfficialSection.allCases.count)
        sectionBlocks = blocks
        return laid
    }

    /// A title as printed, without the section number a clerk may have copied with it (二、…): sections are
    /// numbered in print by their place.
    static func withoutNumber(_ title: String) -> String {
        let numerals = Set("一二三四五六七八九十")
        var rest = Substring(title)
        while let first = rest.first, numerals.contains(first) { rest = rest.dropFirst() }
        guard rest.count < title.count, rest.first == "、" else { return title }
        return String(rest.dropFirst())
    }

    // MARK: - Text and asserts

    /// The blocks of drafts, interpolations filled in; with `build` false, only each draft's findings (the
    /// same, in the same order) and no blocks (`Evaluator.Prose.findingsOnly`).
    private mutating func blocks(_ drafts: ArraySlice<StatementCollector.BlockDraft>, evaluator: ExpressionEvaluator, build: Bool) -> [Block] {
        guard build else {
            for index in drafts.indices {
                do {
                    // A table's title, then its items.
                    try evaluator.check(drafts[index].literal)
                    if let table = drafts[index].table {
                        for item in table.columns + table.rows.joined() { _ = try evaluator.evaluate(item) }
                    }
                } catch let diagnostic as Diagnostic {
                    diagnostics.append(diagnostic)
                } catch {}
            }
            return []
        }
        var result: [Block] = []
        result.reserveCapacity(drafts.count)
        // A run-in sub-heading waits for the first paragraph of the next text; with none it stands alone.
        var lead: String?
        func flushLead() {
            if let pending = lead { result.append(.leadParagraph(lead: pending, text: "")) }
            lead = nil
        }
        for index in drafts.indices {
            let literal = drafts[index].literal
            do {
                switch drafts[index].kind {
                case .lead:
                    flushLead()
                    lead = try evaluator.interpolate(literal)
                case .heading:
                    flushLead()
                    result.append(.heading(try evaluator.interpolate(literal)))
                case .text:
                    let paragraphs = ReportAssembler.paragraphs(try evaluator.interpolate(literal))
                    for paragraph in paragraphs {
                        if let pending = lead {
                            result.append(.leadParagraph(lead: pending, text: paragraph))
                            lead = nil
                        } else {
                            result.append(.paragraph(paragraph))
                        }
                    }
                    record(at: literal.range, .paragraphs(paragraphs.count))
                case .table:
                    flushLead()
                    let title = literal, table = drafts[index].table ?? StatementCollector.TableDraft()
                    let columns = table.columns, rows = table.rows
                    let text = { (items: [Expr]) in try items.map { try evaluator.evaluate($0).display } }
                    result.append(.table(LocalTable(title: try evaluator.interpolate(title), columns: try text(columns), rows: try rows.map(text))))
                }
            } catch let diagnostic as Diagnostic {
                diagnostics.append(diagnostic)
            } catch {}
        }
        flushLead()
        return result
    }

    private mutating func runAssertions(evaluator: ExpressionEvaluator) {
        for assertion in collected.assertions {
            do {
                guard case .bool(let holds) = try evaluator.evaluate(assertion.condition) else {
                    throw Diagnostic(code: "E036", message: "assert 后面应是一个比较，如 application.new > 0", range: assertion.condition.range)
                }
                record(at: assertion.range, .assertion(holds: holds))
                if holds { continue }
                let message = try assertion.message.map { try evaluator.interpolate($0) }
                let written = collected.sources.file(assertion.range.file).text(assertion.condition.range.start..<assertion.condition.range.end)
                diagnostics.append(
                    Diagnostic(code: "ASSERT", message: message ?? "断言不成立：\(written)", range: assertion.condition.range))
            } catch let diagnostic as Diagnostic {
                diagnostics.append(diagnostic)
            } catch {}
        }
    }

    /// Each `let` with the value its name has in the finished report, as `{NAME}` would print it.
    private mutating func recordBindings(evaluator: ExpressionEvaluator) {
        for (name, binding) in collected.bindings {
            let value = try? evaluator.evaluate(.reference([Name(text: name, range: binding.range)])).display
            record(at: binding.range, .binding(StatementEffect.Binding(name: name, value: value)))
        }
    }

    /// Each non-empty line of a text is a paragraph, without the spaces (ASCII or the ideographic U+3000)
    /// that indent it in a Word document. Offsets are found on the UTF-8 bytes and the paragraphs cut as
    /// substrings of the (already valid) text: this runs for every line of narrative. The raw pointer and
    /// `memchr` pay: a safe version (an `Array` of the bytes, `firstIndex(of:)`, `String(decoding:)`) took
    /// 14.3 M instructions instead of 5.0 M for 100 generated scripts, +8.7 % of all evaluation (callgrind,
    /// GovBench --only-evaluate).
    static func paragraphs(_ text: String) -> [String] {
        var ranges: [Range<Int>] = []
        var copy = text
        copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var start = 0
            let count = bytes.count
            while start <= count {
                var end = count
                if start < count, let found = memchr(base + start, Int32(UInt8(ascii: "\n")), count - start) {
                    end = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
                }
                var low = start, high = end
                while true {
                    if low < high, bytes[low] == 0x20 || bytes[low] == 0x09 || bytes[low] == 0x0D { low += 1; continue }
                    if high - low >= 3, bytes[low] == 0xE3, bytes[low + 1] == 0x80, bytes[low + 2] == 0x80 { low += 3; continue }
                    break
                }
                while true {
                    if high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09 || bytes[high - 1] == 0x0D { high -= 1; continue }
                    if high - low >= 3, bytes[high - 3] == 0xE3, bytes[high - 2] == 0x80, bytes[high - 1] == 0x80 { high -= 3; continue }
                    break
                }
                if high > low { ranges.append(low..<high) }
                start = end + 1
            }
        }
        let utf8 = copy.utf8
        // Most texts are one paragraph with nothing to trim: the text itself, not a copy of it.
        if ranges.count == 1, ranges[0] == 0..<utf8.count { return [text] }
        return ranges.map { range in
            String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]))
        }
    }

    static func sourceOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        switch (a.range, b.range) {
        case (nil, nil): return false
        case (nil, _): return false
        case (_, nil): return true
        case (let x?, let y?): return (x.file.index, x.start, a.code) < (y.file.index, y.start, b.code)
        }
    }
}

import Foundation
import GovLanguage

/// The first pass: walks the statements in order (entering includes), records header facts, the section
/// outline, raw cell entries, channels, bindings, text and asserts. Nothing is resolved against the format
/// yet, because the year that chooses the format may come anywhere in the file.
struct StatementCollector {
    let sources: SourceManager
    let loader: ScriptLoader
    var diagnostics: [Diagnostic] = []

    var header = Header()
    var yearRange: SourceRange?
    var bodyRange: SourceRange?
    var format: (value: Int, range: SourceRange)?
    var firstRange: SourceRange?
    /// Each header statement written so far, where (a script has about ten: searched in order, where a
    /// hashed dictionary cost 1 % of checking a script; callgrind).
    var headerSeen: [(keyword: Keyword, range: SourceRange)] = []
    /// Interpolated once the report is complete, so a title may say `{year}`.
    var title: StringLiteral?
    /// Set when the main file could not be read or decoded: nothing else is worth reporting then.
    var mainFileFailed = false
    /// The script itself (not an include): where a finding about the whole report points.
    var mainFile: FileID?

    var bindings: [String: (expression: Expr, range: SourceRange)] = [:]
    /// Values of bindings already computed while filling cells.
    let bindingValues = BindingCache()
    /// The blocks of the introduction and of every section, in the order written: a section's blocks lie
    /// together, from its `firstBlock` to the next section's (an array for each section grew by doubling
    /// from empty, 8 allocations a script; callgrind).
    var blockDrafts: [BlockDraft] = []
    var sections: [SectionDraft] = []
    /// Each table statement as written, in order.
    var cellLines: [CellLine] = []
    /// The value of each entry whose value is not a number written out (`let` names, arithmetic), computed
    /// where the entry is read (a name defined later is not yet known there), by its place among all the
    /// entries of `cellLines`. Numbers written out, nearly every entry, are read in place when the cells
    /// are placed (a computed value for each was copied and freed again: 2 M instructions for 300 scripts).
    var computedCellValues: [(entry: Int, value: Value)] = []
    /// How many entries of `cellLines` were read.
    var cellEntryCount = 0
    /// The cells of the plain table lines (`PlainTableLine`), read straight from their words when nothing
    /// asks for the statements (a check): each line's in `cellLines`, in order.
    var plainCells: [PlainCell] = []
    var channels: [Channel] = []
    var assertions: [(condition: Expr, message: StringLiteral?, range: SourceRange)] = []
    /// Every literal of text, lead and heading, for the text-quantity check, with its deliberate marks.
    var narratives: [TextChecker.Narrative] = []
    /// One per statement, in the order read (includes where they are included); the assembler fills them in.
    var effects: EffectLog

    /// The files being read, the outermost first. Their identities are taken only when an `include` asks
    /// (a `stat` and a string each: most scripts include nothing).
    private var includeStack: [String] = []
    private var includeCount = 0
    static let maximumIncludeDepth = 16
    static let maximumIncludes = 64

    /// `recordsEffects` false: what each statement did is not asked for (a check), and not recorded.
    init(sources: SourceManager, loader: ScriptLoader, recordsEffects: Bool = true) {
        self.sources = sources
        self.loader = loader
        effects = EffectLog(isRecording: recordsEffects)
    }

    mutating func collect(file: FileID) {
        let source = sources.file(file)
        if includeStack.isEmpty, mainFile == nil { mainFile = file }
        includeStack.append(source.path)
        defer { includeStack.removeLast() }
        // The parser's findings come before those of the statements, as when the file was parsed whole first.
        let parserFindingsGoAt = diagnostics.count
        reserveRoom(forLines: source.lineStarts.count)
        // What each statement did is recorded for the REPL and the editor, which read the statements too;
        // a check asks for neither, and takes the plain table lines — most of them — without their syntax.
        let parseDiagnostics =
            effects.isRecording
            ? Parser.parse(source, file: file) { read($0) }
            : Parser.parse(source, file: file, plain: { take(plain: $0, in: source) }, each: { read($0) })
        diagnostics.insert(contentsOf: parseDiagnostics, at: parserFindingsGoAt)
    }

    private mutating func read(_ statement: consuming Statement) {
        if firstRange == nil { firstRange = statement.range }
        effects.record(statement: statement.range, statement.keyword)
        do {
            try collect(statement)
        } catch let diagnostic as Diagnostic {
            diagnostics.append(diagnostic)
        } catch {}
    }

    /// Takes the statement (the parser hands it over), and reads only its plain fields besides its kind:
    /// passed borrowed, and handed whole to `once`, it was copied again in most cases (callgrind). Its kind
    /// is taken out of it (`consume`) before the switch: switching on `statement.kind` copied the statement
    /// 7,500 times in 300 scripts, 3,900 then (a `borrowing` statement read in place was copied 13,000).
    private mutating func collect(_ statement: consuming Statement) throws {
        let keyword = statement.keyword, range = statement.range, keywordRange = statement.keywordRange
        let kind = (consume statement).kind
        switch consume kind {
        case .body(let name):
            try once(keyword, at: range)
            header.body = name.text
            bodyRange = name.range
        case .kind(let name):
            try once(keyword, at: range)
            guard let kind = BodyKind.named(name.text) else {
                throw Diagnostic(
                    code: "E052",
                    message: "不认识的机关类型 “\(name.text)”" + Suggestion.hint(for: name.text, among: BodyKind.allSpellings)
                        + "；可写：department（部门）、government（政府）",
                    range: name.range)
            }
            header.statedKind = kind
        case .year(let expression):
            try once(keyword, at: range)
            header.year = try wholeNumber(expression, what: "年度", in: 2000...2100)
            yearRange = expression.range
        case .format(let expression):
            try once(keyword, at: range)
            let value = try wholeNumber(expression, what: "格式", in: 0...Int.max)
            guard FormatEdition(rawValue: value) != nil else {
                throw Diagnostic(code: "E042", message: "格式只能是 2019（国办公开办函〔2019〕60号）或 2021（国办公开办函〔2021〕30号）", range: expression.range)
            }
            format = (value, expression.range)
        case .title(let literal):
            try once(keyword, at: range)
            title = literal
        case .published(let date):
            try once(keyword, at: range)
            header.published = date
        case .signoff(let name, let date):
            try once(keyword, at: range)
            // `signoff none` / `落款 无`: the report as published has no sign-off. A body really called so is quoted.
            if !name.isQuoted, date == nil, name.text == "none" || name.text == "无" {
                header.hasSignoff = false
            } else {
                header.signoffBody = name.text
                header.signoffDate = date
            }
        case .parts(let expression):
            try once(keyword, at: range)
            header.announcedParts = try wholeNumber(expression, what: "部分数", in: 1...99)
            header.announcedPartsRange = expression.range
        case .section(let name, let printed):
            try openSection(name, printed: printed)
        case .heading(let literal):
            narratives.append(.init(literal))
            blockDrafts.append(BlockDraft(.heading, literal))
        case .lead(let literal):
            narratives.append(.init(literal))
            blockDrafts.append(BlockDraft(.lead, literal))
        case .deliberate(let expression, let reason):
            guard !narratives.isEmpty else {
                throw Diagnostic(code: "E046", message: "deliberate 要紧跟在它所说的 text 之后", range: keywordRange)
            }
            guard let value = try constant(expression).decimal else {
                throw Diagnostic(code: "E031", message: "deliberate 后面应是正文里的那个数", range: expression.range)
            }
            narratives[narratives.count - 1].deliberate.append((value, reason.plainText ?? ""))
        case .text(let literal):
            narratives.append(.init(literal))
            blockDrafts.append(BlockDraft(.text, literal))
        case .table(let title):
            blockDrafts.append(BlockDraft(.table, title, table: TableDraft()))
        case .columns(let items), .row(let items):
            try addToTable(items, keyword: keyword, at: keywordRange)
        case .channel(let name, let expression):
            let count = try wholeNumber(expression, what: "条数", in: 0...Int.max)
            channels.append(Channel(name: name.text, count: count, range: expression.range, categories: []))
        case .category(let name, let expression):
            guard !channels.isEmpty else {
                throw Diagnostic(code: "E047", message: "类别要写在它所属的 channel 之后", range: keywordRange)
            }
            let count = try wholeNumber(expression, what: "条数", in: 0...Int.max)
            let last = channels.count - 1
            // Room for a few at once: grown one by one, three categories were three allocations and two
            // copies (0.34 M instructions for 300 scripts; callgrind).
            if channels[last].categories.isEmpty { channels[last].categories.reserveCapacity(4) }
            channels[last].categories.append(.init(name: name.text, count: count, range: expression.range))
        case .cells(let cells):
            let first = cellEntryCount
            var failure: (any Error)?
            for index in cells.entries.indices {
                if case .expression(let expression) = cells.entries[index].value, !CellLine.isWrittenOut(expression) {
                    do { computedCellValues.append((first + index, try constant(expression))) } catch {
                        failure = error
                        break
                    }
                }
                cellEntryCount += 1
            }
            cellLines.append(CellLine(keyword: keyword, cells: cells, firstEntry: first, count: cellEntryCount - first))
            if let failure { throw failure }
        case .binding(let name, let expression):
            if let previous = bindings[name.text] {
                throw Diagnostic(
                    code: "E034", message: "“\(name.text)” 已经定义过；每个名称只定义一次", range: name.range,
                    notes: [.init("第一次定义在这里", at: previous.range)])
            }
            bindings[name.text] = (expression, name.range)
            // Computed now when it can be (numbers and earlier names), so that a long chain of lets is
            // evaluated one link at a time, never by a deep recursion. A failure is not an error here: the
            // binding may read table paths, which only text and asserts can, and is evaluated where used.
            _ = try? constant(.reference([name]))
        case .include(let literal):
            try include(literal)
        case .previous(let literal):
            try once(keyword, at: range)
            guard let written = literal.plainText else {
                throw Diagnostic(code: "E013", message: "上年报告的文件名里不能使用 {…} 插值", range: literal.range)
            }
            try IncludeRules.requireScriptName(written, range: literal.range)
            let path = StatementCollector.resolve(written, againstScriptAt: sources.path(literal.range.file))
            header.previous = PreviousScript(written: written, path: path, range: literal.range)
        case .assertion(let condition, let message):
            assertions.append((condition, message, range))
        }
    }

    // MARK: - Pieces

    /// Room for what a file's statements add, before they come (a statement at a time, from the parser):
    /// a statement a line at most, and in a report about half its lines text or table statements, a line
    /// in eight a channel; about ten header statements and eight sections. Grown from empty by doubling,
    /// these arrays were reallocated 20 times a script (callgrind). A file with more grows them as usual;
    /// a file reserves once, so includes never make the growth linear. Counted up to 4,096 lines (a report
    /// has a few hundred): two megabytes of empty lines reserve no more than a long report would.
    private mutating func reserveRoom(forLines counted: Int) {
        let lines = min(counted, 4_096)
        effects.reserveCapacity(statements: lines)
        narratives.reserveCapacity(narratives.count + lines / 2)
        blockDrafts.reserveCapacity(blockDrafts.count + lines / 2)
        cellLines.reserveCapacity(cellLines.count + lines / 2)
        if !effects.isRecording { plainCells.reserveCapacity(plainCells.count + lines) }
        channels.reserveCapacity(channels.count + lines / 8)
        headerSeen.reserveCapacity(headerSeen.count + 10)
        sections.reserveCapacity(sections.count + 8)
    }

    /// Header statements may appear once.
    private mutating func once(_ keyword: Keyword, at range: SourceRange) throws {
        if let previous = headerSeen.first(where: { $0.keyword == keyword })?.range {
            throw Diagnostic(
                code: "E030", message: "“\(keyword.english)” 已经写过一次", range: range,
                notes: [.init("第一次写在这里", at: previous)])
        }
        headerSeen.append((keyword, range))
    }

    private mutating func openSection(_ name: Name, printed: consuming StringLiteral?) throws {
        let kind: Section.Kind
        if name.isQuoted {
            kind = .local(name.text)
        } else if let official = OfficialSection.named(name.text) {
            kind = .official(official)
        } else {
            let suggested = Suggestion.suggest(name.text, among: OfficialSection.allSpellings, at: name.range)
            throw Diagnostic(
                code: "E044", message: "没有叫 “\(name.text)” 的规定章节\(suggested.hint)；本地增加的章节请把标题放在引号里",
                range: name.range, fixIts: suggested.fixIts)
        }
        if case .official(let official) = kind {
            // By index, reading two fields: `for earlier in sections` copied each draft, its blocks and title.
            for index in sections.indices {
                guard case .official(let other) = sections[index].kind else { continue }
                if other == official {
                    throw Diagnostic(
                        code: "E045", message: "章节「\(official.title)」已经有了", range: name.range,
                        notes: [.init("第一次在这里", at: sections[index].range)])
                }
                if other > official {
                    throw Diagnostic(
                        code: "E045", message: "章节「\(official.title)」应写在「\(other.title)」之前（按规定格式的顺序）", range: name.range)
                }
            }
        }
        sections.append(SectionDraft(kind: kind, range: name.range, printedTitle: printed, firstBlock: blockDrafts.count))
    }

    /// `columns` or `row` (`keyword`): the items go into the table just opened (the last block, of the
    /// section still open).
    private mutating func addToTable(_ items: [Expr], keyword: Keyword, at keywordRange: SourceRange) throws {
        let open = blockRange(ofSection: sections.isEmpty ? nil : sections.count - 1)
        guard !open.isEmpty, let table = blockDrafts[open.upperBound - 1].table else {
            throw Diagnostic(
                code: "E046", message: "“\(keyword.english)” 要紧跟在 table 语句之后（表格的行和列）", range: keywordRange)
        }
        // The rows live in a reference: a row is appended in place, never by copying the rows so far.
        if keyword == .columns { table.columns = items } else { table.rows.append(items) }
    }

    private mutating func include(_ literal: StringLiteral) throws {
        guard let relative = literal.plainText else {
            throw Diagnostic(code: "E013", message: "引用的文件名里不能使用 {…} 插值", range: literal.range)
        }
        try IncludeRules.requireScriptName(relative, range: literal.range)
        let path = StatementCollector.resolve(relative, againstScriptAt: sources.path(literal.range.file))
        // The same file under another name (`dir/../main.gov`, a symbolic link) is the same file.
        let identity = FileIdentity(path: path)
        if includeStack.contains(where: { FileIdentity(path: $0) == identity }) {
            let chain = includeStack.joined(separator: " → ")
            throw Diagnostic(code: "E061", message: "循环引用：\(relative) 已经在引用链中（\(chain)）", range: literal.range)
        }
        guard includeStack.count < Self.maximumIncludeDepth else {
            throw Diagnostic(code: "E062", message: "引用层次太深（最多 \(Self.maximumIncludeDepth) 层）", range: literal.range)
        }
        // A file may be included from several places, but not so often that the includes fan out.
        includeCount += 1
        guard includeCount <= Self.maximumIncludes else {
            throw Diagnostic(code: "E064", message: "引用的文件太多（一份报告最多读取 \(Self.maximumIncludes) 次 include）", range: literal.range)
        }
        switch loader.load(path, into: sources, requestedAt: literal.range) {
        case .success(let file): collect(file: file)
        case .failure(let diagnostic): throw diagnostic
        }
    }

    /// A path written in a script, relative to that script's directory unless absolute. Static, given the
    /// script's path: as a method, the collector was copied to call it (callgrind).
    private static func resolve(_ relative: String, againstScriptAt path: String) -> String {
        guard !relative.hasPrefix("/") else { return relative }
        // NSString's two path calls cost 24,000 instructions (a `previous` in most scripts of a batch: 2 %
        // of checking one). The plain case — a directory part, no doubled or trailing slash in either — is
        // joined by hand from the bytes, which is what they give for it (through the strings' views and
        // `+`, 3,100 instructions; callgrind); anything else still goes through NSString.
        var relative = relative, path = path
        let joined = relative.withUTF8 { name in path.withUTF8 { script in plainJoin(directoryOf: script, name) } }
        if let joined { return joined }
        let directory = PathText.directory(of: path)
        return (directory as NSString).appendingPathComponent(relative)
    }

    /// `script`'s directory, a slash and `name`, when both are plain: `script` has a directory part, and
    /// neither has a doubled or trailing slash. Nil otherwise.
    private static func plainJoin(directoryOf script: UnsafeBufferPointer<UInt8>, _ name: UnsafeBufferPointer<UInt8>) -> String? {
        guard !name.isEmpty, let slash = script.lastIndex(of: UInt8(ascii: "/")), slash != 0,
            !hasDoubledOrTrailingSlash(script), !hasDoubledOrTrailingSlash(name)
        else { return nil }
        let directory = UnsafeBufferPointer(rebasing: script[..<slash])
        return String(unsafeUninitializedCapacity: directory.count + 1 + name.count) { buffer in
            var end = buffer.initialize(fromContentsOf: directory)
            buffer[end] = UInt8(ascii: "/")
            end += 1
            end += UnsafeMutableBufferPointer(rebasing: buffer[end...]).initialize(fromContentsOf: name)
            return end
        }
    }

    private static func hasDoubledOrTrailingSlash(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "/"), previous == UInt8(ascii: "/") { return true }
            previous = byte
        }
        return previous == UInt8(ascii: "/")
    }

    // MARK: - Values while filling (only `let` names are known yet)

    func constant(_ expression: Expr) throws -> Value {
        // Most values are plain numbers: answer them without building an evaluator.
        switch expression {
        case .integer(let value, _): return .integer(value)
        case .decimal(let value, let text, _): return .amount(value, text)
        default: return try constant(expression, visiting: [])
        }
    }

    /// `visiting` holds the `let` names being evaluated on the current path, to catch `let a = a + 1`.
    private func constant(_ expression: Expr, visiting: Set<String>) throws -> Value {
        try StatementCollector.constant(expression, bindings: bindings, values: bindingValues, visiting: visiting)
    }

    /// Static, given the bindings and their values: the evaluator's closure holds those two, where a
    /// method's closure held a copy of the whole collector (every array retained, then released; callgrind).
    private static func constant(
        _ expression: Expr, bindings: [String: (expression: Expr, range: SourceRange)], values: BindingCache, visiting: Set<String>
    ) throws -> Value {
        let evaluator = ExpressionEvaluator { names in
            let written = names.map(\.text).joined(separator: ".")
            let range = names[0].range.union(names[names.count - 1].range)
            guard names.count == 1, let binding = bindings[names[0].text] else {
                // Sorted: a dictionary's order changes from run to run, and of two names equally close the
                // first is suggested — the same script got a different hint each time.
                let suggested = Suggestion.suggest(written, among: bindings.keys.sorted(), at: range)
                throw Diagnostic(
                    code: "E032",
                    message: "这里只能用数字或 let 定义过的名称，“\(written)” 不是；表格里的数值只能在正文和 assert 中引用" + suggested.hint,
                    range: range, fixIts: suggested.fixIts)
            }
            return try values.value(of: written, range: range, visiting: visiting) {
                try constant(binding.expression, bindings: bindings, values: values, visiting: visiting.union([written]))
            }
        }
        return try evaluator.evaluate(expression)
    }

    func wholeNumber(_ expression: Expr, what: String, in range: ClosedRange<Int>) throws -> Int {
        guard case .integer(let value) = try constant(expression) else {
            throw Diagnostic(code: "E031", message: "\(what)应是整数", range: expression.range)
        }
        guard range.contains(value) else {
            let message = value < 0 ? "\(what)不能为负数" : "\(what) \(value) 不在允许范围（\(range.lowerBound)–\(range.upperBound)）"
            throw Diagnostic(code: "E031", message: message, range: expression.range)
        }
        return value
    }

}

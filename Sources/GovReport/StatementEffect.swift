import GovLanguage

/// What one statement did to the report, so a tool that shows the effect of an entry (the REPL's echo, an
/// editor's hover) reads it from the evaluation instead of parsing the text again or evaluating a probe.
public struct StatementEffect: Sendable {
    /// A `let`: the name and the value it has in the finished report (nil when it cannot be evaluated).
    public struct Binding: Sendable, Equatable {
        public let name: String
        public let value: String?
    }

    /// The whole statement as written.
    public let range: SourceRange
    public let keyword: Keyword
    /// The cells a table statement stated (those the format has and whose value was accepted), in order.
    public internal(set) var cells: [CellID] = []
    public internal(set) var binding: Binding?
    /// The paragraphs a `text` added to the report.
    public internal(set) var paragraphs = 0
    /// The section a `section` statement opened: its index in `Report.sections`.
    public internal(set) var section: Int?
    /// Whether an `assert` held; nil when it could not be evaluated.
    public internal(set) var assertionHolds: Bool?

    init(range: SourceRange, keyword: Keyword) {
        self.range = range
        self.keyword = keyword
    }
}

/// Finds the statement a range lies in: per file, statements sorted by start, searched by halving, so
/// attributing every cell and paragraph stays O(n log n).
struct StatementEffectIndex {
    private var starts: [FileID: [(start: Int, end: Int, index: Int)]] = [:]

    init(_ effects: [StatementEffect]) {
        for (index, effect) in effects.enumerated() {
            starts[effect.range.file, default: []].append((effect.range.start, effect.range.end, index))
        }
        for file in starts.keys { starts[file]?.sort { $0.start < $1.start } }
    }

    /// The index of the statement whose range contains `range`'s start.
    func statement(containing range: SourceRange) -> Int? {
        guard let list = starts[range.file] else { return nil }
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle].start <= range.start { low = middle + 1 } else { high = middle }
        }
        guard low > 0, range.start < max(list[low - 1].end, list[low - 1].start + 1) else { return nil }
        return list[low - 1].index
    }
}

/// What the evaluation records while it works, cheaply: a plain span per statement and one small event per
/// thing a statement did. `Evaluation.effects` turns it into one `StatementEffect` per statement only when
/// asked (the REPL asks once per entry), so evaluating a script pays a few appends, not a struct per
/// statement. Per 100 generated scripts (callgrind, GovBench --only-evaluate): 72.7 M instructions without
/// effects; eager effects +6.7 M (+9.2 %); this log +0.9 M (+1.2 %).
struct EffectLog: Sendable {
    enum Event: Sendable {
        case cell(CellID)
        case paragraphs(Int)
        case section(Int)
        case assertion(holds: Bool)
        case binding(StatementEffect.Binding)
    }

    /// Every statement read, in order (includes where they are included).
    private(set) var statements: [(range: SourceRange, keyword: Keyword)] = []
    /// Each event and the place it happened (inside its statement).
    private(set) var events: [(at: SourceRange, event: Event)] = []
    /// False for a check, which prints findings and never asks what each statement did: the log stays
    /// empty (an append a statement and a cell, and their freeing: 1.4 M instructions of 112.6 M for 300
    /// scripts; callgrind).
    let isRecording: Bool

    init(isRecording: Bool = true) { self.isRecording = isRecording }

    mutating func record(statement range: SourceRange, _ keyword: Keyword) {
        if isRecording { statements.append((range, keyword)) }
    }

    mutating func record(at range: SourceRange, _ event: Event) {
        if isRecording { events.append((range, event)) }
    }

    mutating func reserveCapacity(statements count: Int) {
        if isRecording { statements.reserveCapacity(statements.count + count) }
    }

    mutating func reserveCapacity(_ count: Int) {
        if isRecording { events.reserveCapacity(events.count + count) }
    }

    /// One effect per statement, events attributed by where they happened.
    func effects() -> [StatementEffect] {
        var effects = statements.map { StatementEffect(range: $0.range, keyword: $0.keyword) }
        let index = StatementEffectIndex(effects)
        for (range, event) in events {
            guard let statement = index.statement(containing: range) else { continue }
            switch event {
            case .cell(let cell): effects[statement].cells.append(cell)
            case .paragraphs(let count): effects[statement].paragraphs += count
            case .section(let section): effects[statement].section = section
            case .assertion(let holds): effects[statement].assertionHolds = holds
            case .binding(let binding): effects[statement].binding = binding
            }
        }
        return effects
    }
}

/// Turns the tokens found after each row label into cells. A row printed with one token per cell is read
/// as printed, right or wrong (the audit is `gov check`'s job). A row whose cells ran together is split
/// every possible way and the splits are filtered by the table's equations: first the row's own (six
/// applicant columns = 总计; each appeals block = its 总计), then, for rows still undecided, the columns'
/// (results = （七）总计; 一 + 二 = （七）+ 四). One survivor is written, marked inferred; several leave the
/// cells they disagree on unknown with the candidates; none leaves the row unknown with a warning.
struct RowReading {
    let spec: OfficialRowSpec
    var cells: [CellReading]
    var approximation: String?
    /// Said in a comment on the row: how it was read.
    var note: String?
    var warning: String?
}

enum TableResolver {
    typealias Split = RunTogetherSplitter.Split

    /// A row's own equation over its cells; nil when the row has none.
    static func rowEquation(_ id: OfficialRowSpec.ID) -> (([Int?]) -> Bool)? {
        switch id {
        case .application:
            return { cells in
                guard cells.count == 7, let total = cells[6] else { return false }
                var sum = 0
                for cell in cells[0..<6] {
                    guard let cell else { return false }
                    sum += cell
                }
                return sum == total
            }
        case .appeals:
            return { cells in
                guard cells.count == 15 else { return false }
                for block in 0..<3 {
                    let base = block * 5
                    guard let total = cells[base + 4] else { return false }
                    var sum = 0
                    for cell in cells[base..<(base + 4)] {
                        guard let cell else { return false }
                        sum += cell
                    }
                    if sum != total { return false }
                }
                return true
            }
        case .disclosure:
            return nil
        }
    }

    /// The candidates of each matched row, before any cross-row filtering.
    static func candidates(for match: TableScanner.RowMatch) -> (splits: [Split]?, direct: Bool) {
        let kinds = match.spec.kinds
        // A blank cell spanning columns is as many blank cells when the row needs them.
        if match.tokens.count != kinds.count, let spanned = match.spannedTokens, spanned.count == kinds.count {
            var expanded = match
            expanded.tokens = spanned
            expanded.spannedTokens = nil
            return candidates(for: expanded)
        }
        if match.tokens.count == kinds.count,
            let direct = RunTogetherSplitter.splits(match.tokens, kinds: kinds), direct.count == 1
        {
            return ([direct[0]], true)
        }
        guard let all = RunTogetherSplitter.splits(match.tokens, kinds: kinds) else { return (nil, false) }
        guard let equation = rowEquation(match.spec.id) else { return (all, false) }
        return (all.filter { equation($0.map(\.integer)) }, false)
    }

    /// Reads every matched row of one table. `columnCheck` filters whole-table combinations of the
    /// undecided rows (the applications table's column equations); rows are keyed by their spec id.
    static func resolve(
        _ matches: [TableScanner.RowMatch],
        columnChecks: [([OfficialRowSpec.ID: [Int?]]) -> Bool?] = []
    ) -> [OfficialRowSpec.ID: RowReading] {
        var readings: [OfficialRowSpec.ID: RowReading] = [:]
        var pending: [(TableScanner.RowMatch, [Split])] = []
        for match in matches {
            let (splits, direct) = candidates(for: match)
            var reading = RowReading(
                spec: match.spec, cells: Array(repeating: .unknown, count: match.spec.kinds.count),
                approximation: match.approximation)
            guard let splits else {
                reading.warning = "「\(match.spec.officialLabel)」原文「\(match.printedValues)」可拆分的方式太多，记为不详"
                reading.note = reading.warning
                readings[match.spec.id] = reading
                continue
            }
            if direct, let only = splits.first {
                reading.cells = only
                reading.note = match.positionNote
                readings[match.spec.id] = reading
            } else {
                pending.append((match, splits))
                readings[match.spec.id] = reading
            }
        }
        let narrowed = narrow(pending, known: readings, checks: columnChecks)
        for (index, (match, _)) in pending.enumerated() {
            readings[match.spec.id] = settle(match, narrowed[index], approximation: match.approximation)
        }
        return readings
    }

    /// Filters the undecided rows' candidates by the column equations, jointly, when the combinations are
    /// few enough to enumerate; an equation no combination satisfies says nothing and is dropped.
    private static func narrow(
        _ pending: [(TableScanner.RowMatch, [Split])], known: [OfficialRowSpec.ID: RowReading],
        checks: [([OfficialRowSpec.ID: [Int?]]) -> Bool?]
    ) -> [[Split]] {
        let lists = pending.map(\.1)
        let ambiguous = lists.indices.filter { lists[$0].count > 1 }
        guard !checks.isEmpty, !ambiguous.isEmpty else { return lists }
        var combinations = 1
        for index in ambiguous {
            combinations *= lists[index].count
            if combinations > 200_000 { return lists }
        }
        var base: [OfficialRowSpec.ID: [Int?]] = [:]
        for (id, reading) in known { base[id] = reading.cells.map(\.integer) }
        for index in lists.indices where lists[index].count == 1 { base[pending[index].0.spec.id] = lists[index][0].map(\.integer) }

        func survivors(using active: [([OfficialRowSpec.ID: [Int?]]) -> Bool?]) -> [[Int]] {
            var found: [[Int]] = []
            var choice = Array(repeating: 0, count: ambiguous.count)
            var table = base
            while true {
                for (slot, index) in ambiguous.enumerated() {
                    table[pending[index].0.spec.id] = lists[index][choice[slot]].map(\.integer)
                }
                if active.allSatisfy({ $0(table) ?? true }) { found.append(choice) }
                var slot = 0
                while slot < choice.count {
                    choice[slot] += 1
                    if choice[slot] < lists[ambiguous[slot]].count { break }
                    choice[slot] = 0
                    slot += 1
                }
                if slot == choice.count { break }
            }
            return found
        }
        var found = survivors(using: checks)
        if found.isEmpty {
            for check in checks {
                found = survivors(using: [check])
                if !found.isEmpty { break }
            }
        }
        guard !found.isEmpty else { return lists }
        var result = lists
        for (slot, index) in ambiguous.enumerated() {
            let kept = Set(found.map { $0[slot] }).sorted()
            result[index] = kept.map { lists[index][$0] }
        }
        return result
    }

    private static func settle(_ match: TableScanner.RowMatch, _ splits: [Split], approximation: String?) -> RowReading {
        let label = match.spec.officialLabel
        var reading = RowReading(
            spec: match.spec, cells: Array(repeating: .unknown, count: match.spec.kinds.count), approximation: approximation)
        let printed = match.printedValues.isEmpty ? "（无数字）" : match.printedValues
        switch splits.count {
        case 0:
            reading.warning = "「\(label)」原文「\(printed)」没有一种拆分满足表内等式，记为不详"
            reading.note = "原文「\(printed)」没有一种拆分满足表内等式"
        case 1:
            reading.cells = splits[0].map { cell in
                var cell = cell
                cell.inferred = true
                return cell
            }
            reading.note = "由表内等式推断：原文「\(printed)」"
        default:
            for column in reading.cells.indices {
                let values = splits.map { $0[column] }
                if values.allSatisfy({ $0 == values[0] }) {
                    reading.cells[column] = values[0]
                    reading.cells[column].inferred = true
                } else {
                    var seen: [String] = []
                    for value in values {
                        let text = describe(value)
                        if !seen.contains(text) { seen.append(text) }
                    }
                    reading.cells[column] = CellReading(.unknown, candidates: seen)
                }
            }
            let shown = splits.prefix(40).map { $0.map(describe).joined(separator: "|") }
            let more = splits.count > 40 ? " 等共 \(splits.count) 种" : ""
            reading.note = "原文「\(printed)」有 \(splits.count) 种拆分：\(shown.joined(separator: "；"))\(more)"
        }
        return reading
    }

    static func describe(_ cell: CellReading) -> String {
        switch cell.state {
        case .number(let text): return text + (cell.unit ?? "")
        case .blank: return "空"
        case .unknown: return "?"
        }
    }
}

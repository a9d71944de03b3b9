import GovLanguage

/// The cross-year part of a streaming check, once every script has been read: each body's series is
/// screened from the scripts' `SeriesFacts`; a series that may have a finding is read again (its scripts
/// and the ones they name with `previous`) and checked by `ReportSeries`, exactly as `BatchCheck` does,
/// so the findings carry their lines. Only one series' facts and reports are in memory at a time.
struct SeriesPhase {
    /// What is known of the delivered scripts while they stream by: their facts in a `SeriesStore`, each
    /// body's scripts, and where each key is — never a script's text or report.
    struct Index {
        let store = SeriesStore()
        /// Each script's body, as a number in order of first appearance (bodies are told apart by their
        /// name's 128-bit key, so a body costs 20 bytes, not its name).
        fileprivate var bodyOf: [Int32] = []
        fileprivate var bodyNumbers: [PathKey: Int32] = [:]
        /// Where each script's `previous` is among the scripts: `none`, `later` (not among the scripts just
        /// before it: found at the end, or read from outside the batch) or its position.
        fileprivate var previousOf: [Int32] = []
        fileprivate static let none: Int32 = -1
        fileprivate static let later: Int32 = -2
        fileprivate var unresolved: [(position: Int, previous: PathKey)] = []
        /// The keys of the last `recentCount` scripts: a `previous` almost always names a script of the same
        /// directory, read just before, so this small map finds it without one entry per script.
        private var recent: [PathKey: Int32] = [:]
        private var recentKeys: [PathKey] = []
        private static let recentCount = 4096

        /// Stores a checked script's facts; its index among the checked scripts.
        mutating func add(_ facts: SeriesFacts) -> Int {
            let position = store.count
            store.append(facts)
            let body = PathKey(facts.body)
            let number = bodyNumbers[body] ?? Int32(truncatingIfNeeded: bodyNumbers.count)
            if number == bodyNumbers.count { bodyNumbers[body] = number }
            bodyOf.append(number)

            if recentKeys.count == Index.recentCount {
                let old = recentKeys[position % Index.recentCount]
                if recent[old] == Int32(truncatingIfNeeded: position - Index.recentCount) { recent[old] = nil }
                recentKeys[position % Index.recentCount] = facts.key
            } else {
                recentKeys.append(facts.key)
            }
            if recent[facts.key] == nil { recent[facts.key] = Int32(truncatingIfNeeded: position) }

            if let previous = facts.previous {
                if let found = recent[previous] {
                    previousOf.append(found)
                } else {
                    previousOf.append(Index.later)
                    unresolved.append((position, previous))
                }
            } else {
                previousOf.append(Index.none)
            }
            return position
        }

        /// Each body's scripts, bodies in order of first appearance, scripts in order.
        fileprivate func bodies() -> [ArraySlice<Int32>] {
            var counts = [Int](repeating: 0, count: bodyNumbers.count + 1)
            for body in bodyOf { counts[Int(body) + 1] += 1 }
            for body in counts.indices.dropFirst() { counts[body] += counts[body - 1] }
            var next = counts
            var sorted = [Int32](repeating: 0, count: bodyOf.count)
            for (position, body) in bodyOf.enumerated() {
                sorted[next[Int(body)]] = Int32(truncatingIfNeeded: position)
                next[Int(body)] += 1
            }
            return (0..<bodyNumbers.count).map { sorted[counts[$0]..<counts[$0 + 1]] }
        }

        /// Where the scripts named by `previous` that were not found on the way are: one pass over the store.
        fileprivate func laterPositions() -> [PathKey: Int] {
            let wanted = Set(unresolved.map(\.previous))
            guard !wanted.isEmpty else { return [:] }
            var found: [PathKey: Int] = [:]
            for position in 0..<store.count {
                guard let key = store[position]?.key, wanted.contains(key), found[key] == nil else { continue }
                found[key] = position
            }
            return found
        }
    }

    let index: Index
    let loader: ScriptLoader

    func run(_ deliver: (StreamingCheck.SeriesFindings) -> Void) {
        let store = index.store
        // Each position's entry: a checked script (below `store.count`) or one read only because a checked
        // script names it with `previous` (above).
        var extra: [SeriesScreen.Entry] = []
        var laterPositions = index.laterPositions()
        func previousPosition(of position: Int, _ key: PathKey) -> Int? {
            if position < index.previousOf.count, index.previousOf[position] >= 0 { return Int(index.previousOf[position]) }
            return laterPositions[key]
        }
        func entry(_ position: Int) -> SeriesScreen.Entry? {
            if position >= store.count { return position - store.count < extra.count ? extra[position - store.count] : nil }
            return store[position].map { SeriesScreen.Entry(facts: $0, isChecked: true) }
        }

        // A `previous` outside the batch is read for the comparison (once, as `BatchCheck` does: the first
        // script that names a file it cannot read is told so).
        var attempted = Set<PathKey>()
        var unreadablePrevious = Set<Int>()
        for (naming, key) in index.unresolved where laterPositions[key] == nil && attempted.insert(key).inserted {
            guard let script = store[naming],
                let previous = Evaluator.evaluate(path: script.path, loader: loader).report.header.previous
            else { continue }
            let context = Evaluator.evaluate(path: previous.path, loader: loader)
            if context.findings.contains(where: SeriesPhase.isUnreadable) {
                unreadablePrevious.insert(naming)
                continue
            }
            laterPositions[key] = store.count + extra.count
            extra.append(.init(facts: SeriesFacts(evaluation: context, path: previous.path, key: key), isChecked: false))
        }

        for body in index.bodies() {
            let members = body.map(Int.init)
            // The series and every script its members name: all that `ReportSeries` reads about them.
            var series: [Int] = []
            var entries: [SeriesScreen.Entry] = []
            for member in members {
                guard let found = entry(member) else { continue }
                series.append(member)
                entries.append(found)
            }
            let memberCount = series.count
            // One script that names no other: nothing to compare (the common case of a single file).
            if memberCount == 1, entries[0].facts.previous == nil { continue }
            for member in 0..<memberCount {
                // A series is a few scripts: a linear search is cheaper than a set.
                guard let key = entries[member].facts.previous, let named = previousPosition(of: series[member], key),
                    !series.contains(named), let found = entry(named)
                else { continue }
                series.append(named)
                entries.append(found)
            }
            guard series.prefix(memberCount).contains(where: unreadablePrevious.contains) || SeriesScreen.mayFind(entries)
            else { continue }
            read(series, members: memberCount, entries: entries, unreadablePrevious: unreadablePrevious, deliver)
        }
    }

    private func read(
        _ series: [Int], members: Int, entries: [SeriesScreen.Entry], unreadablePrevious: Set<Int>,
        _ deliver: (StreamingCheck.SeriesFindings) -> Void
    ) {
        let sources = SourceManager()
        var reports: [ReportSeries.Entry] = []
        var firstFile: [Int] = []
        for entry in entries {
            let path = entry.facts.path
            firstFile.append(sources.files.count)
            let evaluation = Evaluator.evaluate(path: path, loader: loader, sources: sources)
            reports.append(.init(report: evaluation.report, path: path, key: ScriptFinder.standardized(path), isChecked: entry.isChecked))
        }
        var found: [[Diagnostic]] = Array(repeating: [], count: members)
        for member in 0..<members where unreadablePrevious.contains(series[member]) {
            guard let previous = reports[member].report.header.previous else { continue }
            let context = Evaluator.evaluate(path: previous.path, loader: loader, sources: sources)
            if let failure = context.findings.first(where: SeriesPhase.isUnreadable) {
                found[member].append(Diagnostic(code: failure.code, message: "上年报告：\(failure.message)", range: previous.range))
            }
        }
        for (position, finding) in ReportSeries.check(reports) where position < members {
            found[position].append(finding)
        }
        for member in 0..<members where !found[member].isEmpty {
            deliver(
                StreamingCheck.SeriesFindings(
                    index: series[member], path: reports[member].path, findings: found[member].sorted(by: ReportAssembler.sourceOrder),
                    sources: sources, firstFile: firstFile[member]))
        }
    }

    private static func isUnreadable(_ finding: Diagnostic) -> Bool { finding.code == .unreadableFile || finding.code == .fileNotUTF8 }
}

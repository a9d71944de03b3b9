import GovLanguage

/// The cross-year part of a streaming check, once every script has been read: each body's series is
/// screened from the scripts' `SeriesFacts`; a series that may have a finding is read again (its scripts
/// and the ones they name with `previous`) and checked by `ReportSeries`, exactly as `BatchCheck` does,
/// so the findings carry their lines. Only one series' reports are in memory at a time.
struct SeriesPhase {
    /// The checked scripts, by index.
    let facts: [SeriesFacts]
    let loader: ScriptLoader

    func run(_ deliver: (StreamingCheck.SeriesFindings) -> Void) {
        var entries = facts.map { SeriesScreen.Entry(facts: $0, isChecked: true) }
        var index: [PathKey: Int] = [:]
        for (position, script) in facts.enumerated() where index[script.key] == nil { index[script.key] = position }

        // A `previous` outside the batch is read for the comparison (once, as `BatchCheck` does: the first
        // script that names a file it cannot read is told so).
        var attempted = Set(index.keys)
        var unreadablePrevious = Set<Int>()
        for position in facts.indices {
            guard let key = facts[position].previous, attempted.insert(key).inserted,
                let previous = Evaluator.evaluate(path: facts[position].path, loader: loader).report.header.previous
            else { continue }
            let context = Evaluator.evaluate(path: previous.path, loader: loader)
            if context.findings.contains(where: SeriesPhase.isUnreadable) {
                unreadablePrevious.insert(position)
                continue
            }
            index[key] = entries.count
            entries.append(.init(facts: SeriesFacts(evaluation: context, path: previous.path, key: key), isChecked: false))
        }

        var bodies: [String: [Int]] = [:]
        var bodyOrder: [String] = []
        for (position, script) in facts.enumerated() {
            if bodies[script.body] == nil { bodyOrder.append(script.body) }
            bodies[script.body, default: []].append(position)
        }
        for body in bodyOrder {
            guard let members = bodies.removeValue(forKey: body) else { continue }
            // The series and every script its members name: all that `ReportSeries` reads about them.
            var series = members
            var inSeries = Set(members)
            for member in members {
                if let key = facts[member].previous, let named = index[key], inSeries.insert(named).inserted { series.append(named) }
            }
            guard members.contains(where: unreadablePrevious.contains) || SeriesScreen.mayFind(series.map { entries[$0] })
            else { continue }
            read(series, members: members.count, entries: entries, unreadablePrevious: unreadablePrevious, deliver)
        }
    }

    private func read(
        _ series: [Int], members: Int, entries: [SeriesScreen.Entry], unreadablePrevious: Set<Int>,
        _ deliver: (StreamingCheck.SeriesFindings) -> Void
    ) {
        let sources = SourceManager()
        var reports: [ReportSeries.Entry] = []
        var firstFile: [Int] = []
        for position in series {
            let path = entries[position].facts.path
            firstFile.append(sources.files.count)
            let evaluation = Evaluator.evaluate(path: path, loader: loader, sources: sources)
            reports.append(
                .init(report: evaluation.report, path: path, key: ScriptFinder.standardized(path), isChecked: entries[position].isChecked))
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

    private static func isUnreadable(_ finding: Diagnostic) -> Bool { finding.code == "E060" || finding.code == "E007" }
}

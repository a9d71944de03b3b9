import GovLanguage

/// Puts a batch of reports into series — one per body, ordered by year — and decides which pairs the
/// cross-year rules compare: each script with its `previous`, and otherwise each report with the same
/// body's report of the year before. Findings about the series itself:
///
/// - S1 (note): the years are not consecutive, so that pair is not compared.
/// - S2 (warning): one body has two reports of one year; that year is not compared.
/// - S3 (error): `previous` names a script that cannot be last year's (not an earlier year, the script
///   itself, or one without `year` or `body`).
/// - S4 (warning): `previous` names another body's script (it is still compared: a body may be renamed).
/// - S5 (note): the script `previous` names, not itself being checked, has errors of its own.
package enum ReportSeries {
    package struct Entry: Sendable {
        package let report: Report
        package let path: String
        /// `ScriptFinder.standardized(path)`: how a `previous` finds it.
        package let key: String
        /// False for a script read only because a checked script names it with `previous`.
        package let isChecked: Bool

        package init(report: Report, path: String, key: String, isChecked: Bool) {
            self.report = report
            self.path = path
            self.key = key
            self.isChecked = isChecked
        }

        var isUsable: Bool { report.header.yearRange != nil && !report.header.body.isEmpty }
        var year: Int { report.header.year }
        var body: String { report.header.body }
    }

    /// Each finding with the index of the entry it belongs to (always a checked one: this year's).
    package static func check(_ entries: [Entry]) -> [(entry: Int, finding: Diagnostic)] {
        var findings: [(entry: Int, finding: Diagnostic)] = []
        var index: [String: Int] = [:]
        for (position, entry) in entries.enumerated() where index[entry.key] == nil { index[entry.key] = position }

        var namesItsPrevious = Set<Int>()
        for (position, entry) in entries.enumerated() where entry.isChecked {
            guard let previous = entry.report.header.previous else { continue }
            namesItsPrevious.insert(position)
            guard let earlier = index[ScriptFinder.standardized(previous.path)] else { continue }
            for finding in linked(entries[earlier], to: entry, isSelf: earlier == position, at: previous) {
                findings.append((position, finding))
            }
        }

        var bodies: [String: [Int: [Int]]] = [:]
        var bodyOrder: [String] = []
        for (position, entry) in entries.enumerated() where entry.isChecked && entry.isUsable {
            if bodies[entry.body] == nil { bodyOrder.append(entry.body) }
            bodies[entry.body, default: [:]][entry.year, default: []].append(position)
        }
        for body in bodyOrder {
            guard let years = bodies[body] else { continue }
            for year in years.keys.sorted() {
                guard let positions = years[year], positions.count > 1 else { continue }
                let paths = positions.map { entries[$0].path }.joined(separator: "、")
                for position in positions {
                    findings.append((position, Diagnostic(
                        code: "S2", severity: .warning,
                        message: "「\(body)」\(year) 年有 \(positions.count) 份报告（\(paths)）：不能确定哪一份是当年的，这一年不做跨年核对",
                        range: entries[position].report.header.yearRange)))
                }
            }
            let ordered = years.keys.sorted()
            for (earlierYear, laterYear) in zip(ordered, ordered.dropFirst()) {
                guard let earlier = years[earlierYear], let later = years[laterYear], earlier.count == 1, later.count == 1,
                    !namesItsPrevious.contains(later[0])
                else { continue }
                let last = entries[earlier[0]], this = entries[later[0]]
                if laterYear - earlierYear > 1 {
                    findings.append((later[0], gap(last, this)))
                } else {
                    findings += compared(last, this).map { (later[0], $0) }
                }
            }
        }
        return findings
    }

    /// The findings about a pair a script links itself with `previous`.
    private static func linked(_ last: Entry, to this: Entry, isSelf: Bool, at previous: PreviousScript) -> [Diagnostic] {
        func unusable(_ why: String) -> [Diagnostic] {
            [Diagnostic(code: "S3", message: "上年报告 “\(previous.written)” \(why)，不能做跨年核对", range: previous.range)]
        }
        if isSelf { return unusable("就是本文件") }
        guard this.isUsable else { return [] }
        guard last.report.header.yearRange != nil else { return unusable("没有写年度") }
        guard !last.body.isEmpty else { return unusable("没有写机关") }
        guard last.year < this.year else { return unusable("是 \(last.year) 年的，不早于本报告的 \(this.year) 年") }
        var findings: [Diagnostic] = []
        if last.body != this.body {
            findings.append(Diagnostic(
                code: "S4", severity: .warning,
                message: "上年报告是「\(last.body)」的，本报告的机关是「\(this.body)」；若机关更名，可忽略这条提示",
                range: previous.range))
        }
        if !last.isChecked, last.report.errorCount > 0 {
            findings.append(Diagnostic(
                code: "S5", severity: .note,
                message: "上年报告 \(last.path) 本身有 \(last.report.errorCount) 个错误（用 gov check \(last.path) 查看），跨年核对的结果可能因此不准",
                range: previous.range))
        }
        if this.year - last.year > 1 { return findings + [gap(last, this)] }
        return findings + compared(last, this)
    }

    private static func compared(_ last: Entry, _ this: Entry) -> [Diagnostic] {
        CrossYearChecker.check(last: .init(report: last.report, path: last.path), this: .init(report: this.report, path: this.path))
            + QualityChecker.copiedParagraphs(last: last.report, this: this.report, lastPath: last.path)
    }

    private static func gap(_ last: Entry, _ this: Entry) -> Diagnostic {
        let missing = this.year - last.year == 2 ? "\(last.year + 1) 年" : "\(last.year + 1)–\(this.year - 1) 年"
        return Diagnostic(
            code: "S1", severity: .note,
            message: "年度不连续：「\(this.body)」的上一份报告是 \(last.year) 年的（\(last.path)），缺少 \(missing)的报告，这两年之间不做跨年核对",
            range: this.report.header.previous?.range ?? this.report.header.yearRange,
            notes: [.init("上一份报告在这里", at: last.report.header.yearRange)])
    }
}

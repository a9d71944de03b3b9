/// Decides from `SeriesFacts` alone whether `ReportSeries.check` could find anything in a set of scripts.
///
/// It mirrors `ReportSeries` and `CrossYearChecker` but only answers yes or no, and it errs towards yes:
/// a yes costs reading the series' scripts again (and `ReportSeries` then decides, with every line); a
/// wrong no would lose a finding, so every condition under which `ReportSeries` reports is a yes here.
/// `StreamingCheckTests` holds the two to the same answers.
enum SeriesScreen {
    struct Entry {
        let facts: SeriesFacts
        let isChecked: Bool
    }

    static func mayFind(_ entries: [Entry]) -> Bool {
        // Where each key first appears: a series is a few scripts, searched in a line; a long one gets a map.
        var index: [PathKey: Int] = [:]
        if entries.count > 16 {
            for (position, entry) in entries.enumerated() where index[entry.facts.key] == nil { index[entry.facts.key] = position }
        }
        func firstPosition(of key: PathKey) -> Int? {
            entries.count > 16 ? index[key] : entries.firstIndex { $0.facts.key == key }
        }

        var namesItsPrevious = [Bool](repeating: false, count: entries.count)
        for (position, entry) in entries.enumerated() where entry.isChecked {
            guard let previous = entry.facts.previous else { continue }
            namesItsPrevious[position] = true
            guard let earlier = firstPosition(of: previous) else { continue }
            if linkedMayFind(entries[earlier], entry.facts, isSelf: earlier == position) { return true }
        }

        // The checked scripts of each body. A series nearly always has one body: that is asked first, with
        // `==`, for hashing a Chinese name for a dictionary cost 2,300 instructions a look (callgrind); the
        // screen runs alone at the end of a batch, once per body.
        let usable = entries.indices.filter { entries[$0].isChecked && entries[$0].facts.isUsable }
        var bodies: [[Int]]
        if let first = usable.first, usable.allSatisfy({ entries[$0].facts.body == entries[first].facts.body }) {
            bodies = [usable]
        } else {
            var byName: [String: [Int]] = [:]
            for position in usable { byName[entries[position].facts.body, default: []].append(position) }
            bodies = Array(byName.values)
        }
        for positions in bodies {
            // In order of year: two of one year, a gap, or a consecutive pair that differs is a yes.
            let byYear = positions.sorted { entries[$0].facts.year < entries[$1].facts.year }
            for next in byYear.indices.dropFirst() {
                let earlier = byYear[next - 1], later = byYear[next]
                let earlierYear = entries[earlier].facts.year, laterYear = entries[later].facts.year
                if earlierYear == laterYear { return true }
                if namesItsPrevious[later] { continue }
                if laterYear - earlierYear > 1 { return true }
                if comparedMayFind(entries[earlier].facts, entries[later].facts) { return true }
            }
        }
        return false
    }

    private static func linkedMayFind(_ last: Entry, _ this: SeriesFacts, isSelf: Bool) -> Bool {
        if isSelf { return true }
        guard this.isUsable else { return false }
        let earlier = last.facts
        guard earlier.hasYear, !earlier.body.isEmpty, earlier.year < this.year else { return true }
        if earlier.body != this.body { return true }
        if !last.isChecked, earlier.errorCount > 0 { return true }
        if this.year - earlier.year > 1 { return true }
        return comparedMayFind(earlier, this)
    }

    /// Whether `CrossYearChecker.check` finds anything for the pair.
    static func comparedMayFind(_ last: SeriesFacts, _ this: SeriesFacts) -> Bool {
        for equation in Compiled.equations(last.edition, this.edition) {
            if this.isDerived(at: equation.target) { continue }
            var sum = 0
            for term in equation.terms {
                let value = term.isLast ? last.count(at: term.position) : this.count(at: term.position)
                let (product, o1) = value.multipliedReportingOverflow(by: term.sign)
                let (next, o2) = sum.addingReportingOverflow(product)
                if o1 || o2 { return true }
                sum = next
            }
            if sum != this.count(at: equation.target) { return true }
        }
        return false
    }

    /// The cross-year table for each pair of formats, with every cell replaced by its position among the
    /// facts' cells: built once, so screening a pair allocates nothing.
    private struct Compiled {
        struct Term {
            let sign: Int
            let isLast: Bool
            let position: Int
        }

        let target: Int
        let terms: [Term]

        static func equations(_ last: FormatEdition, _ this: FormatEdition) -> [Compiled] {
            table[last.rawValue * 10_000 + this.rawValue] ?? []
        }

        private static let table: [Int: [Compiled]] = {
            var table: [Int: [Compiled]] = [:]
            for last in FormatEdition.allCases {
                for this in FormatEdition.allCases {
                    var compiled: [Compiled] = []
                    for rule in CrossYearTable.rules {
                        for equation in rule.equations(last, this) {
                            guard let target = SeriesFacts.position(equation.target, this) else { continue }
                            var terms: [Term] = []
                            for term in equation.terms {
                                let isLast = term.year == .last
                                guard let position = SeriesFacts.position(term.cell, isLast ? last : this) else { continue }
                                terms.append(Term(sign: term.sign, isLast: isLast, position: position))
                            }
                            compiled.append(Compiled(target: target, terms: terms))
                        }
                    }
                    table[last.rawValue * 10_000 + this.rawValue] = compiled
                }
            }
            return table
        }()
    }
}

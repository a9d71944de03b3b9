/// "Did you mean …?" — the closest known spelling by edit distance, when it is close enough to help.
package enum Suggestion {
    /// Of equally close candidates the first is chosen, so give them in a fixed order (declared, or sorted):
    /// a dictionary's keys change order from process to process, and so would the hint.
    package static func closest(to word: String, among candidates: [String]) -> String? {
        if let chinese = containing(word, among: candidates) { return chinese }
        let target = Array(word.unicodeScalars)
        // No candidate may be further than this (the allowance grows with the shorter word), so the
        // measuring of one can stop there, or at the best distance so far: only a closer one matters.
        let farthest = max(1, target.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            // The distance is at least the difference in length: a candidate that differs by more than
            // the allowed distance cannot qualify, and skipping it keeps a 10,000-letter typo cheap.
            // A scalar is 1 to 4 bytes of UTF-8, whose count is at hand: most candidates are ruled out by
            // it before their scalars are counted.
            let bytes = candidate.utf8.count
            guard bytes >= target.count - farthest, (bytes + 3) / 4 <= target.count + farthest else { continue }
            let length = candidate.unicodeScalars.count
            guard abs(length - target.count) <= max(1, min(target.count, length) / 3) else { continue }
            let limit = min(farthest, (best?.1 ?? Int.max) - 1)
            guard limit >= 0, let distance = editDistance(target, Array(candidate.unicodeScalars), atMost: limit) else { continue }
            best = (candidate, distance)
        }
        guard let (candidate, distance) = best else { return nil }
        let allowed = max(1, min(target.count, candidate.unicodeScalars.count) / 3)
        return distance <= allowed ? candidate : nil
    }

    /// Chinese names are short and their letters carry meaning: `结转` is not within edit distance of
    /// `上年结转`, but one contains the other. For a word of two or more CJK characters, the shortest
    /// non-ASCII candidate containing it (or contained in it) is the suggestion.
    static func containing(_ word: String, among candidates: [String]) -> String? {
        guard word.unicodeScalars.count >= 2, word.unicodeScalars.allSatisfy({ $0.value >= 0x2E80 }) else { return nil }
        return candidates
            .filter { candidate in
                candidate != word && candidate.unicodeScalars.count >= 2 && candidate.unicodeScalars.allSatisfy { $0.value >= 0x2E80 }
                    && (candidate.contains(word) || word.contains(candidate))
            }
            .min { ($0.unicodeScalars.count, $0) < ($1.unicodeScalars.count, $1) }
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours
    /// (`nwe` is one step from `new`).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        editDistance(a, b, atMost: Int.max) ?? Int.max
    }

    /// The distance if it is at most `limit`, else nil. Only the band of the table within `limit` of its
    /// diagonal can lead to such a distance, so only that band is filled (what lies outside counts as
    /// "too far"), and two rows wholly past the limit end the work. Every unknown word of a script is
    /// measured against every known name; most are far from all of them.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost limit: Int) -> Int? {
        guard limit >= 0, abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let limit = min(limit, max(a.count, b.count))
        let tooFar = limit + 1
        var older = [Int](repeating: tooFar, count: b.count + 1)
        var previous = (0...b.count).map { min($0, tooFar) }
        var current = [Int](repeating: tooFar, count: b.count + 1)
        var previousMinimum = 0
        for i in 1...a.count {
            let low = max(1, i - limit), high = min(b.count, i + limit)
            current[0] = min(i, tooFar)
            current[low - 1] = low == 1 ? current[0] : tooFar
            var rowMinimum = current[low - 1]
            for j in low...high {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var distance = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { distance = min(distance, older[j - 2] + 1) }
                current[j] = min(distance, tooFar)
                rowMinimum = min(rowMinimum, current[j])
            }
            // The next row reads one column further right, outside this row's band.
            if high < b.count { current[high + 1] = tooFar }
            if rowMinimum > limit, previousMinimum > limit { return nil }
            previousMinimum = rowMinimum
            (older, previous, current) = (previous, current, older)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    /// The closest spelling, measured once, as both the message tail and the editor's repair (measuring is
    /// most of the cost of a finding about an unknown name, and a script full of them is ordinary input).
    package struct Suggested: Sendable {
        package let hint: String
        package let fixIts: [FixIt]
    }

    package static func suggest(_ word: String, among candidates: [String], at range: SourceRange?) -> Suggested {
        guard let match = closest(to: word, among: candidates) else { return Suggested(hint: "", fixIts: []) }
        return Suggested(hint: hint(match), fixIts: range.map { [fixIt(match, at: $0)] } ?? [])
    }

    static func hint(_ match: String) -> String { "（是不是想写 “\(match)”？）" }
    static func fixIt(_ match: String, at range: SourceRange) -> FixIt { FixIt(title: "改为 “\(match)”", range: range, replacement: match) }

    /// The message tail: "（是不是想写 “channel”？）" or nothing.
    package static func hint(for word: String, among candidates: [String]) -> String {
        closest(to: word, among: candidates).map(hint) ?? ""
    }

    /// The same suggestion as a repair of the word at `range`, for editors (empty when there is none).
    package static func fixIts(for word: String, among candidates: [String], at range: SourceRange?) -> [FixIt] {
        guard let range, let match = closest(to: word, among: candidates) else { return [] }
        return [fixIt(match, at: range)]
    }
}

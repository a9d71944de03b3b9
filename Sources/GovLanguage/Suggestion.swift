/// "Did you mean …?" — the closest known spelling by edit distance, when it is close enough to help.
package enum Suggestion {
    package static func closest(to word: String, among candidates: [String]) -> String? {
        if let chinese = containing(word, among: candidates) { return chinese }
        let target = Array(word.unicodeScalars)
        var best: (String, Int)?
        for candidate in candidates {
            // The distance is at least the difference in length: a candidate that differs by more than
            // the allowed distance cannot qualify, and skipping it keeps a 10,000-letter typo cheap.
            let length = candidate.unicodeScalars.count
            guard abs(length - target.count) <= max(1, min(target.count, length) / 3) else { continue }
            let distance = editDistance(target, Array(candidate.unicodeScalars))
            if distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
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
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var older = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], older[j - 2] + 1) }
            }
            (older, previous, current) = (previous, current, older)
        }
        return previous[b.count]
    }

    /// The message tail: "（是不是想写 “channel”？）" or nothing.
    package static func hint(for word: String, among candidates: [String]) -> String {
        guard let match = closest(to: word, among: candidates) else { return "" }
        return "（是不是想写 “\(match)”？）"
    }

    /// The same suggestion as a repair of the word at `range`, for editors (empty when there is none).
    package static func fixIts(for word: String, among candidates: [String], at range: SourceRange?) -> [FixIt] {
        guard let range, let match = closest(to: word, among: candidates) else { return [] }
        return [FixIt(title: "改为 “\(match)”", range: range, replacement: match)]
    }
}

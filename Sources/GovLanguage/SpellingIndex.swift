/// Finds a word among a fixed set of spellings by its UTF-8 bytes and returns the number it was filed
/// under (an enum's raw value), without hashing the string.
///
/// Keywords and row names are looked up for every statement and every `{…}` in every paragraph; bucketing
/// by (length, first byte) over one flat byte array, and comparing bytes, is several times cheaper than a
/// `[String: T]` lookup and allocates nothing.
package struct SpellingIndex: Sendable {
    private struct Entry: Sendable {
        let start: Int
        let count: Int
        let value: Int
    }

    private let bytes: [UInt8]
    /// Entries grouped by bucket; `bucketStarts[b]..<bucketStarts[b + 1]` are bucket b's.
    private let entries: [Entry]
    private let bucketStarts: [Int]

    /// Few buckets, so that building an index is cheap: each term type builds one at its first use, and
    /// 8,192 buckets (one array each) made that 1.1 million instructions a table — 9 million of the 25
    /// million that `gov check` of one report took (callgrind). A table has at most a few hundred
    /// spellings, so a bucket holds one or two.
    private static let bucketCount = 256

    package init(_ spellings: [(String, Int)]) {
        var flat: [UInt8] = []
        var placed: [(bucket: Int, entry: Entry)] = []
        placed.reserveCapacity(spellings.count)
        for (spelling, value) in spellings {
            let utf8 = Array(spelling.utf8)
            guard let first = utf8.first else { continue }
            placed.append((SpellingIndex.bucket(count: utf8.count, first: first), Entry(start: flat.count, count: utf8.count, value: value)))
            flat += utf8
        }
        // A counting sort by bucket that keeps the given order within a bucket (the first spelling wins).
        var starts = Array(repeating: 0, count: SpellingIndex.bucketCount + 1)
        for item in placed { starts[item.bucket + 1] += 1 }
        for bucket in 0..<SpellingIndex.bucketCount { starts[bucket + 1] += starts[bucket] }
        var next = starts
        var all = Array(repeating: Entry(start: 0, count: 0, value: 0), count: placed.count)
        for item in placed {
            all[next[item.bucket]] = item.entry
            next[item.bucket] += 1
        }
        bytes = flat
        entries = all
        bucketStarts = starts
    }

    private static func bucket(count: Int, first: UInt8) -> Int { (count &* 31 &+ Int(first)) & (bucketCount - 1) }

    package func lookup(_ word: String) -> Int? {
        var word = word
        return word.withUTF8 { lookup($0) }
    }

    package func lookup(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = word.first else { return nil }
        let bucket = SpellingIndex.bucket(count: word.count, first: first)
        // Plain indexed comparison, no raw pointers: memcmp on the arrays' base addresses saved 0.44 M of
        // 107 M instructions (0.4 %) evaluating 100 generated scripts (callgrind, GovBench --only-evaluate),
        // which does not pay for unsafe code.
        for entry in entries[bucketStarts[bucket]..<bucketStarts[bucket + 1]] where entry.count == word.count {
            var equal = true
            for offset in 0..<entry.count where bytes[entry.start + offset] != word[offset] {
                equal = false
                break
            }
            if equal { return entry.value }
        }
        return nil
    }
}

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
        // The string's own bytes where it has them (a native string always does): `var copy = word;
        // copy.withUTF8` retained and released the string for every lookup.
        if let found = word.utf8.withContiguousStorageIfAvailable({ lookup($0) }) { return found }
        var word = word
        return word.withUTF8 { lookup($0) }
    }

    package func lookup(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = word.first, let wordBase = word.baseAddress else { return nil }
        let bucket = SpellingIndex.bucket(count: word.count, first: first)
        // Through the arrays' storage, not a slice of `entries` (which retained and released it).
        return bytes.withUnsafeBufferPointer { stored -> Int? in
            entries.withUnsafeBufferPointer { entries -> Int? in
                guard let storedBase = stored.baseAddress, let entryBase = entries.baseAddress else { return nil }
                var index = bucketStarts[bucket]
                let end = bucketStarts[bucket + 1]
                while index < end {
                    let entry = entryBase[index]
                    // Every entry lies inside `bytes`: the initializer placed it there.
                    if entry.count == word.count,
                        SpellingIndex.equal(UnsafeRawPointer(storedBase + entry.start), UnsafeRawPointer(wordBase), count: word.count)
                    {
                        return entry.value
                    }
                    index += 1
                }
                return nil
            }
        }
    }

    /// Whether `count` bytes at `a` and at `b` are equal, eight at a time. Most lookups find their word, so
    /// the whole of it is compared: byte by byte, a four-character Chinese name took 160 instructions a
    /// lookup, most of them in this loop (callgrind).
    private static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int) -> Bool {
        var offset = 0
        while offset + 8 <= count {
            guard a.loadUnaligned(fromByteOffset: offset, as: UInt64.self) == b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) else {
                return false
            }
            offset += 8
        }
        while offset < count {
            guard a.load(fromByteOffset: offset, as: UInt8.self) == b.load(fromByteOffset: offset, as: UInt8.self) else { return false }
            offset += 1
        }
        return true
    }
}

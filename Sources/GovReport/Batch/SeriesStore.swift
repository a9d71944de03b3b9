/// The `SeriesFacts` of every script of a batch, kept out of memory: each is appended, encoded in about
/// 150 bytes, to a `SpillFile` (an unlinked temporary file), and memory holds only where each record
/// starts, each body's records and each script's key — about 40 bytes a script, so that checking 120,000
/// files needs hardly more memory than checking 12,000.
final class SeriesStore {
    private let spill = SpillFile(prefix: "gov-series")

    init() {}

    var count: Int { spill.count }

    /// Stores a script's facts; they come back as `self[index]`, index counting from 0.
    func append(_ facts: SeriesFacts) {
        var bytes: [UInt8] = []
        facts.encode(into: &bytes)
        spill.append(bytes)
    }

    subscript(index: Int) -> SeriesFacts? {
        guard let bytes = spill[index] else { return nil }
        var offset = 0
        return SeriesFacts.decode(bytes, at: &offset)
    }
}

extension SeriesFacts {
    /// path, key, body, year, edition, flags, previous, error count, values, derived: variable-length
    /// integers, so a small count is one byte.
    func encode(into bytes: inout [UInt8]) {
        // Room for it all at once: a varint is at most ten bytes, most of these one or two.
        bytes.reserveCapacity(bytes.count + path.utf8.count + body.utf8.count + 2 * 16 + 10 * (values.count + 8))
        Varint.append(path, to: &bytes)
        Varint.append(key, to: &bytes)
        Varint.append(body, to: &bytes)
        Varint.append(year, to: &bytes)
        Varint.append(edition.rawValue, to: &bytes)
        bytes.append((hasYear ? 1 : 0) | (previous != nil ? 2 : 0))
        if let previous { Varint.append(previous, to: &bytes) }
        Varint.append(errorCount, to: &bytes)
        Varint.append(values.count, to: &bytes)
        for value in values { Varint.append(value, to: &bytes) }
        Varint.append(Int(derived), to: &bytes)
    }

    static func decode(_ bytes: [UInt8], at offset: inout Int) -> SeriesFacts? {
        var reader = Varint.Reader(bytes: bytes, offset: offset)
        guard let path = reader.string(), let key = reader.key(), let body = reader.string(), let year = reader.int(),
            let editionValue = reader.int(), let edition = FormatEdition(rawValue: editionValue), let flags = reader.byte()
        else { return nil }
        let previous = flags & 2 != 0 ? reader.key() : nil
        guard flags & 2 == 0 || previous != nil, let errorCount = reader.int(), let valueCount = reader.int(),
            valueCount >= 0, valueCount <= 64
        else { return nil }
        var values: [Int] = []
        values.reserveCapacity(valueCount)
        for _ in 0..<valueCount {
            guard let value = reader.int() else { return nil }
            values.append(value)
        }
        guard let derived = reader.int(), let derivedBits = UInt32(exactly: derived) else { return nil }
        offset = reader.offset
        return SeriesFacts(
            path: path, key: key, body: body, year: year, hasYear: flags & 1 != 0, edition: edition, previous: previous,
            errorCount: errorCount, values: values, derived: derivedBits)
    }
}

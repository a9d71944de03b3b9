/// What a script's check hands over (`StreamingCheck.Checked`) as bytes, so that a worker process can send
/// it back (`ProcessWorkers`): the found path, counts, series facts, includes, then the caller's rendering.
package protocol WorkerPayload: Sendable {
    func encode(into bytes: inout [UInt8])
    init?(decoding reader: inout Varint.Reader)
}

/// A script's findings already formatted (`gov check`'s text output).
extension String: WorkerPayload {
    package func encode(into bytes: inout [UInt8]) { Varint.append(self, to: &bytes) }

    package init?(decoding reader: inout Varint.Reader) {
        guard let string = reader.string() else { return nil }
        self = string
    }
}

extension StreamingCheck.Checked {
    /// Nothing is written for a rendering that is not a `WorkerPayload`: it cannot be decoded, and the
    /// script is checked again by the process that reads it.
    func encode(into bytes: inout [UInt8]) {
        guard let payload = rendered as? WorkerPayload else { return }
        Varint.append(found.path, to: &bytes)
        bytes.append(found.fromDirectory ? 1 : 0)
        for count in [counts.errors, counts.warnings, counts.notes, counts.unreadable ? 1 : 0] {
            Varint.append(count, to: &bytes)
        }
        facts.encode(into: &bytes)
        Varint.append(includes.count, to: &bytes)
        for key in includes { Varint.append(key, to: &bytes) }
        payload.encode(into: &bytes)
    }

    /// What `encode` wrote, or nil for anything else.
    static func decode(_ bytes: [UInt8]) -> Self? {
        guard let payloadType = Rendered.self as? WorkerPayload.Type else { return nil }
        var reader = Varint.Reader(bytes: bytes, offset: 0)
        guard let path = reader.string(), let fromDirectory = reader.byte(), fromDirectory <= 1,
            let errors = reader.int(), let warnings = reader.int(), let notes = reader.int(), let unreadable = reader.int()
        else { return nil }
        var offset = reader.offset
        guard let facts = SeriesFacts.decode(bytes, at: &offset) else { return nil }
        reader.offset = offset
        guard let includeCount = reader.int(), includeCount >= 0, includeCount <= (bytes.count - reader.offset) / 16 else { return nil }
        var includes: [PathKey] = []
        includes.reserveCapacity(includeCount)
        for _ in 0..<includeCount {
            guard let key = reader.key() else { return nil }
            includes.append(key)
        }
        guard let rendered = payloadType.init(decoding: &reader) as? Rendered, reader.offset == bytes.count else { return nil }
        var counts = StreamingCheck.Counts()
        counts.errors = errors
        counts.warnings = warnings
        counts.notes = notes
        counts.unreadable = unreadable != 0
        return Self(
            found: ScriptFinder.Found(path: path, fromDirectory: fromDirectory == 1), rendered: rendered, counts: counts,
            facts: facts, includes: includes)
    }
}

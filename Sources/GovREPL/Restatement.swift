import Gov

/// Stating a value again in the REPL replaces it. In a script a cell (or header statement) written twice
/// with different values is an error (E030), and the REPL refuses errors; but a clerk who typed
/// `application new 12` and now types `application new 14`, or who fills in a `gov new` scaffold where
/// every cell is written `0`, means *this is the value now*. So the first statement's value is rewritten
/// in place in the session — one change, undone by one `:undo` — and `:save` writes the value once.
struct Restatement {
    /// The session's entries with each first statement rewritten (the new entry not yet appended).
    let entries: [String]
    /// "「上年结转」原为 0", one per rewritten value.
    let lines: [String]

    /// A restatement plan when every refusal is a value written again whose first statement is in the
    /// session's own earlier entries (not in an included file); nil otherwise.
    init?(refusals: [Diagnostic], in evaluation: Evaluation, entries: [String], entryStart: Int) {
        guard !refusals.isEmpty, evaluation.sources.files.count > 0 else { return nil }
        let session = evaluation.sources.file(FileID(0))
        var starts: [Int] = []
        var offset = 0
        for entry in entries {
            starts.append(offset)
            offset += entry.utf8.count + 1
        }
        var edits: [(entry: Int, start: Int, end: Int, text: String)] = []
        var lines: [String] = []
        for refusal in refusals {
            guard refusal.code == "E030", let new = refusal.range, new.file.index == 0, new.start >= entryStart,
                let first = refusal.notes.first?.range, first.file.index == 0, first.end <= entryStart,
                let index = starts.lastIndex(where: { $0 <= first.start }), first.end <= starts[index] + entries[index].utf8.count
            else { return nil }
            let old = session.text(first.start..<first.end)
            edits.append((index, first.start - starts[index], first.end - starts[index], session.text(new.start..<new.end)))
            lines.append("改写了前面写过的\(Restatement.label(in: refusal.message) ?? "“\(old)”")（原为 \(old)；:undo 可以撤销）")
        }
        var rewritten = entries.map { Array($0.utf8) }
        for edit in edits.sorted(by: { ($0.entry, $0.start) > ($1.entry, $1.start) }) {
            rewritten[edit.entry].replaceSubrange(edit.start..<edit.end, with: Array(edit.text.utf8))
        }
        self.entries = rewritten.map { String(decoding: $0, as: UTF8.self) }
        self.lines = lines
    }

    /// The cell's label from an E030 message (「上年结转」), when it names one.
    private static func label(in message: String) -> String? {
        guard let open = message.firstIndex(of: "「"), let close = message[open...].firstIndex(of: "」") else { return nil }
        return String(message[open...close])
    }
}

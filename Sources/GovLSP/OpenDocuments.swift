import GovIDE

/// The documents the editor has open: their text as UTF-8 bytes (what gov's offsets count), version and
/// line index; and the last check of each, kept while nothing it read has changed.
struct OpenDocuments {
    struct Document {
        let uri: String
        let path: String
        var version: Int
        var index: LineIndex
    }

    private(set) var documents: [String: Document] = [:]
    private(set) var snapshot = Snapshot()
    /// Bumped by every edit: a check made under an older generation is stale.
    private(set) var generation = 0
    private var checked: [String: (generation: Int, document: CheckedDocument)] = [:]

    subscript(uri: String) -> Document? { documents[uri] }

    mutating func open(uri: String, text: String, version: Int) {
        let path = DocumentURI.path(of: uri)
        let bytes = Array(text.utf8)
        documents[uri] = Document(uri: uri, path: path, version: version, index: LineIndex(bytes))
        snapshot[path: path] = bytes
        generation += 1
    }

    /// Applies `contentChanges` in order: each replaces a range (UTF-16 positions in the text as it is after
    /// the changes before it), or the whole text when it has no range.
    mutating func change(uri: String, version: Int, changes: [(range: (LineIndex.Position, LineIndex.Position)?, text: String)]) -> Bool {
        guard var document = documents[uri] else { return false }
        var bytes = document.index.bytes
        for change in changes {
            if let (from, to) = change.range {
                let index = LineIndex(bytes)
                let lower = index.offset(of: from)
                let upper = max(lower, index.offset(of: to))
                bytes.replaceSubrange(lower..<upper, with: Array(change.text.utf8))
            } else {
                bytes = Array(change.text.utf8)
            }
        }
        document.index = LineIndex(bytes)
        document.version = version
        documents[uri] = document
        snapshot[path: document.path] = bytes
        generation += 1
        return true
    }

    mutating func close(uri: String) {
        guard let document = documents.removeValue(forKey: uri) else { return }
        snapshot[path: document.path] = nil
        checked[uri] = nil
        generation += 1
    }

    /// Something outside the open texts changed (a file on disk): no earlier check can be reused.
    mutating func invalidate() {
        generation += 1
    }

    /// The document checked against the current snapshot (reusing the last check when nothing changed).
    mutating func check(uri: String) -> CheckedDocument? {
        guard let document = documents[uri] else { return nil }
        if let last = checked[uri], last.generation == generation { return last.document }
        let result = DocumentCheck.run(path: document.path, snapshot: snapshot)
        checked[uri] = (generation, result)
        return result
    }

    /// The open documents whose last check read `path` (the path itself included).
    func readers(of path: String) -> [String] {
        let key = Snapshot.key(path)
        return documents.keys.filter { uri in
            documents[uri].map { Snapshot.key($0.path) == key } == true || checked[uri]?.document.filesRead.contains(key) == true
        }
    }
}

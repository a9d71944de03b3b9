import GovLanguage
import GovReport

/// One open document checked the way `gov check FILE` checks it — the same `BatchCheck`, so the same
/// findings, cross-year ones included when the script names `previous` — with every finding placed in the
/// document.
package struct CheckedDocument: Sendable {
    package let path: String
    package let text: [UInt8]
    package let batch: BatchCheck
    package let findings: [Finding]
    /// Every file the check read (standardized), so a change to one of them can re-check this document.
    package let filesRead: Set<String>

    /// The document's own evaluation (its report, with included files).
    package var evaluation: Evaluation? { batch.scripts.first?.evaluation }

    /// The document as the checker read it.
    package var source: SourceFile? { batch.sources.files.first { $0.path == path } }
}

package enum DocumentCheck {
    package static func run(path: String, snapshot: Snapshot) -> CheckedDocument {
        let text = snapshot[path: path] ?? []
        let batch = BatchCheck.run(ScriptFinder.scripts(in: [path]), loader: snapshot.loader)
        let sources = batch.sources
        let main = sources.files.firstIndex { $0.path == path }.map(FileID.init)
        let diagnostics = batch.scripts.first?.findings ?? []
        // Parsed only when a finding is about another file (most checks find none).
        let anchors = diagnostics.contains { $0.range.map { $0.file != main } ?? false }
            ? FileAnchors(text: text, path: path) : FileAnchors()
        let findings = diagnostics.map { place($0, main: main, sources: sources, anchors: anchors) }
        let read = Set(sources.files.map { Snapshot.key($0.path) })
        return CheckedDocument(path: path, text: text, batch: batch, findings: findings, filesRead: read)
    }

    static func place(_ diagnostic: Diagnostic, main: FileID?, sources: SourceManager, anchors: FileAnchors) -> Finding {
        var related: [Finding.Related] = []
        var range = 0..<0
        if let where_ = diagnostic.range {
            if where_.file == main {
                range = where_.start..<where_.end
            } else {
                let elsewhere = Place(where_, in: sources)
                range = anchors.anchor(for: elsewhere.path)
                related.append(Finding.Related(place: elsewhere, message: diagnostic.message))
            }
        }
        for note in diagnostic.notes {
            guard let noteRange = note.range else { continue }
            related.append(Finding.Related(place: Place(noteRange, in: sources), message: note.message))
        }
        // The cells that went into a total: each where it was stated.
        for cell in diagnostic.arithmetic?.cells ?? [] {
            guard let cellRange = cell.range else { continue }
            related.append(Finding.Related(place: Place(cellRange, in: sources), message: "「\(cell.label)」\(cell.value)"))
        }
        let fixes = diagnostic.fixIts.compactMap { fix -> Finding.Fix? in
            guard fix.range.file == main else { return nil }
            return Finding.Fix(title: fix.title, edits: [Edit(range: fix.range.start..<fix.range.end, newText: fix.replacement)])
        }
        return Finding(
            code: diagnostic.code.rawValue, severity: diagnostic.severity, message: diagnostic.message, range: range,
            related: related, fixes: fixes)
    }
}

/// Where in a document a finding about another file is shown: on the `include` or `previous` statement
/// that names the file, else on the first `include` (a file included from an included one), else at the top.
struct FileAnchors {
    private var named: [(key: String, range: Range<Int>)] = []

    init() {}

    init(text: [UInt8], path: String) {
        let script = Parser.parse(SourceFile(path: path, bytes: text), file: FileID(0)).script
        for statement in script.statements {
            switch statement.kind {
            case .include(let literal), .previous(let literal):
                guard let written = literal.plainText else { continue }
                named.append((Snapshot.key(Snapshot.resolve(written, from: path)), literal.range.start..<literal.range.end))
            default:
                continue
            }
        }
    }

    func anchor(for path: String) -> Range<Int> {
        let key = Snapshot.key(path)
        return named.first { $0.key == key }?.range ?? named.first?.range ?? 0..<0
    }
}

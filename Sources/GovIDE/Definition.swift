import GovLanguage
import GovReport

/// Go to definition: a `let` name to the `let` that defines it (in the document or a file it includes);
/// a path to a table cell (`{application.new}`) to the value that stated it; the file of an `include` or
/// `previous` to that file.
package enum Definition {
    package static func target(at offset: Int, in document: CheckedDocument) -> Place? {
        let script = Parser.parse(SourceFile(path: document.path, bytes: document.text), file: FileID(0)).script
        guard let statement = SyntaxWalk.statement(at: offset, in: script) else { return nil }
        switch statement.kind {
        case .include(let literal), .previous(let literal):
            guard literal.range.touches(offset), let written = literal.plainText else { return nil }
            return Place(path: Snapshot.resolve(written, from: document.path), range: 0..<0)
        case .binding(let name, _) where name.range.touches(offset):
            return Place(path: document.path, range: name.range.start..<name.range.end)
        default:
            break
        }
        guard let names = SyntaxWalk.references(in: statement).first(where: { names in
            names[0].range.union(names[names.count - 1].range).touches(offset)
        }) else { return nil }
        if names.count == 1, let place = binding(named: names[0].text, in: document) { return place }
        // A path to a table cell: where its value was stated (a derived or blank cell has no such place).
        guard let cell = CellFacts.cell(named: names), let evaluation = document.evaluation,
            let stated = evaluation.report.cells[cell]?.statedRange
        else { return nil }
        return Place(stated, in: evaluation.sources)
    }

    /// Where a `let` name is defined: the first definition in the document, else in the files it read.
    static func binding(named name: String, in document: CheckedDocument) -> Place? {
        for file in document.batch.sources.files {
            let script = Parser.parse(file, file: FileID(0)).script
            for statement in script.statements {
                if case .binding(let bound, _) = statement.kind, bound.text == name {
                    return Place(path: file.path, range: bound.range.start..<bound.range.end)
                }
            }
        }
        return nil
    }
}

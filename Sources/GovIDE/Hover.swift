import GovLanguage
import GovReport

/// Hover: a keyword's help in both languages; a cell's official label, value (stated, derived or blank)
/// and rules; a `let` name's value.
package enum Hover {
    package struct Info: Sendable, Equatable {
        /// Markdown.
        package var text: String
        /// The word hovered, in bytes of the document.
        package var range: Range<Int>
    }

    package static func info(at offset: Int, in document: CheckedDocument) -> Info? {
        let script = Parser.parse(SourceFile(path: document.path, bytes: document.text), file: FileID(0)).script
        guard let statement = SyntaxWalk.statement(at: offset, in: script) else { return nil }
        if statement.keywordRange.touches(offset) {
            return Info(text: KeywordHelp.markdown(statement.keyword), range: bytes(statement.keywordRange))
        }
        guard let evaluation = document.evaluation else { return nil }
        let report = evaluation.report
        switch statement.kind {
        case .cells(let cells):
            if let selector = cells.selectors.first(where: { $0.range.touches(offset) }) {
                return CellFacts.selector(selector, of: statement.keyword).map { Info(text: $0, range: bytes(selector.range)) }
            }
            if let entry = cells.entries.first(where: { $0.name.range.touches(offset) || $0.value.range.touches(offset) }) {
                // The cell the checker placed from this entry: the one stated at the entry's value.
                let valueRange = entry.value.range
                guard
                    let (cell, _) = report.cells.filled.first(where: { item in
                        guard let stated = item.cell.statedRange else { return false }
                        return stated.start == valueRange.start && stated.end == valueRange.end
                            && evaluation.sources.file(stated.file).path == document.path
                    })
                else { return nil }
                let facts = CellFacts(cell: cell, report: report, sources: evaluation.sources)
                return Info(text: facts.markdown, range: bytes(entry.name.range.union(entry.value.range)))
            }
        case .section(let name, _) where name.range.touches(offset):
            return Info(text: NameFacts.section(name), range: bytes(name.range))
        case .channel(let name, _) where name.range.touches(offset):
            return NameFacts.channel(name.text, in: report).map { Info(text: $0, range: bytes(name.range)) }
        case .category(let name, _) where name.range.touches(offset):
            return NameFacts.category(name.text, at: statement.range, in: report).map { Info(text: $0, range: bytes(name.range)) }
        case .binding(let name, _) where name.range.touches(offset):
            return letInfo(name.text, range: name.range, document: document)
        default:
            break
        }
        guard let names = SyntaxWalk.references(in: statement).first(where: { names in
            names[0].range.union(names[names.count - 1].range).touches(offset)
        }) else { return nil }
        let whole = names[0].range.union(names[names.count - 1].range)
        if names.count == 1, Definition.binding(named: names[0].text, in: document) != nil {
            return letInfo(names[0].text, range: whole, document: document)
        }
        if let cell = CellFacts.cell(named: names) {
            return Info(text: CellFacts(cell: cell, report: report, sources: evaluation.sources).markdown, range: bytes(whole))
        }
        return nil
    }

    private static func letInfo(_ name: String, range: SourceRange, document: CheckedDocument) -> Info {
        let value = LetValue.value(of: name, in: document)
        let text = "**let \(name)**" + (value.map { " = **\($0)**" } ?? "（值无法求出 · no value）")
        return Info(text: text, range: bytes(range))
    }

    private static func bytes(_ range: SourceRange) -> Range<Int> { range.start..<range.end }
}

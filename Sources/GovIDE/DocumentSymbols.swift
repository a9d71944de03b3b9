import GovLanguage
import GovReport

/// An outline entry: a section with what it holds (sub-headings, local tables), a `let` name.
package struct DocumentSymbol: Sendable, Equatable {
    package enum Kind: Sendable, Equatable { case section, heading, table, binding, header }

    package var name: String
    /// The keyword as written, or the kind of official section: shown greyed after the name.
    package var detail: String
    package var kind: Kind
    /// The whole entry (a section runs to the statement before the next section).
    package var range: Range<Int>
    /// The part to highlight when the entry is picked.
    package var selection: Range<Int>
    package var children: [DocumentSymbol]
}

package enum DocumentSymbols {
    package static func outline(text: [UInt8], path: String) -> [DocumentSymbol] {
        let script = Parser.parse(SourceFile(path: path, bytes: text), file: FileID(0)).script
        var top: [DocumentSymbol] = []
        var section: DocumentSymbol?
        func close(at end: Int) {
            guard var open = section else { return }
            open.range = open.range.lowerBound..<max(open.range.lowerBound, end)
            top.append(open)
            section = nil
        }
        var previousEnd = 0
        for statement in script.statements {
            defer { previousEnd = statement.range.end }
            let whole = statement.range.start..<statement.range.end
            var entry: DocumentSymbol
            switch statement.kind {
            case .section(let name, _):
                close(at: previousEnd)
                let official = name.isQuoted ? nil : OfficialSection.named(name.text)
                let title = official.map { "\(ChineseNumeral.of($0.rawValue + 1))、\($0.title)" } ?? name.text
                section = DocumentSymbol(
                    name: title, detail: official == nil ? "本地章节" : "规定章节", kind: .section, range: whole,
                    selection: name.range.start..<name.range.end, children: [])
                continue
            case .heading(let literal):
                entry = symbol(literal, .heading, statement)
            case .table(let literal):
                entry = symbol(literal, .table, statement)
            case .binding(let name, _):
                entry = DocumentSymbol(
                    name: name.text, detail: "let", kind: .binding, range: whole, selection: name.range.start..<name.range.end,
                    children: [])
            case .body(let name):
                entry = DocumentSymbol(
                    name: name.text, detail: statement.keyword.chinese, kind: .header, range: whole,
                    selection: name.range.start..<name.range.end, children: [])
            case .year(let value):
                entry = DocumentSymbol(
                    name: excerpt(value.range, in: text), detail: statement.keyword.chinese, kind: .header, range: whole,
                    selection: value.range.start..<value.range.end, children: [])
            default:
                // Rows and columns of a local table belong to it; widen the open table's range to cover them.
                if case .row = statement.kind, extendLastTable(&section, &top, to: whole.upperBound) { continue }
                if case .columns = statement.kind, extendLastTable(&section, &top, to: whole.upperBound) { continue }
                continue
            }
            if section != nil { section?.children.append(entry) } else { top.append(entry) }
        }
        close(at: script.statements.last.map { $0.range.end } ?? 0)
        return top
    }

    private static func symbol(_ literal: StringLiteral, _ kind: DocumentSymbol.Kind, _ statement: Statement) -> DocumentSymbol {
        var name = ""
        for part in literal.parts {
            switch part {
            case .text(let text): name += text
            case .interpolation: name += "{…}"
            }
        }
        return DocumentSymbol(
            name: name.isEmpty ? statement.keyword.english : name, detail: statement.keyword.chinese, kind: kind,
            range: statement.range.start..<statement.range.end, selection: literal.range.start..<literal.range.end, children: [])
    }

    private static func extendLastTable(_ section: inout DocumentSymbol?, _ top: inout [DocumentSymbol], to end: Int) -> Bool {
        if var open = section, let last = open.children.last, last.kind == .table {
            open.children[open.children.count - 1].range = last.range.lowerBound..<max(last.range.upperBound, end)
            section = open
            return true
        }
        if section == nil, let last = top.last, last.kind == .table {
            top[top.count - 1].range = last.range.lowerBound..<max(last.range.upperBound, end)
            return true
        }
        return false
    }

    private static func excerpt(_ range: SourceRange, in bytes: [UInt8]) -> String {
        let lower = min(max(range.start, 0), bytes.count)
        return String(decoding: bytes[lower..<min(max(range.end, lower), bytes.count)], as: UTF8.self)
    }
}

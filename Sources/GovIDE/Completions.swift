import Foundation
import GovLanguage
import GovReport
import GovREPL

/// Completion in a document: the REPL's completer (keywords in both languages, the names each statement
/// takes, paths inside expressions and `{…}`, the document's channels, categories and `let` names, file
/// names inside the string after `include` / `previous`), given the text of the line before the cursor;
/// files are listed relative to the document's directory rather than the server's.
package enum Completions {
    package enum Kind: Sendable, Equatable { case keyword, name, path, file, binding }

    package struct Item: Sendable, Equatable {
        package var label: String
        package var kind: Kind
        /// What the item is: "申请 · application" for a keyword.
        package var detail: String
        /// Replaces the word being completed.
        package var insertText: String
    }

    package struct List: Sendable, Equatable {
        /// The partial word before the cursor, in bytes of the document.
        package var replacing: Range<Int>
        package var items: [Item]
    }

    package static func at(_ offset: Int, in document: CheckedDocument) -> List {
        let bytes = document.text
        let cursor = min(max(offset, 0), bytes.count)
        var lineStart = cursor
        while lineStart > 0, bytes[lineStart - 1] != 10 { lineStart -= 1 }
        let before = String(decoding: bytes[lineStart..<cursor], as: UTF8.self)
        guard !before.hasPrefix(":") else { return List(replacing: cursor..<cursor, items: []) }

        var vocabulary = SessionVocabulary()
        if let report = document.evaluation?.report {
            vocabulary = SessionVocabulary(sessionText: String(decoding: bytes, as: UTF8.self), report: report)
        }
        let completion = Completer(vocabulary: vocabulary, files: files(relativeTo: document.path)).complete(before)
        if Completer.openFileName(before) != nil {
            return list(completion, cursor: cursor, kind: { _ in .file }, detail: { _ in "文件 · file" })
        }
        let atStart = before.trimmingCharacters(in: .whitespaces) == completion.word
        let bindings = Set(vocabulary.bindings)
        return list(
            completion, cursor: cursor,
            kind: { candidate in
                if atStart, Keyword(spelling: candidate) != nil { return .keyword }
                if bindings.contains(candidate) { return .binding }
                return candidate.contains(".") ? .path : .name
            },
            detail: { candidate in
                if atStart, let keyword = Keyword(spelling: candidate) { return "\(keyword.english) · \(keyword.chinese) — \(keyword.summary)" }
                if bindings.contains(candidate) { return "let" }
                return termDetail(String(candidate.split(separator: ".").last ?? ""), keyword: statementKeyword(before))
            })
    }

    /// The statement keyword the line starts with (it decides which vocabulary a name belongs to).
    private static func statementKeyword(_ line: String) -> Keyword? {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }).first.flatMap { Keyword(spelling: String($0)) }
    }

    /// A term's spellings and what it names — `new · 本年新收 — 申请表的行` — from the table statements'
    /// declarations (the line's own statement first, so `total` reads as that table's total).
    static func termDetail(_ word: String, keyword: Keyword?) -> String {
        let own = keyword.flatMap(TableStatement.of).map { [$0] } ?? []
        for statement in own + TableStatement.all {
            let slots = [statement.selector.slot, statement.name].compactMap { $0 } + statement.path
            for slot in slots {
                guard let raw = slot.lookup(word), let choice = slot.all.first(where: { $0.rawValue == raw }) else { continue }
                return ([choice.english] + choice.chinese).joined(separator: " · ") + " — " + slot.what
            }
        }
        if let section = OfficialSection.named(word) { return "\(section.english) · \(section.title) — 规定章节" }
        return ""
    }

    private static func list(
        _ completion: Completion, cursor: Int, kind: (String) -> Kind, detail: (String) -> String
    ) -> List {
        let start = max(0, cursor - completion.word.utf8.count)
        let items = zip(completion.candidates, completion.listing).map { candidate, label in
            Item(label: label, kind: kind(candidate), detail: detail(candidate), insertText: candidate)
        }
        return List(replacing: start..<cursor, items: items)
    }

    /// File completion with relative directories read from the document's directory, not the server's.
    private static func files(relativeTo path: String) -> FileCompletion {
        let base = PathText.directory(of: path)
        return FileCompletion { directory in
            let resolved = directory.hasPrefix("/") || base.isEmpty
                ? directory : (directory == "." ? base : (base as NSString).appendingPathComponent(directory))
            return FileCompletion.listDisk(resolved)
        }
    }
}

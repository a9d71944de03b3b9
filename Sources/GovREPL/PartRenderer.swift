import Gov
import GovLanguage
import GovRender
import GovReport

/// `:show [section|table]`: one part of the report, laid out by the same `LayoutBuilder` and printed by
/// the same `TextRenderer` as `gov render`, so the REPL shows exactly what the rendered report will hold.
enum PartRenderer {
    static func render(_ query: String?, report: Report, width: Int) -> Result<String, ShowFailure> {
        let document = LayoutBuilder.document(for: report)
        guard let query = query?.trimmingWhitespace(), !query.isEmpty else {
            return .success(TextRenderer(width: width).render(document))
        }
        if let index = sectionIndex(String(query), in: document) {
            return .success(print(Array(document.blocks[document.sections[index].blocks]), of: document, width: width))
        }
        if let table = table(String(query), in: document) {
            return .success(print([.heading(level: 1, text: table.title), .table(table)], of: document, width: width))
        }
        return .failure(ShowFailure(query: String(query), report: report, document: document))
    }

    struct ShowFailure: Error {
        let query: String
        let report: Report
        let document: Document

        var message: String {
            let sections = document.sections.map { "\($0.number) \($0.title)" }
            let locals = document.tables.filter { $0.id.isLocal && !$0.title.isEmpty }.map(\.title)
            return "报告里没有 “\(query)”。可以显示：章节 " + sections.joined(separator: "、")
                + "；表格 " + (PartRenderer.officialTableNames.map { "\($0.english)（\($0.chinese)）" } + locals).joined(separator: "、")
        }
    }

    /// A section named in any spelling (`applications`, `申请情况`), by number (`3`, `三`), or a local
    /// section by its title.
    static func sectionIndex(_ query: String, in document: Document) -> Int? {
        let sections = document.sections
        if let official = OfficialSection.named(query) {
            return sections.firstIndex { $0.kind == .official(official) }
        }
        let number = Int(query) ?? (1...99).first { ChineseNumeral.of($0) == query.filter { $0 != "、" } }
        if let number { return sections.firstIndex { $0.number == number } }
        return sections.firstIndex { $0.kind == .local(query) }
    }

    /// The keywords that name each official table (`TableStatement.namingTables`), as `table` accepts them.
    static var officialTableNames: [(english: String, chinese: String)] {
        TableStatement.namingTables.map { ($0.keyword.english, $0.keyword.chinese) }
    }

    /// An official table by its statement keyword (`application`, `申请`, `review`…) or a local table by title.
    static func table(_ query: String, in document: Document) -> LayoutTable? {
        if let official = Keyword(spelling: query).flatMap(TableStatement.of)?.table { return document.table(.official(official)) }
        return document.tables.first { $0.id.isLocal && $0.title == query }
    }

    /// Some of the document's blocks, printed without the report's title and sign-off.
    private static func print(_ blocks: [LayoutBlock], of document: Document, width: Int) -> String {
        var part = document
        part.title = ""
        part.blocks = blocks
        part.signoff = []
        let text = TextRenderer(width: width).render(part)
        // The renderer centres the (empty) title on the first line and follows it with a blank one.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).drop { $0.allSatisfy { $0 == " " } }
        return lines.joined(separator: "\n")
    }
}

import Gov

/// `:show [section|table]`: one part of the report, laid out by the same `LayoutBuilder` and printed by
/// the same `TextRenderer` as `gov render`, so the REPL shows exactly what the rendered report will hold.
enum PartRenderer {
    static func render(_ query: String?, report: Report, width: Int) -> Result<String, ShowFailure> {
        let document = LayoutBuilder.document(for: report)
        guard let query = query?.trimmingWhitespace(), !query.isEmpty else {
            return .success(TextRenderer(width: width).render(document))
        }
        let sections = sectionRanges(document)
        if let index = sectionIndex(String(query), report: report), index < sections.count {
            return .success(print(Array(document.blocks[sections[index]]), of: document, width: width))
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
            let sections = report.sections.enumerated().map { "\($0.offset + 1) \($0.element.title)" }
            let locals = document.blocks.compactMap { block -> String? in
                if case .table(let table) = block, table.id.hasPrefix("local"), !table.title.isEmpty { return table.title }
                return nil
            }
            return "报告里没有 “\(query)”。可以显示：章节 " + sections.joined(separator: "、")
                + "；表格 proactive（主动公开）、application（申请）、appeals（复议诉讼）" + (locals.isEmpty ? "" : "、" + locals.joined(separator: "、"))
        }
    }

    /// Each section's blocks in the document: from its numbered heading to the next one.
    static func sectionRanges(_ document: Document) -> [Range<Int>] {
        let starts = document.blocks.indices.filter {
            if case .heading(1, _) = document.blocks[$0] { return true }
            return false
        }
        return starts.enumerated().map { offset, start in start..<(offset + 1 < starts.count ? starts[offset + 1] : document.blocks.count) }
    }

    /// A section named in any spelling (`applications`, `申请情况`), by number (`3`, `三`), or a local
    /// section by its title.
    static func sectionIndex(_ query: String, report: Report) -> Int? {
        if let official = OfficialSection.named(query) {
            return report.sections.firstIndex { $0.kind == .official(official) }
        }
        let number = Int(query) ?? (1...99).first { ChineseNumeral.of($0) == query.filter { $0 != "、" } }
        if let number, number >= 1, number <= report.sections.count { return number - 1 }
        return report.sections.firstIndex { $0.kind == .local(query) }
    }

    /// An official table by its statement keyword (`application`, `申请`, `review`…) or a local table by title.
    static func table(_ query: String, in document: Document) -> LayoutTable? {
        let id = Keyword(spelling: query).flatMap(TableStatement.of)?.table.rawValue
        for case .table(let table) in document.blocks {
            if let id, table.id == id { return table }
            if id == nil, table.id.hasPrefix("local"), table.title == query { return table }
        }
        return nil
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

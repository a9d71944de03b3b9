import Foundation
import GovLanguage
import GovReport

/// The whole checked report as JSON, for supervisors and other programs: header, sections, every cell of
/// every official table (with its row and column ids and official labels, its value as exact decimal text,
/// and whether it was stated, derived or blank), channels, and the findings. The shape is documented and
/// versioned in docs/json-schema.json; keys are sorted so output is stable. Like every renderer it reads the
/// layout (`Document`): its blocks and sections, and the facts it carries as data (header, cell data,
/// channels, findings); `sources` only turns source ranges into file, line and column.
package enum ReportJSON {
    package static let schemaVersion = 1

    package static func render(_ document: Document, sources: SourceManager) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(Root(document, sources: sources)) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    struct Root: Encodable {
        let schemaVersion = ReportJSON.schemaVersion
        let header: HeaderJSON
        let introduction: [BlockJSON]
        let sections: [SectionJSON]
        let tables: TablesJSON
        let channels: [ChannelJSON]
        let findings: [FindingRecord]
        let summary: Summary

        init(_ document: Document, sources: SourceManager) {
            header = HeaderJSON(document.header)
            introduction = document.blocks[document.introduction].compactMap(BlockJSON.init)
            sections = document.sections.map { SectionJSON($0, blocks: document.blocks[$0.written]) }
            tables = TablesJSON(document, sources: sources)
            channels = document.channels.map { channel in
                ChannelJSON(name: channel.name, count: channel.count, categories: channel.categories.map { .init(name: $0.name, count: $0.count) })
            }
            findings = FindingRecord.records(document.findings, sources: sources)
            summary = Summary(errors: document.findings.errorCount, warnings: document.findings.warningCount)
        }
    }

    struct Summary: Encodable {
        let errors: Int
        let warnings: Int
    }

    struct HeaderJSON: Encodable {
        let body: String
        let year: Int
        let title: String
        let format: Int
        let notice: String
        let published: String?
        let signoffBody: String?
        let signoffDate: String?
        let announcedParts: Int?
        let kind: String
        let hasSignoff: Bool

        init(_ header: LayoutHeader) {
            body = header.body
            year = header.year
            title = header.title
            format = header.edition.rawValue
            notice = header.edition.notice
            published = header.published?.iso
            signoffBody = header.signoffBody
            signoffDate = header.signoffDate?.iso
            announcedParts = header.announcedParts
            kind = header.kind.rawValue
            hasSignoff = header.hasSignoff
        }

        // Optional keys are written as null rather than left out, so every document has the same keys.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(body, forKey: .body)
            try c.encode(year, forKey: .year)
            try c.encode(title, forKey: .title)
            try c.encode(format, forKey: .format)
            try c.encode(notice, forKey: .notice)
            try c.encode(published, forKey: .published)
            try c.encode(signoffBody, forKey: .signoffBody)
            try c.encode(signoffDate, forKey: .signoffDate)
            try c.encode(announcedParts, forKey: .announcedParts)
            try c.encode(kind, forKey: .kind)
            try c.encode(hasSignoff, forKey: .hasSignoff)
        }

        enum CodingKeys: String, CodingKey {
            case body, year, title, format, notice, published, signoffBody, signoffDate, announcedParts, kind, hasSignoff
        }
    }

    struct SectionJSON: Encodable {
        let number: Int
        let kind: String
        let id: String?
        let title: String
        let blocks: [BlockJSON]

        init(_ section: LayoutSection, blocks: ArraySlice<LayoutBlock>) {
            number = section.number
            switch section.kind {
            case .official(let official):
                kind = "official"
                id = official.english
            case .local:
                kind = "local"
                id = nil
            }
            title = section.title
            self.blocks = blocks.compactMap(BlockJSON.init)
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(number, forKey: .number)
            try c.encode(kind, forKey: .kind)
            try c.encode(id, forKey: .id)
            try c.encode(title, forKey: .title)
            try c.encode(blocks, forKey: .blocks)
        }

        enum CodingKeys: String, CodingKey { case number, kind, id, title, blocks }
    }

    struct BlockJSON: Encodable {
        let type: String
        let text: String?
        let table: LocalTableJSON?
        /// A run-in sub-heading at the start of the paragraph (printed bold), when it has one.
        var lead: String?

        /// A block the script wrote (a sub-heading, a paragraph, a local table); nil for the layout's own
        /// level-1 headings and official tables, which the JSON holds elsewhere.
        init?(_ block: LayoutBlock) {
            switch block {
            case .heading(let level, let text):
                guard level > 1 else { return nil }
                (type, self.text, table) = ("heading", text, nil)
            case .paragraph(let text): (type, self.text, table) = ("paragraph", text, nil)
            case .leadParagraph(let lead, let text):
                (type, self.text, table) = ("paragraph", text, nil)
                self.lead = lead
            case .table(let layout):
                guard layout.id.isLocal else { return nil }
                (type, text, table) = ("table", nil, LocalTableJSON(layout))
            }
        }
    }

    /// A local table as the script wrote it: its columns and rows, without the cells the grid pads.
    struct LocalTableJSON: Encodable {
        let title: String
        let columns: [String]
        let rows: [[String]]

        init(_ table: LayoutTable) {
            title = table.title
            let texts = table.rows.map { row in row.filter { !$0.isFiller }.map(\.text) }
            columns = table.headerRows > 0 ? texts.first ?? [] : []
            rows = Array(texts.dropFirst(min(table.headerRows, texts.count)))
        }
    }

    struct ChannelJSON: Encodable {
        struct Category: Encodable {
            let name: String
            let count: Int
        }

        let name: String
        let count: Int
        let categories: [Category]
    }
}

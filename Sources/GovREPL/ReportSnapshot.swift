import Gov
import GovLanguage
import GovRender
import GovReport

/// The report flattened into facts a clerk can read — "this cell is 40", "this section has this
/// paragraph" — so two evaluations can be compared fact by fact and only what changed is echoed.
struct ReportSnapshot: Equatable {
    struct Fact: Equatable {
        enum Kind: Equatable {
            case header
            case statedCell
            case derivedCell
            case channel
            case section
            case paragraph
            case heading
            case tableRow
        }

        /// Stable across evaluations (a cell's path, a section's title and the block's place in it).
        let key: String
        let kind: Kind
        /// What the clerk reads: the cell's official label, the section's title.
        let label: String
        let value: String
    }

    let facts: [Fact]

    static let empty = ReportSnapshot(facts: [])

    init(facts: [Fact]) {
        self.facts = facts
    }

    init(_ report: Report) {
        var facts: [Fact] = []
        let header = report.header
        func add(_ key: String, _ kind: Fact.Kind, _ label: String, _ value: String) {
            facts.append(Fact(key: key, kind: kind, label: label, value: value))
        }
        // Without `year` the evaluator assumes 2021 (and says so, E040): that assumption is not news.
        let yearStated = !report.findings.contains { $0.code == .missingYear }
        if !header.body.isEmpty { add("header.body", .header, "机关", header.body) }
        if yearStated { add("header.year", .header, "年度", String(header.year)) }
        add("header.format", .header, "格式", "\(report.edition.rawValue) 年格式")
        if header.customTitle != nil || (!header.body.isEmpty && yearStated) { add("header.title", .header, "标题", header.title) }
        if let date = header.published { add("header.published", .header, "发布日期", date.chinese) }
        if let body = header.signoffBody { add("header.signoff", .header, "落款", [body, header.signoffDate?.chinese].compactMap { $0 }.joined(separator: " ")) }
        if let parts = header.announcedParts { add("header.parts", .header, "引言所说部分数", String(parts)) }

        for (id, cell) in report.cells.filled {
            add("cell.\(id.path)", cell.isDerived ? .derivedCell : .statedCell, id.label(report.edition), ReportSnapshot.display(cell.value, of: id))
        }
        for channel in report.channels {
            add("channel.\(channel.name)", .channel, "渠道「\(channel.name)」", "\(channel.count) 条")
            for category in channel.categories {
                add("channel.\(channel.name).\(category.name)", .channel, "渠道「\(channel.name)」类别「\(category.name)」", "\(category.count) 条")
            }
        }
        add("sections", .section, "报告部分数", String(report.sections.count))
        ReportSnapshot.addBlocks(report.introduction, in: "引言", to: &facts)
        for section in report.sections {
            add("section.\(section.title)", .section, "章节", section.title)
            ReportSnapshot.addBlocks(section.blocks, in: section.title, to: &facts)
        }
        self.facts = facts
    }

    private static func addBlocks(_ blocks: [Block], in place: String, to facts: inout [Fact]) {
        var paragraphs = 0, headings = 0, tables = 0
        for block in blocks {
            switch block {
            case .paragraph, .leadParagraph:
                let text: String
                switch block {
                case .leadParagraph(let lead, let body): text = lead + body
                case .paragraph(let body): text = body
                default: text = ""
                }
                paragraphs += 1
                facts.append(Fact(key: "\(place).p\(paragraphs)", kind: .paragraph, label: "「\(place)」第 \(paragraphs) 段", value: text))
            case .heading(let text):
                headings += 1
                facts.append(Fact(key: "\(place).h\(headings)", kind: .heading, label: "「\(place)」小标题", value: text))
            case .table(let table):
                tables += 1
                let name = table.title.isEmpty ? "表格 \(tables)" : table.title
                facts.append(Fact(key: "\(place).t\(tables)", kind: .tableRow, label: "「\(place)」表格", value: name))
                if !table.columns.isEmpty {
                    facts.append(Fact(key: "\(place).t\(tables).columns", kind: .tableRow, label: "「\(name)」列", value: table.columns.joined(separator: " | ")))
                }
                for (index, row) in table.rows.enumerated() {
                    facts.append(Fact(key: "\(place).t\(tables).r\(index + 1)", kind: .tableRow, label: "「\(name)」第 \(index + 1) 行", value: row.joined(separator: " | ")))
                }
            }
        }
    }

    /// A cell's value as the table prints it: a positive 本年增/减 with its sign.
    static func display(_ number: Number, of id: CellID) -> String {
        id.printed(number)
    }
}

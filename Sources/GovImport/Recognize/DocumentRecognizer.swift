import GovReport

/// Maps one document (whatever reader made it) onto the official format: header, sections with their
/// headings and paragraphs verbatim, the three official tables cell for cell, local tables, and comments
/// for whatever could not be placed.
package enum DocumentRecognizer {
    typealias Block = ImportedDocument.Block

    struct WorkSection {
        var kind: RecognizedReport.SectionKind
        var title: String
        var blocks: [Block] = []
    }

    package static func recognize(_ document: ImportedDocument) -> RecognizedReport {
        var report = RecognizedReport()
        var blocks = document.blocks
        report.published = document.publishedHint
        report.preamble = document.preamble

        // Title, body, year.
        let paragraphs = blocks.enumerated().compactMap { index, block -> (index: Int, text: String)? in
            if case .paragraph(let paragraph) = block { return (index, paragraph.text) }
            return nil
        }
        if let title = HeaderRecognizer.findTitle(paragraphs) {
            report.title = title.text
            report.body = title.body.isEmpty ? nil : title.body
            report.year = title.year
            for block in blocks[0..<title.firstParagraph] { report.preamble += describe(block) }
            if !title.before.isEmpty {
                report.preamble.append(title.before)
                if report.published == nil { report.published = HeaderRecognizer.chromeDate(title.before) }
            }
            var rest: [Block] = []
            if !title.after.isEmpty {
                let (chrome, text) = splitChrome(title.after)
                if let chrome {
                    report.preamble.append(chrome)
                    if report.published == nil { report.published = HeaderRecognizer.chromeDate(chrome) }
                }
                if !text.isEmpty { rest.append(.paragraph(Paragraph(text))) }
            }
            blocks = rest + Array(blocks[(title.paragraph + 1)...])
        } else {
            report.warnings.append("没有找到报告标题（“……年政府信息公开工作年度报告”）")
        }

        // Page chrome between the title and the report ("发布时间：… 来源：… 浏览次数") is not report text.
        while case .paragraph(let first)? = blocks.first, HeaderRecognizer.isPageChrome(first.text) {
            report.preamble.append(first.text)
            if report.published == nil { report.published = HeaderRecognizer.chromeDate(first.text) }
            blocks.removeFirst()
        }

        // Sections.
        var intro = WorkSection(kind: .local, title: "")
        var sections: [WorkSection] = []
        var lastOfficial: OfficialSection?
        var lastNumeral: Unicode.Scalar?
        func append(_ block: Block) {
            if sections.isEmpty { intro.blocks.append(block) } else { sections[sections.count - 1].blocks.append(block) }
        }
        for block in blocks {
            guard case .paragraph(let paragraph) = block else {
                append(block)
                continue
            }
            var rest = Array(paragraph.text.unicodeScalars)
            var split = false
            while let found = SectionHeadings.firstOfficial(in: rest, after: lastOfficial) {
                let before = String(String.UnicodeScalarView(rest[0..<found.range.lowerBound])).trimmingSpaces
                if !before.isEmpty { append(.paragraph(Paragraph(before))) }
                if case .official(let section) = found.kind { lastOfficial = section }
                lastNumeral = found.numeral
                sections.append(WorkSection(kind: found.kind, title: found.title))
                rest = Array(rest[found.range.upperBound...])
                split = true
            }
            let remaining = String(String.UnicodeScalarView(rest)).trimmingSpaces
            if remaining.isEmpty { continue }
            if !split, lastOfficial != nil, let local = SectionHeadings.local(remaining, expected: SectionHeadings.numeral(after: lastNumeral)) {
                sections.append(WorkSection(kind: .local, title: local))
                lastNumeral = remaining.unicodeScalars.first
                continue
            }
            var kept = paragraph
            kept.text = remaining
            if split { kept.lead = nil }
            append(.paragraph(kept))
        }

        // Year and format: the year decides, the tables' shape confirms.
        if report.year == nil {
            let introText = intro.blocks.compactMap(\.paragraphText).joined(separator: "\n")
            report.year = HeaderRecognizer.yearFromPeriod(introText)
            if report.year == nil { report.warnings.append("没有找到报告年度") }
        }
        let allText = (intro.blocks + sections.flatMap(\.blocks)).map(\.plainText).joined(separator: "\n")
        decideEdition(&report, text: allText)

        // The official tables, each in its section (or, when the report has no such heading, anywhere).
        var tables = OfficialTablesRecognizer(edition: report.edition, positions: document.wordPositions)
        for kind in [OfficialSection.proactive, .applications, .appeals] {
            if let index = sections.firstIndex(where: { $0.kind == .official(kind) }) {
                sections[index].blocks = tables.read(kind, from: sections[index].blocks)
            } else {
                let before = intro.blocks.count
                intro.blocks = tables.read(kind, from: intro.blocks)
                if intro.blocks.count != before || tables.found(kind) {
                    // In its official place among the sections the report does print.
                    let place = sections.firstIndex { section in
                        if case .official(let other) = section.kind { return other > kind }
                        return false
                    } ?? sections.count
                    sections.insert(WorkSection(kind: .official(kind), title: kind.title), at: place)
                }
            }
        }
        report.tables = tables.tables
        report.warnings += tables.warnings

        // A web page's footer after the report is kept as comments at the end; then the sign-off is the
        // last lines of the last section.
        if var last = sections.popLast() {
            if let footer = last.blocks.firstIndex(where: { HeaderRecognizer.isPageFooter($0.plainText) }) {
                report.trailer = last.blocks[footer...].flatMap(describe)
                last.blocks.removeSubrange(footer...)
            }
            report.signoff = takeSignoff(&last.blocks)
            sections.append(last)
        }

        report.intro = items(intro.blocks)
        report.parts = HeaderRecognizer.announcedParts(intro.blocks.compactMap(\.paragraphText).joined())
        report.sections = sections.map { section in
            var out = RecognizedReport.Section(kind: section.kind, printedTitle: section.title)
            out.items = items(section.blocks)
            return out
        }
        // "大隐镇2020年度…报告" signed 大隐镇人民政府: the sign-off names the body in full. (Not 淮安市人民政府
        // signed by its 办公室, which compiled the report.)
        if let signoff = report.signoff, let body = report.body,
            ["人民政府", "政府", "管委会", "管理委员会"].contains(where: { signoff.name == body + $0 })
        {
            report.body = signoff.name
        }
        if report.body == nil, let signoff = report.signoff { report.body = signoff.name }
        if report.body == nil { report.warnings.append("没有找到机关名称") }
        return report
    }

    /// Page chrome between the title and the report ("来源：… 时间：… 微信 微博"): up to "根据" or "本报告".
    private static func splitChrome(_ text: String) -> (String?, String) {
        for opener in ["根据", "本报告", "按照", "依据"] {
            if let range = text.range(of: opener), text.distance(from: text.startIndex, to: range.lowerBound) <= 200 {
                let chrome = String(text[..<range.lowerBound]).trimmingSpaces
                return (chrome.isEmpty ? nil : chrome, String(text[range.lowerBound...]))
            }
        }
        return (nil, text)
    }

    private static func decideEdition(_ report: inout RecognizedReport, text: String) {
        let byYear: FormatEdition? = report.year.map { $0 <= 2020 ? .y2019 : .y2021 }
        let old = ["本年新制作", "对外管理服务", "政府集中采购", "采购总金额"].contains { text.contains($0) }
        let new = ["本年制发", "本年废止", "本年收费金额", "逾期不补正", "缴纳费用"].contains { text.contains($0) }
        let byShape: FormatEdition? = old == new ? nil : (old ? .y2019 : .y2021)
        report.edition = byShape ?? byYear ?? .y2021
        if let byYear, let byShape, byYear != byShape {
            report.editionNote = "年度为 \(report.year ?? 0)，但表格是 \(byShape.rawValue) 年格式（\(byShape.notice)）的"
        }
    }

    /// The sign-off: a last line naming an office, and/or a date line, at the very end.
    private static func takeSignoff(_ blocks: inout [Block]) -> (name: String, date: String?)? {
        var date: String?
        var name: String?
        if case .paragraph(let p)? = blocks.last, let found = HeaderRecognizer.date(p.text) {
            date = found
        }
        let dateBlock = date == nil ? nil : blocks.removeLast()
        if case .paragraph(let p)? = blocks.last, HeaderRecognizer.looksLikeBodyName(p.text.trimmingSpaces) {
            name = p.text.trimmingSpaces
            blocks.removeLast()
        }
        if name == nil, let dateBlock {
            blocks.append(dateBlock)
            return nil
        }
        return name.map { ($0, date) }
    }

    static func describe(_ block: Block) -> [String] {
        switch block {
        case .paragraph(let p): return p.text.trimmingSpaces.isEmpty ? [] : [p.text.trimmingSpaces]
        case .table(let t): return t.textRows.map { $0.joined(separator: " | ") }
        case .note(let text): return [text]
        }
    }

    /// Paragraphs become headings (short, numbered （一）, or styled so) or text; tables local tables.
    static func items(_ blocks: [Block]) -> [RecognizedReport.Item] {
        var items: [RecognizedReport.Item] = []
        var caption: String?
        for (index, block) in blocks.enumerated() {
            switch block {
            case .paragraph(let paragraph):
                let text = paragraph.text.trimmingSpaces
                if text.isEmpty { continue }
                let nextIsTable: Bool = {
                    if index + 1 < blocks.count, case .table = blocks[index + 1] { return true }
                    return false
                }()
                if nextIsTable && text.count <= 20 && !text.contains("。") {
                    caption = text
                    continue
                }
                if text.wholeMatch(of: #/表\s*[一二三四五六七八九十\d]+/#) != nil {
                    // The caption of an official table, which the script's table prints without.
                    items.append(.comment("原文此处印有表格编号「\(text)」"))
                } else if let lead = paragraph.lead, text.hasPrefix(lead), text.count > lead.count {
                    items.append(.lead(lead))
                    items.append(.text(String(text.dropFirst(lead.count)).trimmingSpaces))
                } else if paragraph.isHeading || isSubheading(text) {
                    items.append(.heading(text))
                } else {
                    items.append(.text(text))
                }
            case .note(let text):
                items.append(.comment(text))
            case .table(let table):
                // A short paragraph before a table that has its own caption is text of its own.
                if table.caption != nil, let pending = caption { items.append(.text(pending)) }
                items.append(.localTable(title: table.caption ?? caption, rows: table.textRows.map { $0.map(\.trimmingSpaces) }))
                caption = nil
            }
        }
        if let caption { items.append(.text(caption)) }
        return items
    }

    /// "（一）政府信息公开工作推进情况": numbered, short, not a sentence.
    static func isSubheading(_ text: String) -> Bool {
        guard text.count <= 40, text.firstMatch(of: #/^[（(][一二三四五六七八九十]{1,2}[）)]/#) != nil else { return false }
        let body = text.dropLast(text.hasSuffix("。") ? 1 : 0)
        return !body.contains("。") && !body.contains("；")
    }
}

extension ImportedDocument.Block {
    var paragraphText: String? {
        if case .paragraph(let p) = self { return p.text }
        return nil
    }

    var plainText: String {
        switch self {
        case .paragraph(let p): return p.text
        case .table(let t): return t.textRows.map { $0.joined(separator: " ") }.joined(separator: "\n")
        case .note: return ""
        }
    }
}

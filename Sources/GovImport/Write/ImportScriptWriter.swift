import GovLanguage
import GovReport

/// Writes a recognized report as a `.gov` script: the header, every paragraph verbatim in its section,
/// the official tables cell for cell (`blank`, `unknown` where so), and a comment on every line whose
/// reading needs a word — an approximate label, a value inferred from run-together cells, candidates.
package struct ImportScriptWriter {
    let report: RecognizedReport
    let sourceName: String

    package init(_ report: RecognizedReport, sourceName: String) {
        self.report = report
        self.sourceName = sourceName
    }

    package func script() -> String {
        var lines: [String] = ["# 由 gov import 从 \(sourceName) 导入：段落逐字照录，表格逐格照录（blank = 原文空白，unknown = 无法读出）。"]
        lines.append("# gov check 这个文件就是对原文的审核。")
        for text in report.preamble { lines += comment("原文开头（不属于报告正文）：\(text)") }
        for warning in report.warnings { lines += comment("注意：\(warning)") }
        lines.append("")
        // A missing body or year is left for `gov check` to report (E041, E040), not invented.
        lines.append(report.body.map { "body \(ScriptLiteral.name($0))" } ?? "# body：原文中没有找到机关名称")
        lines.append(report.year.map { "year \($0)" } ?? "# year：原文中没有找到年度")
        // The format the checker would take from the year (2021 when there is none).
        let byYear: FormatEdition = report.year.map { $0 <= 2020 ? .y2019 : .y2021 } ?? .y2021
        if report.edition != byYear || report.editionNote != nil {
            lines.append("format \(report.edition.rawValue)" + (report.editionNote.map { "  # \($0)" } ?? ""))
        }
        if let title = report.title {
            let standardTitle = "\(report.body ?? "")\(report.year.map(String.init) ?? "")年政府信息公开工作年度报告"
            if title != standardTitle { lines.append("title \(ScriptLiteral.string(title))") }
        }
        if let published = report.published { lines.append("published \(published)") }
        if let signoff = report.signoff {
            lines.append("signoff \(ScriptLiteral.name(signoff.name))" + (signoff.date.map { " \($0)" } ?? ""))
        } else {
            lines.append("signoff none  # 原文没有落款")
        }
        if let parts = report.parts { lines.append("parts \(parts)") }
        lines += channelLines()
        lines.append("")
        lines += items(report.intro)

        // Official tables the report lacks are still written (every cell unknown), each in its place.
        var missing = [OfficialSection.proactive, .applications, .appeals].filter { official in
            !report.sections.contains { $0.kind == .official(official) }
        }
        func writeMissing(before rank: OfficialSection?) {
            while let next = missing.first, rank.map({ next < $0 }) ?? true {
                missing.removeFirst()
                lines.append("")
                lines.append("# 原文没有这一部分，表格的每一格都记为不详。")
                lines.append("section \(next.english)")
                lines += tableLines(next)
            }
        }
        for section in report.sections {
            switch section.kind {
            case .official(let official):
                writeMissing(before: official)
                lines.append("")
                let printed = section.printedTitle
                let head = "section \(official.english)"
                lines.append(printed.isEmpty || squeeze(printed) == squeeze(official.title) ? head : "\(head) \(ScriptLiteral.string(printed))")
                lines += items(section.items)
                lines += tableLines(official)
            case .local:
                lines.append("")
                lines.append("section \(ScriptLiteral.string(section.printedTitle))")
                lines += items(section.items)
            }
        }
        writeMissing(before: nil)
        if !report.trailer.isEmpty {
            lines.append("")
            for text in report.trailer { lines += comment("原文结尾（不属于报告正文）：\(text)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Channels and their categories listed in the text (rule C4 adds them up); the text stays literal.
    private func channelLines() -> [String] {
        let paragraphs = (report.intro + report.sections.flatMap(\.items)).compactMap { item -> String? in
            if case .text(let text) = item { return text }
            return nil
        }
        var lines: [String] = []
        var seen: [ChannelRecognizer.Channel] = []
        for channel in paragraphs.flatMap(ChannelRecognizer.channels) where !seen.contains(channel) {
            seen.append(channel)
            if lines.isEmpty { lines.append("") }
            lines.append("# 正文列出的分类（gov check 核对各类别之和）：\(channel.source)")
            lines.append("channel \(ScriptLiteral.name(channel.name)) \(channel.count)")
            for category in channel.categories {
                lines.append("category \(ScriptLiteral.name(category.name)) \(category.count)")
            }
        }
        return lines
    }

    private func squeeze(_ text: String) -> String { text.unicodeScalars.filter { !ScanText.isSpace($0) }.map(String.init).joined() }

    // MARK: - Text

    private func items(_ items: [RecognizedReport.Item]) -> [String] {
        var lines: [String] = []
        var paragraphs: [String] = []
        func flush() {
            guard !paragraphs.isEmpty else { return }
            lines.append("text \"\"\"")
            lines += paragraphs.map(ScriptLiteral.textBlockLine)
            lines.append("\"\"\"")
            paragraphs = []
        }
        for item in items {
            switch item {
            case .text(let text): paragraphs.append(text)
            case .heading(let text):
                flush()
                lines.append("heading \(ScriptLiteral.string(text))")
            case .lead(let text):
                flush()
                lines.append("lead \(ScriptLiteral.string(text))")
            case .comment(let text):
                flush()
                lines += comment(text)
            case .localTable(let title, let rows):
                flush()
                lines += localTable(title: title, rows: rows)
            }
        }
        flush()
        return lines
    }

    private func comment(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map { "# " + $0 }
    }

    private func localTable(title: String?, rows: [[String]]) -> [String] {
        guard let header = rows.first else { return [] }
        var lines = ["table \(ScriptLiteral.string(title ?? "表格"))"]
        lines.append("columns " + header.map(localItem).joined(separator: " "))
        for row in rows.dropFirst() { lines.append("row " + row.map(localItem).joined(separator: " ")) }
        return lines
    }

    private func localItem(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: "")
        return Self.isPlainNumber(flat) ? flat : ScriptLiteral.string(flat)
    }

    /// "247", "514.4": a number the language reads as one; anything else ("0591", "1.", "１２") is text.
    static func isPlainNumber(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.count <= 15 else { return false }
        let ascii = { (part: Substring) in !part.isEmpty && part.unicodeScalars.allSatisfy { $0.value >= 0x30 && $0.value <= 0x39 } }
        guard ascii(whole), whole == "0" || whole.first != "0" else { return false }
        return parts.count == 1 || (ascii(parts[1]) && parts[1].count <= 20)
    }

    // MARK: - Official tables

    private func tableLines(_ section: OfficialSection) -> [String] {
        switch section {
        case .proactive: return disclosureLines()
        case .applications: return applicationLines()
        case .appeals: return appealLines()
        default: return []
        }
    }

    private func value(_ cell: CellReading) -> String {
        switch cell.state {
        case .number(let text): return text + (cell.unit.map { " \($0)" } ?? "")
        case .blank: return "blank"
        case .unknown: return "unknown"
        }
    }

    private func notes(_ reading: RowReading?, label: String) -> String {
        guard let reading else { return "  # \(label)：原文中没有找到这一行，记为不详" }
        var parts = [label]
        if let approximation = reading.approximation { parts.append(approximation) }
        if let note = reading.note { parts.append(note) }
        let candidates = reading.cells.compactMap { $0.candidates.isEmpty ? nil : $0.candidates.joined(separator: "或") }
        if !candidates.isEmpty, reading.note == nil { parts.append("候选：" + candidates.joined(separator: "；")) }
        return "  # " + parts.joined(separator: "；")
    }

    private func disclosureLines() -> [String] {
        var lines: [String] = []
        for group in DisclosureGroup.of(report.edition) {
            for item in group.items {
                let reading = report.tables.disclosure[item]
                let pairs = group.columns.enumerated().map { index, column in
                    "\(column.english) \(reading.map { value($0.cells[index]) } ?? "unknown")"
                }
                lines.append("proactive \(item.english) " + pairs.joined(separator: " ")
                    + notes(reading, label: "\(group.title) \(item.label(report.edition))"))
            }
        }
        return lines
    }

    private func applicationLines() -> [String] {
        var lines: [String] = []
        let specs = OfficialRowSpec.applications(report.edition, singleOther: report.tables.singleOtherRow)
        let columns = Applicant.counted + [.all]
        for spec in specs {
            guard case .application(let row) = spec.id else { continue }
            let reading = report.tables.applications[row]
            let name = report.tables.singleOtherRow && row == .other ? "other_total" : row.english
            lines.append(notes(reading, label: spec.officialLabel).dropFirst(2).description)
            for (index, applicant) in columns.enumerated() {
                let cell = reading.map { value($0.cells[index]) } ?? "unknown"
                var line = "application \(applicant.english) \(name) \(cell)"
                if let candidates = reading?.cells[index].candidates, !candidates.isEmpty {
                    line += "  # 可能是 " + candidates.joined(separator: " 或 ")
                }
                lines.append(line)
            }
        }
        return lines
    }

    private func appealLines() -> [String] {
        let reading = report.tables.appeals
        var lines: [String] = []
        for (blockIndex, block) in AppealBlock.allCases.enumerated() {
            let head = block == .review ? "review" : "lawsuit \(block.english)"
            let pairs = AppealOutcome.allCases.enumerated().map { index, outcome in
                "\(outcome.english) \(reading.map { value($0.cells[blockIndex * 5 + index]) } ?? "unknown")"
            }
            let label = block == .review ? "行政复议" : "行政诉讼 / \(block.label)"
            lines.append("\(head) " + pairs.joined(separator: " ") + (blockIndex == 0 ? notes(reading, label: label) : "  # \(label)"))
        }
        return lines
    }
}

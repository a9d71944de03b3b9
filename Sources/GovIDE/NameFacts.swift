import GovLanguage
import GovReport

/// Hover on the names a statement opens: a section (its official number and title, or a local one), a
/// channel or a category (its count, and how its categories add up).
enum NameFacts {
    static func section(_ name: Name) -> String {
        guard !name.isQuoted, let official = OfficialSection.named(name.text) else {
            return "**\(name.text)** — 本地章节 · a local section (printed after the official one before it)"
        }
        return "**\(ChineseNumeral.of(official.rawValue + 1))、\(official.title)** — 规定章节 · official section `\(official.english)`"
    }

    static func channel(_ name: String, in report: Report) -> String? {
        guard let channel = report.channels.first(where: { $0.name == name }) else { return nil }
        var lines = ["**渠道 · channel「\(channel.name)」** = **\(channel.count)**"]
        if !channel.categories.isEmpty {
            let sum = channel.categories.reduce(0) { $0.addingReportingOverflow($1.count).partialValue }
            lines.append("")
            lines.append("类别 · categories: " + channel.categories.map { "\($0.name) \($0.count)" }.joined(separator: "，") + "；合计 \(sum)（规则 C4）")
        }
        return lines.joined(separator: "\n")
    }

    static func category(_ name: String, at range: SourceRange, in report: Report) -> String? {
        for channel in report.channels {
            if let category = channel.categories.first(where: { $0.name == name && range.start <= $0.range.start && $0.range.start <= range.end }) {
                return "**类别 · category「\(category.name)」** = **\(category.count)** — 属于渠道「\(channel.name)」（\(channel.count)）"
            }
        }
        return nil
    }
}

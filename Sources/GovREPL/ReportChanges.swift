import Gov
import GovLanguage
import GovRender
import GovReport

/// What an entry did to the report: the facts that are new, changed or gone, as short lines — the cell and
/// its new value, a total the rules derived, a paragraph as it now reads.
struct ReportChanges {
    struct Change: Equatable {
        let fact: ReportSnapshot.Fact
        /// The fact before, when there was one.
        let old: ReportSnapshot.Fact?
        let removed: Bool
    }

    let changes: [Change]

    init(from old: ReportSnapshot, to new: ReportSnapshot) {
        var before: [String: ReportSnapshot.Fact] = [:]
        for fact in old.facts { before[fact.key] = fact }
        var changes: [Change] = []
        var seen = Set<String>()
        for fact in new.facts {
            seen.insert(fact.key)
            let previous = before[fact.key]
            if let previous {
                if previous == fact { continue }
                // A cell's label changes with the format (（六）其他处理 → 3.其他); only its value is news.
                if ReportChanges.isCell(fact), previous.kind == fact.kind, previous.value == fact.value { continue }
            } else if fact.kind == .derivedCell, fact.value == "0" {
                // A blank cell reads 0: a derived 0 appearing is not news.
                continue
            }
            changes.append(Change(fact: fact, old: previous, removed: false))
        }
        for fact in old.facts where !seen.contains(fact.key) {
            if ReportChanges.isCell(fact), fact.kind == .derivedCell, fact.value == "0" { continue }
            changes.append(Change(fact: fact, old: fact, removed: true))
        }
        self.changes = changes
    }

    var isEmpty: Bool { changes.isEmpty }

    /// One line per change, at most `limit`, the rest counted. `width` bounds paragraph previews.
    func lines(limit: Int = 24, width: Int = 100) -> [String] {
        var lines = changes.prefix(limit).map { line(for: $0, width: width) }
        if changes.count > limit { lines.append("…另有 \(changes.count - limit) 处变化（:show 查看报告）") }
        return lines
    }

    func line(for change: Change, width: Int) -> String {
        let fact = change.fact
        if change.removed {
            switch fact.kind {
            case .statedCell, .derivedCell: return "\(fact.label) = 0（原为 \(fact.value)，现在空白）"
            case .paragraph, .heading, .tableRow: return "\(fact.label)已删除"
            case .header, .channel, .section: return "\(fact.label)已删除（原为 \(fact.value)）"
            }
        }
        let was = change.old.map { old -> String in
            let blank = (old.kind == .derivedCell && old.value == "0")
            return blank || old.value == fact.value ? "" : "原为 \(old.value)"
        } ?? ""
        switch fact.kind {
        case .statedCell:
            return "\(fact.label) = \(fact.value)" + (was.isEmpty ? "" : "（\(was)）")
        case .derivedCell:
            return "\(fact.label) = \(fact.value)（推算" + (was.isEmpty ? "" : "，\(was)") + "）"
        case .header, .channel:
            return "\(fact.label) = \(fact.value)" + (was.isEmpty ? "" : "（\(was)）")
        case .section:
            return fact.key == "sections" ? "报告现有\(ChineseNumeral.of(Int(fact.value) ?? 0))部分" : "新章节「\(fact.value)」"
        case .paragraph, .heading, .tableRow:
            let verb = change.old == nil ? "：" : "现为："
            let head = "\(fact.label)\(verb)"
            return head + Preview.clip(fact.value, width: max(20, width - 2 - DisplayWidth.of(head)))
        }
    }

    private static func isCell(_ fact: ReportSnapshot.Fact) -> Bool {
        fact.kind == .statedCell || fact.kind == .derivedCell
    }
}

/// Shortens text to a display width for one-line previews (a CJK character is two columns).
enum Preview {
    static func clip(_ text: String, width: Int) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        guard DisplayWidth.of(flat) > width else { return flat }
        var result = ""
        var used = 0
        for character in flat {
            let w = DisplayWidth.of(String(character))
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }
}

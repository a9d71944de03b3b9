import Gov

/// The echo of statements whose effect is not a new fact in the report: `section overview` changes where
/// the next text goes, `let` names a value that is only seen where it is used.
enum StatementEcho {
    static func lines(for entry: String, in report: Report, sessionText: String, path: String) -> [String] {
        var lines: [String] = []
        for statement in statements(in: entry) {
            switch statement.kind {
            case .section(let name):
                if let index = report.sections.lastIndex(where: { sectionMatches($0, name) }) {
                    lines.append("以下内容写入「\(ChineseNumeral.of(index + 1))、\(report.sections[index].title)」")
                }
            case .binding(let name, _):
                if let value = ValueProbe.value(of: name.text, in: sessionText, path: path) {
                    lines.append("\(name.text) = \(value)")
                }
            case .assertion:
                lines.append("断言成立")
            default:
                break
            }
        }
        // An assert that fails is reported as a rule now failing; "断言成立" would contradict it.
        if lines.contains("断言成立"), report.findings.contains(where: { $0.code == .assertion && isInLastEntry($0, sessionText, entry) }) {
            lines.removeAll { $0 == "断言成立" }
        }
        return lines
    }

    /// Whether the entry holds a statement at all (not only a comment).
    static func hasStatement(_ entry: String) -> Bool {
        !statements(in: entry).isEmpty
    }

    private static func statements(in entry: String) -> [Statement] {
        Parser.parse(SourceFile(path: "", text: entry), file: FileID(0)).script.statements
    }

    private static func sectionMatches(_ section: Section, _ name: Name) -> Bool {
        switch section.kind {
        case .official(let official): return !name.isQuoted && OfficialSection.named(name.text) == official
        case .local(let title): return name.isQuoted && title == name.text
        }
    }

    private static func isInLastEntry(_ finding: Diagnostic, _ sessionText: String, _ entry: String) -> Bool {
        guard let range = finding.range, range.file.index == 0 else { return false }
        return range.start >= sessionText.utf8.count - entry.utf8.count - 1
    }
}

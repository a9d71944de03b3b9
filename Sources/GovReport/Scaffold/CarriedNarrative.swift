import GovLanguage

/// Last year's narrative, kept for next year's script as commented-out statements the clerk revises and
/// uncomments: headings, text, local tables and sections, `let`, `assert`, `include` and `title`, each in
/// the section it was in. Numbers are not taken from here (they are carried as data, by the cross-year
/// rules), and neither are the header statements the new script writes itself.
struct CarriedNarrative {
    /// Before the first section.
    var introduction: [String] = []
    /// The narrative of each official section.
    var own: [OfficialSection: [String]] = [:]
    /// Local sections (and their contents) that followed an official section, or none (nil key).
    var following: [OfficialSection?: [String]] = [:]

    init() {}

    init(script: Script, source: SourceFile) {
        var anchor: OfficialSection?
        var inLocalSection = false
        for statement in script.statements {
            let lines = CarriedNarrative.commented(statement, source)
            switch statement.kind {
            case .section(let name, _):
                if !name.isQuoted, let official = OfficialSection.named(name.text) {
                    anchor = official
                    inLocalSection = false
                } else {
                    inLocalSection = true
                    following[anchor, default: []] += lines
                }
            case .heading, .lead, .deliberate, .text, .table, .columns, .row, .binding, .assertion, .include, .title:
                if inLocalSection {
                    following[anchor, default: []] += lines
                } else if let anchor {
                    own[anchor, default: []] += lines
                } else {
                    introduction += lines
                }
            case .body, .kind, .year, .format, .published, .signoff, .parts, .previous, .channel, .category, .cells:
                continue
            }
        }
    }

    var isEmpty: Bool { introduction.isEmpty && own.isEmpty && following.isEmpty }

    /// The statement as written, every line behind "# ".
    static func commented(_ statement: Statement, _ source: SourceFile) -> [String] {
        source.text(statement.range.start..<statement.range.end)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in
                let text = line.hasSuffix("\r") ? line.dropLast() : line
                return text.isEmpty ? "#" : "# " + text
            }
    }
}

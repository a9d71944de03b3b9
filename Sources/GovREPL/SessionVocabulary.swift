import Gov
import GovLanguage
import GovRender
import GovReport

/// The names a session has used so far, offered by Tab completion next to the language's own words:
/// channels and their categories (from the report, so included files count too), `let` names, and the
/// titles of local sections and tables.
package struct SessionVocabulary: Sendable, Equatable {
    package var channels: [String] = []
    package var categories: [String: [String]] = [:]
    package var bindings: [String] = []
    package var localSections: [String] = []
    package var localTables: [String] = []

    package init() {}

    package init(sessionText: String, report: Report) {
        for channel in report.channels where !channels.contains(channel.name) {
            channels.append(channel.name)
            categories[channel.name, default: []] += channel.categories.map(\.name).filter { !(categories[channel.name] ?? []).contains($0) }
        }
        for section in report.sections {
            if case .local(let title) = section.kind { localSections.append(title) }
            for case .table(let table) in section.blocks where !table.title.isEmpty { localTables.append(table.title) }
        }
        for case .table(let table) in report.introduction where !table.title.isEmpty { localTables.append(table.title) }
        let script = Parser.parse(SourceFile(path: "", text: sessionText), file: FileID(0)).script
        for statement in script.statements {
            if case .binding(let name, _) = statement.kind, !bindings.contains(name.text) { bindings.append(name.text) }
        }
    }

    /// Every category name used under any channel, each once.
    package var allCategories: [String] {
        var seen = Set<String>()
        return channels.flatMap { categories[$0] ?? [] }.filter { seen.insert($0).inserted }
    }
}

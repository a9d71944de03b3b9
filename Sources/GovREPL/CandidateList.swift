import Gov
import GovLanguage
import GovRender
import GovReport

/// Completion candidates laid out in columns, down then across like `ls`, aligned by display width so
/// Chinese names line up.
enum CandidateList {
    static func text(_ items: [String], width: Int) -> String {
        guard !items.isEmpty else { return "" }
        let cell = (items.map(DisplayWidth.of).max() ?? 1) + 2
        let columns = max(1, min(items.count, width / cell))
        let rows = (items.count + columns - 1) / columns
        var lines: [String] = []
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < items.count else { break }
                let isLast = column == columns - 1 || index + rows >= items.count
                line += isLast ? items[index] : DisplayWidth.pad(items[index], to: cell)
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

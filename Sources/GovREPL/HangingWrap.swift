import GovLanguage

/// A line too wide for the terminal, wrapped as a paragraph where `LineBreaker` allows a break: its
/// continuation lines are indented four columns past the line's own indent, so they read as one item
/// (help text, the echo of an entry).
enum HangingWrap {
    static func lines(_ line: String, width: Int) -> [String] {
        guard DisplayWidth.of(line) > width else { return [line] }
        let indent = String(line.prefix { $0 == " " })
        let hanging = indent + "    "
        let text = String(line.dropFirst(indent.count))
        guard let head = LineBreaker.wrap(text, width: max(10, width - indent.count)).first else { return [line] }
        let remainder = String(text.dropFirst(head.count).drop { $0 == " " })
        let rest = LineBreaker.wrap(remainder, width: max(10, width - hanging.count))
        return [indent + head] + rest.filter { !$0.isEmpty }.map { hanging + $0 }
    }
}

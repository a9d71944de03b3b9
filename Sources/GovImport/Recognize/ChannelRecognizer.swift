/// A channel's categories where the text lists them: "政务公开平台公开数100条，其中法规公文7条，公式公告7条，…"
/// becomes `channel 政务公开平台 100` and a `category` per part, so `gov check` adds the parts up (rule C4).
/// The paragraph itself stays verbatim; only counts in 条 followed by 其中 are read.
enum ChannelRecognizer {
    struct Channel: Equatable {
        let name: String
        let count: String
        let categories: [(name: String, count: String)]
        /// The sentence it was read from, for the comment.
        let source: String

        static func == (a: Channel, b: Channel) -> Bool {
            a.name == b.name && a.count == b.count && a.categories.map(\.name) == b.categories.map(\.name)
                && a.categories.map(\.count) == b.categories.map(\.count)
        }
    }

    static func channels(in paragraph: String) -> [Channel] {
        guard paragraph.contains("其中"), paragraph.contains("条") else { return [] }
        let text = Array(paragraph.unicodeScalars)
        var found: [Channel] = []
        var index = 0
        while index + 1 < text.count {
            defer { index += 1 }
            guard text[index] == "其", text[index + 1] == "中", let channel = channel(around: index, in: text) else { continue }
            if !found.contains(channel) { found.append(channel) }
        }
        return found
    }

    static let delimiters: Set<Unicode.Scalar> = ["，", "。", "；", "：", ":", "、", ",", ";", "\n"]
    static let joiners: Set<Unicode.Scalar> = ["，", ",", "：", ":", " ", "\u{3000}"]

    /// Hand-written (a regular expression was most of an import's time): NAME N条，其中 A a条，B b条…
    private static func channel(around mark: Int, in text: [Unicode.Scalar]) -> Channel? {
        // Backwards from 其中: "条", the count, the name back to the clause's start.
        var position = mark - 1
        while position >= 0, joiners.contains(text[position]) { position -= 1 }
        guard position >= 0, text[position] == "条" else { return nil }
        position -= 1
        while position >= 0, text[position] == " " { position -= 1 }
        let countEnd = position + 1
        while position >= 0, ValueLexer.digit(text[position]) { position -= 1 }
        guard position + 1 < countEnd else { return nil }
        let count = string(text[(position + 1)..<countEnd])
        let nameEnd = position + 1
        while position >= 0, !delimiters.contains(text[position]), nameEnd - position <= 30 { position -= 1 }
        let name = clean(string(text[(position + 1)..<nameEnd]))
        guard !name.isEmpty, !name.unicodeScalars.contains(where: ValueLexer.digit) else { return nil }

        // Forwards: parts "NAME n条" joined by ，、；.
        var cursor = mark + 2
        while cursor < text.count, joiners.contains(text[cursor]) { cursor += 1 }
        var categories: [(String, String)] = []
        while cursor < text.count {
            let partStart = cursor
            while cursor < text.count, !ValueLexer.digit(text[cursor]), !delimiters.contains(text[cursor]), cursor - partStart <= 30 { cursor += 1 }
            guard cursor < text.count, ValueLexer.digit(text[cursor]), cursor > partStart else { break }
            let digitsStart = cursor
            while cursor < text.count, ValueLexer.digit(text[cursor]) { cursor += 1 }
            let digitsEnd = cursor
            while cursor < text.count, text[cursor] == " " { cursor += 1 }
            guard cursor < text.count, text[cursor] == "条" else { break }
            let category = clean(string(text[partStart..<digitsStart]))
            if !category.isEmpty { categories.append((category, string(text[digitsStart..<digitsEnd]))) }
            cursor += 1
            guard cursor < text.count, ["，", "、", ",", "；", ";"].contains(text[cursor]) else { break }
            cursor += 1
        }
        guard categories.count >= 2 else { return nil }
        return Channel(name: name, count: count, categories: categories, source: string(text[(position + 1)..<min(cursor, text.count)]))
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// "政务公开平台公开数" → "政务公开平台"; "2020年，本镇新增主动公开政府信息" keeps its words but not the year.
    static func clean(_ raw: String) -> String {
        var name = raw.trimmingSpaces
        for suffix in ["公开信息数", "公开条数", "公开数", "发布信息", "信息数", "共计", "累计", "共", "数"] where name.hasSuffix(suffix) && name.count > suffix.count {
            name = String(name.dropLast(suffix.count))
            break
        }
        for prefix in ["其中", "另有", "通过"] where name.hasPrefix(prefix) && name.count > prefix.count {
            name = String(name.dropFirst(prefix.count))
        }
        return name.trimmingSpaces
    }
}

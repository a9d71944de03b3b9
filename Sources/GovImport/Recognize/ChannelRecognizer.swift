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
        var found: [Channel] = []
        let pattern = #/([^，。；：:、,;]{1,30}?)(\d+)\s*条\s*[，,]?\s*其中\s*[，,：:]?((?:[^，。；、,;]{1,30}?\d+\s*条\s*[，、,；;]?\s*)+)/#
        for match in paragraph.matches(of: pattern) {
            let name = clean(String(match.1))
            guard !name.isEmpty else { continue }
            var categories: [(String, String)] = []
            for part in String(match.3).matches(of: #/([^，。；、,;]{1,30}?)(\d+)\s*条/#) {
                let category = clean(String(part.1))
                if !category.isEmpty { categories.append((category, String(part.2))) }
            }
            guard categories.count >= 2 else { continue }
            found.append(Channel(name: name, count: String(match.2), categories: categories, source: String(match.0)))
        }
        return found
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

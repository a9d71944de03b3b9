import GovReport

/// Finds the official sections' headings as reports print them: a Chinese numeral and "、", then a title
/// with the section's distinctive words (numbering shifts when a report inserts a section of its own).
/// A heading is found on a line of its own or inside text that an archive ran together.
enum SectionHeadings {
    struct Found {
        let kind: RecognizedReport.SectionKind
        /// The numeral printed ("三").
        let numeral: Unicode.Scalar
        /// Start and end (in scalars) of the heading inside the text, numeral included.
        let range: Range<Int>
        /// The title as printed, without its numeral.
        let title: String
    }

    static let numerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// Distinctive words of each official section's title.
    static let keys: [OfficialSection: [String]] = [
        .overview: ["总体情况", "基本情况"], .proactive: ["主动公开"], .applications: ["收到和处理", "处理政府信息公开申请", "依申请公开"],
        .appeals: ["行政复议", "行政诉讼"], .problems: ["存在的主要问题", "问题及改进", "主要问题"],
        .other: ["其他需要报告", "其他事项"],
    ]

    /// The first official heading in `text` of a section after `after` (or any, when nil).
    static func firstOfficial(in text: [Unicode.Scalar], after: OfficialSection?) -> Found? {
        var best: Found?
        var index = 0
        while index + 1 < text.count {
            defer { index += 1 }
            guard numerals.contains(text[index]), text[index + 1] == "、" || text[index + 1] == "." || text[index + 1] == "．" else { continue }
            // "第三、" "十一、" are not section numerals; after anything else (text run together) they may be.
            if index > 0, numerals.contains(text[index - 1]) || text[index - 1] == "第" || text[index - 1] == "之" { continue }
            let titleStart = index + 2
            let window = min(text.count, titleStart + 26)
            let head = String(String.UnicodeScalarView(text[titleStart..<window]))
            // Rows of the applications table are numbered 一、二、四、 too.
            if ["本年新收", "上年结转", "本年度办理", "结转下年度"].contains(where: { head.trimmingSpaces.hasPrefix($0) }) { continue }
            for section in OfficialSection.allCases where after.map({ section > $0 }) ?? true {
                guard let keyWords = keys[section],
                    let hit = keyWords.compactMap({ head.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound })
                else { continue }
                let keyEnd = head.unicodeScalars.distance(from: head.unicodeScalars.startIndex, to: hit.upperBound)
                let end = titleEnd(text, from: titleStart, keyEnd: titleStart + keyEnd)
                let title = String(String.UnicodeScalarView(text[titleStart..<end])).trimmingSpaces
                let found = Found(kind: .official(section), numeral: text[index], range: index..<end, title: title)
                if found.range.lowerBound < (best?.range.lowerBound ?? Int.max) { best = found }
                break
            }
            if best != nil { return best }
        }
        return best
    }

    /// A heading ends after "情况"/"事项" (the titles' last words) when they follow its key words, else at
    /// its paragraph's end when the paragraph is short, else after its key words.
    private static func titleEnd(_ text: [Unicode.Scalar], from start: Int, keyEnd: Int) -> Int {
        let paragraphEnd = text[start...].firstIndex(of: "\n") ?? text.count
        var index = max(start, keyEnd - 2)
        while index + 1 < min(paragraphEnd, start + 34) {
            if (text[index] == "情" && text[index + 1] == "况") || (text[index] == "事" && text[index + 1] == "项") {
                return index + 2
            }
            index += 1
        }
        if paragraphEnd - start <= 34, !text[start..<paragraphEnd].contains("。") { return paragraphEnd }
        return keyEnd
    }

    /// A paragraph that is a numbered heading of a section the format does not have ("三、公开平台建设和信息发布情况").
    /// Only the numeral that follows the last section's counts (`expected`), and not a line with numbers
    /// on it (a table row such as "一、本年新收政府信息公开申请数量 9 0 …").
    static func local(_ paragraph: String, expected: Unicode.Scalar?) -> String? {
        let scalars = Array(paragraph.unicodeScalars)
        guard scalars.count >= 4, scalars.count <= 34, numerals.contains(scalars[0]), scalars[1] == "、",
            expected == nil || scalars[0] == expected,
            !scalars.contains("。"), !scalars.contains("，"), !scalars.contains(where: { ValueLexer.digit($0) })
        else { return nil }
        return String(String.UnicodeScalarView(scalars[2...])).trimmingSpaces
    }

    static let numeralOrder: [Unicode.Scalar] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// The numeral after the one a heading printed ("三、…" → "四").
    static func numeral(after heading: Unicode.Scalar?) -> Unicode.Scalar? {
        guard let heading, let index = numeralOrder.firstIndex(of: heading), index + 1 < numeralOrder.count else { return nil }
        return numeralOrder[index + 1]
    }

    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }
}

extension String {
    /// Trimmed of spaces, tabs, line breaks, U+3000 and no-break spaces (without copying the scalars:
    /// it is asked of every paragraph and cell).
    var trimmingSpaces: String {
        let view = unicodeScalars
        guard let first = view.firstIndex(where: { !ScanText.isSpace($0) }),
            let last = view.lastIndex(where: { !ScanText.isSpace($0) })
        else { return "" }
        if first == view.startIndex && view.index(after: last) == view.endIndex { return self }
        return String(view[first...last])
    }
}

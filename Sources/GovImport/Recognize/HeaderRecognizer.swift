/// The report's header as printed: title (one or two lines), body, year, publication date, sign-off, and
/// the number of parts the introduction announces.
enum HeaderRecognizer {
    struct Title {
        /// Index of the paragraph holding the title, and the title's place in it.
        let paragraph: Int
        let text: String
        let body: String
        let year: Int
        /// Text of that paragraph before and after the title (page chrome, or the introduction run on).
        let before: String
        let after: String
        /// The paragraph before was the first line of the title (the body's name on a line of its own).
        let usesPreviousLine: Bool
        /// The first paragraph of the title (it may take two).
        let firstParagraph: Int
    }

    /// "…2021年度政府信息公开工作年度报告", "…2020年度政务公开工作年度报告", "…年政府信息公开年报".
    static func findTitle(_ paragraphs: [(index: Int, text: String)]) -> Title? {
        let pattern = #/([^\s，。：:、“”"《》]{0,40}?)[ \t　]?([\d〇零一二三四五六七八九]{4})\s*年\s*度?\s*([^\s，。]{0,24}?)(政府信息公开|政务公开|信息公开)(工作)?\s*(年度工作报告|年度报告|年报)/#
        for (position, paragraph) in paragraphs.prefix(400).enumerated() {
            // Only near "报告"/"年报": the expression is slow on a long run-together page.
            // A title wrapped onto a second line ("…2021 年政府信息公开" / "工作年度报告") is read joined.
            var candidate = paragraph.text
            var wrapped = false
            // (Only when the first line already has the year: "淮安市人民政府" over "2024年…报告" is two lines.)
            if candidate.range(of: "年度报告") == nil, candidate.range(of: "年报") == nil, candidate.count <= 40,
                candidate.firstMatch(of: #/\d{4}\s*年/#) != nil,
                position + 1 < paragraphs.count, paragraphs[position + 1].text.count <= 40
            {
                candidate += paragraphs[position + 1].text.trimmingSpaces
                wrapped = true
            }
            guard let anchor = candidate.range(of: "年度报告") ?? candidate.range(of: "年报") ?? candidate.range(of: "工作报告") else { continue }
            let windowStart = candidate.index(anchor.lowerBound, offsetBy: -80, limitedBy: candidate.startIndex) ?? candidate.startIndex
            let window = candidate[windowStart..<anchor.upperBound]
            guard let match = window.firstMatch(of: pattern), let year = arabicYear(String(match.2)) else { continue }
            let prefix = String(match.1)
            var body = prefix
            var text = String(match.0)
            var usesPrevious = false
            if prefix.isEmpty, position > 0 {
                let previous = paragraphs[position - 1].text.trimmingSpaces
                if looksLikeBodyName(previous) {
                    body = previous
                    text = previous + "\n" + text
                    usesPrevious = true
                }
            }
            return Title(
                paragraph: wrapped ? paragraphs[position + 1].index : paragraph.index, text: text, body: body, year: year,
                before: String(candidate[..<match.range.lowerBound]).trimmingSpaces,
                after: String(candidate[match.range.upperBound...]).trimmingSpaces, usesPreviousLine: usesPrevious,
                firstParagraph: usesPrevious ? paragraphs[position - 1].index : paragraph.index)
        }
        return nil
    }

    /// "2021" or "二〇二一" → 2021.
    static func arabicYear(_ text: String) -> Int? {
        let digits: [Character: Character] = ["〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"]
        return Int(String(text.map { digits[$0] ?? $0 }))
    }

    /// A short line naming an office: no sentence punctuation, ends like an office's name.
    static func looksLikeBodyName(_ line: String) -> Bool {
        // "青禾县示范局（虚构）": a bracketed remark after the name.
        var line = line
        if line.hasSuffix("）"), let open = line.lastIndex(of: "（"), open > line.startIndex { line = String(line[..<open]) }
        let count = line.count
        guard count >= 2, count <= 30, line.firstMatch(of: #/[。，；：:,;？?！!、\d]/#) == nil else { return false }
        let endings = ["政府", "局", "办公室", "委员会", "委", "院", "厅", "中心", "所", "处", "管委会", "街道", "镇", "乡", "部", "会", "署", "区", "县", "市", "站", "队", "馆", "社"]
        return endings.contains { line.hasSuffix($0) }
    }

    /// "2021年1月20日" or "2021-01-20" → "2021-01-20".
    static func date(_ text: String) -> String? {
        let trimmed = text.trimmingSpaces
        if let match = trimmed.wholeMatch(of: #/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/#) {
            return iso(String(match.1), String(match.2), String(match.3))
        }
        if let match = trimmed.wholeMatch(of: #/(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/#) {
            return iso(String(match.1), String(match.2), String(match.3))
        }
        return nil
    }

    static func iso(_ year: String, _ month: String, _ day: String) -> String? {
        guard let y = Int(year), let m = Int(month), let d = Int(day), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    /// A publication date stated in page chrome: "时间：2022-02-08 16:34", "发布日期：2021年1月20日".
    static func chromeDate(_ text: String) -> String? {
        guard let match = text.firstMatch(of: #/(?:发布)?(?:时间|日期)\s*[:：]\s*(\d{4})(?:-|年)(\d{1,2})(?:-|月)(\d{1,2})/#) else { return nil }
        return iso(String(match.1), String(match.2), String(match.3))
    }

    /// A web page's footer line: the site's, not the report's ("主办单位：…", "网站标识码", "ICP备…").
    static func isPageFooter(_ text: String) -> Bool {
        let words = ["版权所有", "主办单位", "承办单位", "主办：", "承办：", "ICP备", "网站标识码", "技术支持", "网站地图", "公网安备", "联系我们", "打印本页", "关闭窗口", "【打印】", "【关闭】", "分享到"]
        return text.count <= 200 && words.contains { text.contains($0) }
    }

    /// A web page's line about the article: when, from whom, how often read, the font size.
    static func isPageChrome(_ text: String) -> Bool {
        let words = ["发布时间", "发布日期", "来源：", "浏览次数", "点击数", "访问量", "【字体", "字体：", "字号：", "索引号", "信息来源"]
        return text.count <= 200 && words.filter { text.contains($0) }.count >= 1 && !text.contains("。")
    }

    /// "…六部分组成", "…等六个部分" → 6.
    static func announcedParts(_ intro: String) -> Int? {
        guard let match = intro.firstMatch(of: #/([一二三四五六七八九十])个?部分/#) else { return nil }
        return ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10][String(match.1)]
    }

    /// The statistics period names the year when the title does not: "自2020年1月1日至2020年12月31日".
    static func yearFromPeriod(_ text: String) -> Int? {
        guard let match = text.firstMatch(of: #/自\s*(\d{4})\s*年\s*1\s*月\s*1\s*日/#) else { return nil }
        return Int(match.1)
    }
}

import Foundation

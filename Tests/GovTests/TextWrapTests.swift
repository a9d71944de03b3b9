import Foundation
import Testing

@testable import Gov
@testable import GovLanguage
@testable import GovRender

/// Line breaking for the terminal: where a line may break, and that the text report keeps to its width.
struct TextWrapTests {
    struct Case: CustomStringConvertible, Sendable {
        let text: String
        let width: Int
        let lines: [String]
        var description: String { "\(text) @\(width)" }
    }

    static let cases: [Case] = [
        // A number is one word: "2021年" moves whole rather than "20|21年".
        Case(text: "统计期限自2021年1月1日", width: 12, lines: ["统计期限自", "2021年1月1日"]),
        // An address and a telephone number are not cut.
        Case(text: "网址www.pingtan.gov.cn，电话0591-23165370。", width: 24, lines: ["网址www.pingtan.gov.cn，", "电话0591-23165370。"]),
        // Closing punctuation never starts a line: it takes the character before it along.
        Case(text: "一二三四五，六", width: 10, lines: ["一二三四", "五，六"]),
        // A Latin closer neither: help mixes the scripts ("…title;" once left a lone ";" on a line).
        Case(text: "a local section's title;", width: 22, lines: ["a local section's", "title;"]),
        Case(text: "(see gov help codes)", width: 19, lines: ["(see gov help", "codes)"]),
        // Opening punctuation never ends a line.
        Case(text: "一二三四（五）", width: 10, lines: ["一二三四", "（五）"]),
        // A word wider than the line is the one thing that is cut.
        Case(text: "abcdefghij", width: 4, lines: ["abcd", "efgh", "ij"]),
        Case(text: "短", width: 10, lines: ["短"]),
        Case(text: "English words break at spaces", width: 12, lines: ["English", "words break", "at spaces"]),
    ]

    @Test(arguments: cases)
    func breaksWhereAReaderExpects(_ example: Case) {
        let lines = LineBreaker.wrap(example.text, width: example.width)
        #expect(lines == example.lines)
        for line in lines where line.count > 1 { #expect(DisplayWidth.of(line) <= example.width, "\(line)") }
    }

    static let titles: [(String, Int, [String])] = [
        ("青禾县示范局（虚构）2021年政府信息公开工作年度报告", 40, ["青禾县示范局（虚构）2021年", "政府信息公开工作年度报告"]),
        ("青禾县文化和旅游局（虚构）2021年政府信息公开工作年度报告", 40, ["青禾县文化和旅游局（虚构）2021年", "政府信息公开工作年度报告"]),
        // It fits: one line.
        ("大隐镇2020年度政务公开工作年度报告", 40, ["大隐镇2020年度政务公开工作年度报告"]),
        // No word break fits: the ordinary wrap.
        ("一二三四五六七八九十一二三四五六七八九十一二", 20, ["一二三四五六七八九十", "一二三四五六七八九十", "一二"]),
    ]

    /// Titles break between words into balanced lines, the upper not the shorter (GB/T 9704).
    @Test func titlesBreakBalancedAtAWord() {
        for (title, capacity, lines) in TextWrapTests.titles { #expect(TitleLines.balanced(title, capacity: capacity) == lines) }
    }

    static let widths = [40, 52, 64, 80, 100, 132, 200]

    /// No line of any example (the published reports included) is wider than --width, at any width.
    @Test(arguments: widths)
    func theTextReportKeepsToItsWidth(width: Int) {
        for example in GoldenTests.examples {
            let text = Gov.text(GoldenTests.evaluateExample(example), width: width)
            for line in text.split(separator: "\n") {
                #expect(DisplayWidth.of(String(line)) <= width, "\(example) at \(width): \(DisplayWidth.of(String(line))) columns: \(line)")
            }
        }
    }

    /// The heading bands of table 2 (申请人情况, 法人或其他组织) and table 3 (行政复议, 行政诉讼, and its two
    /// kinds) are shown whether the table fits on one band of columns or is cut into several.
    @Test(arguments: widths + [260])
    func tableHeadingBandsAtEveryWidth(width: Int) {
        let text = Gov.text(GoldenTests.evaluateExample("fictional-2021.gov"), width: width)
        guard let applications = text.range(of: "三、收到和处理政府信息公开申请情况"), let appeals = text.range(of: "四、政府信息公开行政复议、行政诉讼情况"),
            let after = text.range(of: "五、存在的主要问题及改进情况")
        else {
            Issue.record("sections missing")
            return
        }
        let table2 = String(text[applications.upperBound..<appeals.lowerBound])
        let table3 = String(text[appeals.upperBound..<after.lowerBound])
        for band in ["申请人", "法人或其他组织"] { #expect(table2.contains(band), "table 2 at \(width) lacks \(band)") }
        for band in ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"] { #expect(table3.contains(band), "table 3 at \(width) lacks \(band)") }
    }

    /// Punctuation is looked up by its scalar only where one scalar decides; a character spelled otherwise
    /// but canonically the same (U+037E is ";") still binds like the one in the table, and a compatibility
    /// ideograph is asked of the set, not its scalar.
    @Test(arguments: [
        ("好;", ["好;"]),
        ("好\u{37E}", ["好\u{37E}"]),
        ("好。", ["好。"]),
        ("（好", ["（好"]),
        ("好 ;", ["好", " ", ";"]),
        ("\u{F967}好", ["\u{F967}", "好"]),
    ])
    func punctuationBindsByWhatItIs(text: String, units: [String]) {
        #expect(LineBreaker.units(text) == units)
    }
}

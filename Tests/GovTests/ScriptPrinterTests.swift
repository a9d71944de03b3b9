import Foundation
import Testing
import GovReport
import GovRender

@testable import GovLanguage

/// Table-driven: each script and its canonical layout. Every expected output is itself checked to be a
/// fixed point (formatting it again changes nothing).
struct ScriptPrinterTests {
    static let cases: [(name: String, input: String, expected: String)] = [
        ("spacing between tokens", "  year   2021\napplication  new 3   carried   1\n", "year 2021\n\napplication new 3 carried 1\n"),
        ("signs stay on their numbers", "proactive licensing change +9\nproactive services change - 18\n",
         "proactive licensing change  +9\nproactive services  change -18\n"),
        ("expressions: binary operators spaced, paths and parentheses tight",
         "let a = ( 1+2 )*-3\nassert application . new>=a-1 \"多\"\nassert -a < 0\n",
         "let a = (1 + 2) * -3\nassert application.new >= a - 1 \"多\"\nassert -a < 0\n"),
        ("a value in parentheses", "application new ( a - 1 ) carried(b)\n", "application new (a - 1) carried (b)\n"),
        ("table cells line up, numbers to the right",
         "proactive regulations issued 0 repealed 0 effective 3\nproactive normative issued 12 repealed 2 effective 48\n",
         "proactive regulations issued  0 repealed 0 effective  3\nproactive normative   issued 12 repealed 2 effective 48\n"),
        ("Chinese widths count double", "渠道 政府网站 312\n类别 政策文件 48\n类别 其他 3\n",
         "渠道 政府网站 312\n类别 政策文件  48\n类别 其他       3\n"),
        ("a comment line ends an aligned table", "application new 40\n# 企业\napplication business new 3\n",
         "application new 40\n# 企业\napplication business new 3\n"),
        ("trailing comments start in one column", "year 2021 # 年度\nparts 6      # 六部分\n",
         "year 2021  # 年度\nparts 6    # 六部分\n"),
        ("the header comes first, with its comments",
         "# 文件说明\n\ntext \"引言\"\n# 机关\nbody 某局\nyear 2021\n",
         "# 文件说明\n\n# 机关\nbody 某局\nyear 2021\n\ntext \"引言\"\n"),
        ("header order is fixed", "parts 6\nprevious \"2020.gov\"\nyear 2021\nbody 某局\n",
         "body 某局\nyear 2021\nparts 6\nprevious \"2020.gov\"\n"),
        ("a year that names a let stays after the let", "let y = 2021\nyear (y)\nbody 某局\n",
         "body 某局\n\nlet y = 2021\nyear (y)\n"),
        // Found by the fuzzer: the second `year` moved above the first, and became the one that counts.
        ("a year written again stays behind one that names a let", "let y = 2021\nyear (y)\nyear 2020\nbody 某局\n",
         "body 某局\n\nlet y = 2021\nyear (y)\nyear 2020\n"),
        ("no reordering when the script includes files", "include \"common.gov\"\nbody 某局\n", "include \"common.gov\"\nbody 某局\n"),
        ("one blank line at most, one before each section",
         "\n\nbody 某局\n\n\n\ntext \"a\"\nsection overview\ntext \"b\"\n# 申请\nsection applications\n\n\n",
         "body 某局\n\ntext \"a\"\n\nsection overview\ntext \"b\"\n\n# 申请\nsection applications\n"),
        ("text blocks are kept byte for byte", "text \"\"\"\n  第一段 {year}\n\n第二段   \n\"\"\"   # 注\n",
         "text \"\"\"\n  第一段 {year}\n\n第二段   \n\"\"\"  # 注\n"),
        ("a comment inside a parenthesised expression keeps the statement as written",
         "let a = (1 +   # 一\n   2)\nyear   2021\n", "year 2021\n\nlet a = (1 +   # 一\n   2)\n"),
        ("a multi-line expression without comments joins onto one line", "let a = (1 +\n   2)\n", "let a = (1 + 2)\n"),
        ("keywords keep the language they were written in", "机关 某局\n年度 2021\n申请 商业企业 本年新收 3\n",
         "机关 某局\n年度 2021\n\n申请 商业企业 本年新收 3\n"),
        ("quoted names and decimals as written", "channel \"政府 网站\" 3\nproactive fees amount 5949.088600\n",
         "channel \"政府 网站\" 3\nproactive fees amount 5949.088600\n"),
        ("ideographic spaces become spaces", "year\u{3000}2021\n", "year 2021\n"),
        ("CRLF files stay CRLF", "body 某局\r\nyear  2021\r\ntext \"\"\"\r\n段\r\n\"\"\"\r\n",
         "body 某局\r\nyear 2021\r\n\r\ntext \"\"\"\r\n段\r\n\"\"\"\r\n"),
        ("a byte-order mark is kept", "\u{FEFF}body 某局\n", "\u{FEFF}body 某局\n"),
        ("an empty file stays empty", "", ""),
        ("comments only", "# 一\n\n\n# 二   \n", "# 一\n\n# 二\n"),
    ]

    @Test(arguments: cases)
    func layout(name: String, input: String, expected: String) {
        let output = ScriptPrinter.format(source: SourceFile(path: "t.gov", text: input))
        #expect(output == expected, "\(name)")
        if case .formatted(let again) = ScriptPrinter.layout(SourceFile(path: "t.gov", text: output)) {
            #expect(again == output, "\(name): not a fixed point")
        } else {
            Issue.record("\(name): the output does not format")
        }
    }

    @Test func aScriptWithSyntaxErrorsIsNotFormatted() {
        let source = SourceFile(path: "t.gov", text: "body 某局\nchanel 微博 3\n")
        guard case .notFormatted(let diagnostics) = ScriptPrinter.layout(source) else {
            Issue.record("formatted a script with a syntax error")
            return
        }
        #expect(diagnostics.map(\.code) == ["E010"])
        #expect(ScriptPrinter.format(source: source) == "body 某局\nchanel 微博 3\n", "left as it was")
    }

    @Test func bytesThatAreNotUTF8AreLeftAlone() {
        let bytes: [UInt8] = Array("body ".utf8) + [0xB4, 0xF3] + Array("\n".utf8)
        guard case .notFormatted(let diagnostics) = ScriptPrinter.layout(SourceFile(path: "gbk.gov", bytes: bytes)) else {
            Issue.record("formatted a file that is not UTF-8")
            return
        }
        #expect(diagnostics.map(\.code) == ["E007"])
    }

    @Test func recordingCommentsDoesNotChangeTheTokens() {
        let text = "body 某局 # 注释\n# 整行\ntext \"#不是注释\"\n"
        var plain = Lexer(bytes: Array(text.utf8), file: FileID(0))
        plain.run()
        var recording = Lexer(bytes: Array(text.utf8), file: FileID(0), recordsComments: true)
        recording.run()
        #expect(plain.tokens == recording.tokens)
        #expect(plain.comments.isEmpty)
        let source = SourceFile(path: "t", text: text)
        #expect(recording.comments.map { source.text($0) } == ["# 注释", "# 整行"])
    }
}

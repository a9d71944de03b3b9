import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import GovReport
import GovRender
import GovLanguage

@testable import Gov

/// Script text with markup in it comes out inert in every format that could run or misread it.
struct EscapingTests {
    static let hostile = """
        body "<script>alert(1)</script> & \\"q\\" ]]>"
        year 2021
        text "<b>粗</b> & ]]> \\"引号\\" [点我](javascript:alert(1)) | 竖线"
        section "<img src=x onerror=alert(1)>"
        table "<t>"
        columns "<c>" "=cmd()"
        row "<r>" "-2+3"
        """

    var evaluation: Evaluation { Gov.evaluate(source: EscapingTests.hostile, path: "hostile.gov") }

    @Test func htmlIsInert() throws {
        let html = String(decoding: try Gov.render(evaluation, as: .html), as: UTF8.self)
        for raw in ["<script>", "<b>", "<img", "<t>", "<c>", "<r>"] { #expect(!html.contains(raw), "\(raw) leaked") }
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; ]]&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
    }

    @Test func wordIsWellFormedAndInert() throws {
        let data = try Gov.render(evaluation, as: .docx)
        let xml = try RenderGoldenTests.part("word/document.xml", of: data)
        #expect(XMLParser(data: Data(xml.utf8)).parse())
        #expect(!xml.contains("<script>") && xml.contains("&lt;script&gt;") && xml.contains("]]&gt;"))
        let core = try RenderGoldenTests.part("docProps/core.xml", of: data)
        #expect(XMLParser(data: Data(core.utf8)).parse())
    }

    @Test func markdownIsInert() throws {
        let markdown = String(decoding: try Gov.render(evaluation, as: .markdown), as: UTF8.self)
        #expect(!markdown.contains("<script>") && !markdown.contains("<b>") && !markdown.contains("<img"))
        #expect(markdown.contains("&lt;script&gt;") && markdown.contains("\\[点我\\]") && markdown.contains("\\| 竖线"))
    }

    @Test func csvDefusesFormulas() throws {
        let csv = String(decoding: try Gov.render(evaluation, as: .csv), as: UTF8.self)
        #expect(csv.contains("'=cmd()") && csv.contains("'-2+3"))
        #expect(!csv.contains(",=cmd()"))
    }

    @Test func jsonKeepsTheTextAsData() throws {
        let object = try JSONSerialization.jsonObject(with: try Gov.render(evaluation, as: .json)) as? [String: Any]
        let header = object?["header"] as? [String: Any]
        #expect(header?["body"] as? String == "<script>alert(1)</script> & \"q\" ]]>")
    }

    /// HTML escaping works on bytes: every special byte becomes its entity, a `<` followed by a combining
    /// mark included (as a `Character` it is not "<"), and text without one comes back unchanged.
    @Test(arguments: [
        ("青禾县 2021", "青禾县 2021"),
        ("a<b>c", "a&lt;b&gt;c"),
        ("&\"'", "&amp;&quot;&#39;"),
        ("<\u{338}script>", "&lt;\u{338}script&gt;"),
        ("≮", "≮"),
        ("", ""),
    ])
    func htmlEscapeCoversEverySpecialByte(text: String, escaped: String) {
        #expect(HTMLEscape.text(text).utf8.elementsEqual(escaped.utf8))
    }
}

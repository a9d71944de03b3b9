import Testing
import GovReport
import GovRender

@testable import GovLanguage

struct DiagnosticPrinterTests {
    /// (source line, byte offset of the span, span length in bytes, expected caret line after the gutter).
    static let cases: [(String, Int, Int, String)] = [
        ("channel 微博 -3", 15, 2, "             ^^"),
        ("channel 微信公众号“大隐山水” x", 42, 1, String(repeating: " ", count: 29) + "^"),
        ("\tyear 20", 6, 2, "      ^^"),
        ("row 统计指标", 4, 12, "    ^^^^^^^^"),
    ]

    @Test(arguments: cases)
    func caretSitsUnderTheSpanInDisplayColumns(line: String, start: Int, length: Int, caret: String) {
        let sources = SourceManager()
        let file = sources.add(SourceFile(path: "t.gov", text: line + "\n"))
        let diagnostic = Diagnostic(code: "E000", message: "m", range: SourceRange(file: file, start: start, end: start + length))
        let lines = DiagnosticPrinter().format(diagnostic, sources: sources).split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("t.gov:1:"))
        #expect(lines[3] == "  | " + caret)
    }

    @Test func colourOnlyWhenAsked() {
        let sources = SourceManager()
        let file = sources.add(SourceFile(path: "t.gov", text: "x\n"))
        let diagnostic = Diagnostic(code: "E000", message: "m", range: SourceRange(file: file, start: 0, end: 1))
        #expect(!DiagnosticPrinter(useColor: false).format(diagnostic, sources: sources).contains("\u{1B}"))
        #expect(DiagnosticPrinter(useColor: true).format(diagnostic, sources: sources).contains("\u{1B}[1;31m"))
    }
}

import Foundation
import Gov
import Testing

/// Uses only the public API, exactly as the README's embedding example does.
struct PublicAPITests {
    @Test func theReadmeEmbeddingExampleWorks() throws {
        // --- README example start ---
        let source = """
            body 青禾县示范局
            year 2021
            application new 3 granted 2
            text "全年新收申请{application.new}件，结转下年度{application.forward}件。"
            """
        let evaluation = Gov.evaluate(source: source, path: "demo.gov")
        if evaluation.hasErrors { print(Gov.diagnostics(evaluation)) }
        let report = evaluation.report
        let carriedForward = report.count(.application(.forward, .all))   // derived: 3 − 2 = 1
        let text = Gov.text(evaluation)                                  // for a terminal
        let word = try Gov.render(evaluation, as: .docx)                 // Data: the .docx package
        // --- README example end ---
        #expect(word.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(!evaluation.hasErrors)
        #expect(carriedForward == 1)
        #expect(text.contains("全年新收申请3件，结转下年度1件。"))
        #expect(report.edition == .y2021 && report.header.title == "青禾县示范局2021年政府信息公开工作年度报告")
    }

    @Test func readmeShowsTheSameExample() throws {
        let readme = try String(contentsOf: Paths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("let evaluation = Gov.evaluate(source: source, path: \"demo.gov\")"))
        #expect(readme.contains("report.count(.application(.forward, .all))"))
        #expect(readme.contains("let word = try Gov.render(evaluation, as: .docx)"))
    }
}

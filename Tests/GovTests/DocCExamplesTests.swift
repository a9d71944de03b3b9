import Foundation
import Gov
import Testing

/// The code examples of the DocC catalog (Sources/Gov/Gov.docc) are compiled and run here, through
/// `import Gov` alone, as an embedder would write them; a second test checks that every example in the
/// catalog appears here verbatim, so the documentation cannot drift from code that compiles.
struct DocCExamplesTests {
    @Test func theCatalogExamplesRun() throws {
        // --- Gov.docc examples start ---
        let evaluation = Gov.evaluate(source: "body 青禾县示范局\nyear 2021\napplication new 3 granted 2\n", path: "demo.gov")
        let forward = evaluation.report.count(.application(.forward, .all))
        let problems = evaluation.findings.filter { $0.severity == .error }

        for finding in evaluation.findings {
            let kind = finding.code.kind
            let cells = finding.arithmetic?.cells.compactMap { $0.cell.flatMap(CellID.init(key:)) } ?? []
            print(finding.code, kind.map(\.rawValue) ?? "", cells.map(\.path))
        }
        let allCodes = DiagnosticCode.registry.map(\.code)

        let text = Gov.text(evaluation, width: 80)
        let word = try Gov.render(evaluation, as: .docx)
        let page = try Gov.render(evaluation, as: .html, options: Gov.RenderOptions(annotate: true))
        let tables = Gov.csvTables(evaluation)

        let batch = Gov.check(paths: ["reports/"])
        let failing = batch.scripts.filter { $0.findings.contains { $0.severity == .error } }
        let json = BatchRecord(batch).json()

        let next = try Scaffold.script(year: 2022, body: "青禾县示范局")
        let county = try RollUp.script(of: [RollUp.Input(path: "demo.gov", evaluation: evaluation)], body: "青禾县")

        let formatted = Gov.format(source: "year   2021\nbody 甲\n")
        // --- Gov.docc examples end ---
        #expect(forward == 1 && problems.isEmpty)
        #expect(allCodes.contains(.unreadableFile))
        #expect(text.contains("青禾县示范局2021年政府信息公开工作年度报告"))
        #expect(word.starts(with: [0x50, 0x4B, 0x03, 0x04]) && !page.isEmpty && tables.map(\.name).contains("applications.csv"))
        #expect(failing.count == batch.scripts.count)
        #expect(formatted == "body 甲\nyear 2021\n")
        #expect(json.contains("\"files\"") && json.contains("reports/"))
        #expect(Gov.evaluate(source: next, path: "next.gov").findings.isEmpty)
        #expect(Gov.evaluate(source: county, path: "county.gov").report.count(.application(.new, .all)) == 3)
    }

    @Test func everyCatalogExampleIsCompiledHere() throws {
        let root = Paths.packageRoot
        let catalog = root.appendingPathComponent("Sources/Gov/Gov.docc")
        let test = try String(contentsOf: root.appendingPathComponent("Tests/GovTests/DocCExamplesTests.swift"), encoding: .utf8)
        func normalized(_ text: some StringProtocol) -> [String] {
            text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let compiled = normalized(test).joined(separator: "\n")
        var examples = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: catalog.path) where file.hasSuffix(".md") {
            let text = try String(contentsOf: catalog.appendingPathComponent(file), encoding: .utf8)
            for block in text.components(separatedBy: "```swift\n").dropFirst() {
                guard let end = block.range(of: "```") else { continue }
                examples += 1
                let example = normalized(block[..<end.lowerBound]).joined(separator: "\n")
                #expect(compiled.contains(example), "not compiled in DocCExamplesTests: \(example)")
            }
        }
        #expect(examples >= 6)
    }
}

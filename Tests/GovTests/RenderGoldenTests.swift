import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import GovReport
import GovRender
import GovLanguage
import ZIPFoundation

@testable import Gov

/// Golden files for every output format of every example (for .docx: its `word/document.xml`, one element
/// per line), the JSON checked against docs/json-schema.json, and the docx package's parts.
struct RenderGoldenTests {
    static let formats: [Gov.OutputFormat] = [.markdown, .html, .json, .csv]

    static var cases: [(String, Gov.OutputFormat)] {
        GoldenTests.examples.flatMap { name in formats.map { (name, $0) } }
    }

    @Test(arguments: cases)
    func textualFormats(example: String, format: Gov.OutputFormat) throws {
        let evaluation = GoldenTests.evaluateExample(example)
        let options = Gov.RenderOptions(annotate: format == .html)
        let output = String(decoding: try Gov.render(evaluation, as: format, options: options), as: UTF8.self)
        expectGolden(output, GoldenTests.golden(example, ".\(format.fileExtension)"))
    }

    @Test(arguments: GoldenTests.examples)
    func wordDocumentXML(example: String) throws {
        let data = try Gov.render(GoldenTests.evaluateExample(example), as: .docx)
        let xml = try RenderGoldenTests.part("word/document.xml", of: data)
        expectGolden(RenderGoldenTests.normalized(xml), GoldenTests.golden(example, ".document.xml"))
    }

    @Test(arguments: GoldenTests.examples)
    func csvPerTable(example: String) {
        let files = Gov.csvTables(GoldenTests.evaluateExample(example))
        let joined = files.map { "== \($0.name)\n" + String(decoding: $0.data, as: UTF8.self) }.joined()
        expectGolden(joined, GoldenTests.golden(example, ".tables.csv"))
    }

    @Test(arguments: GoldenTests.examples)
    func jsonFollowsTheDocumentedSchema(example: String) throws {
        let validator = try JSONSchemaValidator(schemaData: Data(contentsOf: Paths.packageRoot.appendingPathComponent("docs/json-schema.json")))
        let data = try Gov.render(GoldenTests.evaluateExample(example), as: .json)
        let problems = validator.validate(try JSONSerialization.jsonObject(with: data))
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test func theValidatorRejectsWhatTheSchemaForbids() throws {
        let validator = try JSONSchemaValidator(schemaData: Data(contentsOf: Paths.packageRoot.appendingPathComponent("docs/json-schema.json")))
        let data = try Gov.render(GoldenTests.evaluateExample("fictional-2021.gov"), as: .json)
        guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            Issue.record("not an object")
            return
        }
        object["schemaVersion"] = 2
        object["extra"] = true
        object.removeValue(forKey: "summary")
        let problems = validator.validate(object)
        #expect(problems.count == 3, "\(problems)")
    }

    @Test func theWordPackageHasEveryPartAndWellFormedXML() throws {
        let data = try Gov.render(GoldenTests.evaluateExample("dayin-2020.gov"), as: .docx)
        for part in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/footer1.xml", "word/fontTable.xml", "word/_rels/document.xml.rels"] {
            let xml = try RenderGoldenTests.part(part, of: data)
            let parser = XMLParser(data: Data(xml.utf8))
            #expect(parser.parse(), "\(part) is not well-formed: \(String(describing: parser.parserError))")
        }
        let document = try RenderGoldenTests.part("word/document.xml", of: data)
        #expect(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
        #expect(document.contains("w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\""))
        #expect(document.contains("<w:vMerge w:val=\"restart\"/>") && document.contains("<w:gridSpan w:val=\"7\"/>"))
        // As the template: rows that never split, heading rows repeated, tables off the line grid, bands shaded.
        #expect(document.contains("<w:cantSplit/>") && document.contains("<w:tblHeader/>") && document.contains("<w:tblStyle w:val=\"GovTable\"/>"))
        #expect(document.contains("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"C6D9F1\"/>"))
        let styles = try RenderGoldenTests.part("word/styles.xml", of: data)
        #expect(styles.contains("<w:style w:type=\"table\" w:styleId=\"GovTable\">") && styles.contains("<w:snapToGrid w:val=\"0\"/>"))
        let fonts = try RenderGoldenTests.part("word/fontTable.xml", of: data)
        #expect(fonts.contains("<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"Noto Serif CJK SC\"/>"))
        #expect(try Gov.render(GoldenTests.evaluateExample("dayin-2020.gov"), as: .docx) == data, "the same input gives the same bytes")
    }

    static func part(_ name: String, of docx: Data) throws -> String {
        let archive = try Archive(data: docx, accessMode: .read)
        guard let entry = archive[name] else { throw CocoaError(.fileNoSuchFile) }
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One element per line, so a golden diff shows which cell changed.
    static func normalized(_ xml: String) -> String {
        xml.replacingOccurrences(of: "><", with: ">\n<")
    }
}

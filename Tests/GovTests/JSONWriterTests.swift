import Foundation
import Testing
import GovLanguage
import GovReport

@testable import GovRender

/// `JSONWriter` writes what `JSONEncoder` (pretty, sorted keys, slashes unescaped) writes, byte for byte:
/// `gov check --format json` uses the one and `BatchRecord.json()` the other.
struct JSONWriterTests {
    static func encoded(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return Array(try encoder.encode(value))
    }

    /// Text that takes every branch of the escaping: quotes, backslashes, slashes, each control character,
    /// DEL, CJK, a combining mark, an emoji, U+2028, and nothing at all.
    static let texts: [String] = [
        "", "plain", "引号“\"”与反斜杠\\", "a/b//c", "line\nbreak\r\ntab\tbell\u{07}", "\u{08}\u{0C}\u{00}\u{1F}\u{1B}",
        "\u{7F}del", "e\u{301}", "表中 application.new 为 35（相差 2）", "😀\u{2028}\u{2029}", "</script>",
    ]

    static func sources() -> (SourceManager, SourceRange) {
        let sources = SourceManager()
        let file = sources.add(SourceFile(path: "/tmp/a b/2021.gov", text: "body 甲\napplication new 35\n"))
        return (sources, SourceRange(file: file, start: 7, end: 18))
    }

    @Test(arguments: texts)
    func findingsAreWrittenAsTheEncoderWritesThem(text: String) throws {
        let (sources, range) = JSONWriterTests.sources()
        let cells = [
            Diagnostic.Arithmetic.Cell(label: text, value: "35", range: range, path: "application.new"),
            Diagnostic.Arithmetic.Cell(label: "类别", value: text, range: nil),
        ]
        let shapes = [
            Diagnostic(code: "E001", message: text, range: nil),
            Diagnostic(code: "A1", severity: .warning, message: text, range: range, notes: [.init(text, at: range), .init("无处", at: nil)]),
            Diagnostic(
                code: "C1", severity: .note, message: "m", range: range,
                arithmetic: .init(stated: "36", computed: text, difference: "1", cells: cells, subject: text)),
            Diagnostic(code: "C2", message: "m", range: range, arithmetic: .init(stated: "1", computed: "2", difference: "1", cells: [])),
        ]
        for diagnostic in shapes {
            for file in [nil, text] {
                let record = FindingRecord(diagnostic, sources: sources, file: file)
                #expect(record.json() == (try JSONWriterTests.encoded(record)), "\(diagnostic.code) \(text.debugDescription)")
            }
        }
    }

    @Test(arguments: texts)
    func batchEntriesAreWrittenAsTheEncoderWritesThem(text: String) throws {
        let (sources, range) = JSONWriterTests.sources()
        let file = BatchRecord.File(path: text, body: text, year: 2021, format: 2021, errors: -1, warnings: Int.max, notes: Int.min)
        #expect(file.json() == (try JSONWriterTests.encoded(file)))
        for place in [nil, FindingRecord.Place(range, sources: sources)] {
            let instance = BatchRecord.Instance(file: text, rule: "B5", subject: text, status: "pass", place: place)
            #expect(instance.json() == (try JSONWriterTests.encoded(instance)))
        }
        let summary = BatchRecord.Summary(files: 0, errors: 1, warnings: 22, notes: 333)
        #expect(summary.json() == (try JSONWriterTests.encoded(summary)))
    }

    /// Deeper in, every line moves right by two spaces a level (the first only when asked), as the batch
    /// document nests its entries.
    @Test func depthIndentsEveryLine() throws {
        let (sources, range) = JSONWriterTests.sources()
        let record = FindingRecord(Diagnostic(code: "A1", message: "m", range: range, notes: [.init("n", at: range)]), sources: sources)
        let flat = String(decoding: try JSONWriterTests.encoded(record), as: UTF8.self)
        let indented = flat.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }
        #expect(String(decoding: record.json(depth: 2), as: UTF8.self) == indented.joined(separator: "\n"))
        let summary = BatchRecord.Summary(files: 1, errors: 0, warnings: 0, notes: 0)
        #expect(String(decoding: summary.json(depth: 1, indentingFirstLine: false), as: UTF8.self) == "{\n    \"errors\" : 0,\n    \"files\" : 1,\n    \"notes\" : 0,\n    \"warnings\" : 0\n  }")
    }
}

import Foundation
import Testing

@testable import Gov
import GovLanguage
import GovReport

/// The big malformed inputs, made at run time rather than committed: each must end in its expected finding
/// (or none), with a bounded number of findings. How long each takes is measured by `scripts/malformed-timing`,
/// not asserted here.
struct MalformedGeneratedTests {
    static let header = "body 测试局\nyear 2021\n"

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let make: @Sendable () -> String
        /// Codes that must be among the findings; empty means the script must have no error.
        let codes: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a 10 MB line", make: { "channel " + String(repeating: "a", count: 10_000_000) + " 1\n" }, codes: ["E063"]),
        Case(name: "a 1.5 MB line", make: { header + "text \"" + String(repeating: "文", count: 500_000) + "\"\n" }, codes: ["E005"]),
        Case(name: "a 64,000-character @ line", make: { "channel " + String(repeating: "@", count: 64_000) + "\n" }, codes: ["E003"]),
        Case(name: "a 200,000-character @ line", make: { "channel " + String(repeating: "@", count: 200_000) + "\n" }, codes: ["E005"]),
        Case(name: "1 MB of NUL bytes", make: { String(repeating: "\0", count: 1_000_000) }, codes: ["E005"]),
        Case(
            name: "1 MB of NUL bytes in short lines",
            make: { String(repeating: String(repeating: "\0", count: 63) + "\n", count: 16_000) }, codes: ["E003", "E009"]),
        Case(
            name: "100,000 statements",
            make: { header + (0..<100_000).map { "let a\($0) = \($0)\n" }.joined() + "application nw 1\n" }, codes: ["E052"]),
        Case(
            name: "100,000 table rows",
            make: { header + "table \"表二\"\ncolumns 甲 乙\n" + (0..<100_000).map { "row r\($0) \($0)\n" }.joined() }, codes: []),
        Case(
            name: "10,000 nested parentheses",
            make: { header + "let a = " + String(repeating: "(\n", count: 10_000) + "1" + String(repeating: ")\n", count: 10_000) }, codes: ["E020"]),
        Case(name: "a 10,000-term sum on one line", make: { header + "let a = 1" + String(repeating: " + 1", count: 9_999) + "\n" }, codes: ["E020"]),
        Case(
            name: "a 10,000-term sum over many lines",
            make: { header + "let a = (1\n" + String(repeating: "+ 1\n", count: 9_999) + ")\napplication new (a)\n" }, codes: ["E020"]),
        Case(
            name: "a doubling let chain of 62",
            make: { header + "let a0 = 1\n" + (1...62).map { "let a\($0) = a\($0 - 1) + a\($0 - 1)\n" }.joined() + "application new (a62)\n" },
            codes: []),
        Case(
            name: "a doubling let chain read by text",
            make: { header + "let a0 = application.new\n" + (1...60).map { "let a\($0) = a\($0 - 1) + a\($0 - 1)\n" }.joined() + "text \"{a60}\"\n" },
            codes: []),
        Case(
            name: "a let chain of 1,000",
            make: { header + "let a0 = 1\n" + (1...1_000).map { "let a\($0) = a\($0 - 1) + 1\n" }.joined() + "application new (a1000)\n" }, codes: []),
        Case(name: "100,000 bad lines", make: { header + String(repeating: "@\n", count: 100_000) }, codes: ["E003", "E009"]),
        Case(name: "a 3 MB file", make: { header + String(repeating: "# 注释注释注释注释注释注释注释注释\n", count: 60_000) }, codes: ["E063"]),
    ]

    @Test(arguments: cases)
    func bigInputEndsInAClearFinding(_ testCase: Case) {
        let evaluation = Gov.evaluate(source: testCase.make(), path: "big.gov")
        let codes = Set(evaluation.findings.map(\.code.rawValue))
        if testCase.codes.isEmpty {
            #expect(!evaluation.hasErrors, "\(codes)")
        } else {
            for code in testCase.codes { #expect(codes.contains(code), "\(testCase.name): \(codes)") }
        }
        #expect(evaluation.findings.filter { DiagnosticLimit.isCapped($0.code) }.count <= DiagnosticLimit.perFile + 1)
        #expect(Gov.diagnostics(evaluation).utf8.count < 64 * 1024)
    }

    @Test func aTenMegabyteFileIsRefusedBeforeItIsRead() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("big.gov")
        try Data(count: 10_000_000).write(to: URL(fileURLWithPath: path))
        let evaluation = Gov.evaluate(path: path)
        #expect(evaluation.findings.map(\.code) == ["E063"])
    }

    @Test func includesThatFanOutAreCapped() throws {
        let directory = try TemporaryDirectory()
        for level in 0..<16 {
            let next = "f\(level + 1).gov"
            try "include \"\(next)\"\ninclude \"\(next)\"\n".write(toFile: directory.path("f\(level).gov"), atomically: true, encoding: .utf8)
        }
        try "channel 网站 1\n".write(toFile: directory.path("f16.gov"), atomically: true, encoding: .utf8)
        let evaluation = Gov.evaluate(path: directory.path("f0.gov"))
        #expect(evaluation.findings.contains { $0.code == "E064" })
        #expect(evaluation.sources.files.count <= 300)
    }

    @Test func includesSeventeenDeepAreRefused() throws {
        let directory = try TemporaryDirectory()
        for level in 0..<20 {
            try "include \"g\(level + 1).gov\"\n".write(toFile: directory.path("g\(level).gov"), atomically: true, encoding: .utf8)
        }
        try "channel 网站 1\n".write(toFile: directory.path("g20.gov"), atomically: true, encoding: .utf8)
        let evaluation = Gov.evaluate(path: directory.path("g0.gov"))
        #expect(evaluation.findings.contains { $0.code == "E062" })
    }

    @Test func aFIFOIncludeIsRefusedWithoutWaitingForAWriter() throws {
        let directory = try TemporaryDirectory()
        #expect(mkfifo(directory.path("pipe.gov"), 0o644) == 0)
        try (MalformedGeneratedTests.header + "include \"pipe.gov\"\n").write(toFile: directory.path("main.gov"), atomically: true, encoding: .utf8)
        let evaluation = Gov.evaluate(path: directory.path("main.gov"))
        let finding = evaluation.findings.first { $0.code == "E060" }
        #expect(finding?.message.contains("不是普通文件") == true)
    }

    @Test func anIncludeThroughASymbolicLinkToItselfIsACycle() throws {
        let directory = try TemporaryDirectory()
        try (MalformedGeneratedTests.header + "include \"alias.gov\"\n").write(toFile: directory.path("main.gov"), atomically: true, encoding: .utf8)
        #expect(symlink(directory.path("main.gov"), directory.path("alias.gov")) == 0)
        let evaluation = Gov.evaluate(path: directory.path("main.gov"))
        #expect(evaluation.findings.map(\.code) == ["E061"])
    }
}

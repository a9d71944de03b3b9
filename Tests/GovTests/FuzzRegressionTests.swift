import Foundation
import Testing

@testable import Gov
import GovLanguage
import GovReport

/// Inputs the fuzzer (Sources/GovFuzz, `scripts/fuzz`) found to crash or hang, kept under
/// Tests/Malformed/fuzz and replayed the way the fuzz target runs them: every `.gov` path the script names
/// (includes, `previous`) is served the same bytes, so include fan-out and self-inclusion are exercised.
struct FuzzRegressionTests {
    static let directory = MalformedCorpusTests.root.appendingPathComponent("fuzz")

    static let inputs: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { $0.hasSuffix(".gov") }.sorted()

    @Test func thereAreRegressionInputs() {
        #expect(FuzzRegressionTests.inputs.count >= 3)
    }

    @Test(arguments: inputs)
    func replaysWithinTheInvariants(name: String) throws {
        let bytes = [UInt8](try Data(contentsOf: FuzzRegressionTests.directory.appendingPathComponent(name)))
        let loader = ScriptLoader(read: { path in
            guard path.hasPrefix("/fuzz/") else { throw ScriptLoader.ReadFailure.missing }
            return bytes
        })
        let evaluation = Evaluator.evaluate(path: "/fuzz/input.gov", loader: loader)
        // E016 (a total too large to compute) comes from the rule checker, after the limits, at most once an
        // equation: the tables bound it, not the limits.
        #expect(evaluation.findings.filter { DiagnosticLimit.isCapped($0.code) && $0.code != "E016" }.count <= DiagnosticLimit.perReport + 1)
        #expect(evaluation.sources.files.count <= 80)
        #expect(Gov.diagnostics(evaluation).utf8.count < 256 * 1024)
        let formatted = Gov.format(path: "/fuzz/input.gov", loader: loader)
        if let text = formatted.formatted {
            #expect(Gov.format(source: text, path: "/fuzz/input.gov") == text)
        }
        for format in Gov.OutputFormat.allCases where !evaluation.hasErrors {
            #expect(throws: Never.self) { try Gov.render(evaluation, as: format) }
        }
    }
}

/// The regression inputs through the fuzz target itself (its replay build, `GovFuzz FILE…`), so every
/// invariant it checks — formatting is a fixed point and keeps the report, rendering succeeds — holds.
struct FuzzReplayTests {
    @Test func everyRegressionInputPassesTheFuzzTarget() throws {
        let replay = Paths.gov.deletingLastPathComponent().appendingPathComponent("GovFuzz")
        guard FileManager.default.isExecutableFile(atPath: replay.path) else {
            Issue.record("GovFuzz is not built next to gov (\(replay.path)); `swift build` builds it")
            return
        }
        let inputs = FuzzRegressionTests.inputs.map { FuzzRegressionTests.directory.appendingPathComponent($0).path }
        let process = Process()
        process.executableURL = replay
        process.arguments = inputs
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(printed.split(separator: "\n").count == inputs.count, "\(printed)")
    }
}

import Foundation
import Testing
import GovRender

@testable import GovLanguage
@testable import GovReport

/// Evaluates script text in memory; includes are served from `files`.
func evaluate(_ source: String, files: [String: String] = [:]) -> Evaluation {
    let loader = ScriptLoader { path in
        guard let text = files[(path as NSString).lastPathComponent] else { throw CocoaError(.fileReadNoSuchFile) }
        return Array(text.utf8)
    }
    return Evaluator.evaluate(source: source, path: "/virtual/test.gov", loader: loader)
}

/// A minimal valid header, so rule tests only write the lines they are about.
func script(_ lines: String, year: Int = 2021) -> String {
    "body 测试机关\nyear \(year)\n" + lines + "\n"
}

func codes(_ evaluation: Evaluation) -> [String] { evaluation.findings.map(\.code.rawValue) }

/// "line:column" of a finding, for asserting where a diagnostic points.
func position(_ diagnostic: Diagnostic, in evaluation: Evaluation) -> String {
    guard let range = diagnostic.range else { return "-" }
    let location = evaluation.sources.location(range)
    return "\(location.line):\(location.column)"
}

enum Paths {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = packageRoot.appendingPathComponent("examples")
    static let golden = packageRoot.appendingPathComponent("Tests/GovTests/Golden")

    /// The `gov` binary built beside the test bundle.
    static var gov: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
            packageRoot.appendingPathComponent(".build/debug"),
        ]
        for directory in candidates {
            let url = directory.appendingPathComponent("gov")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return packageRoot.appendingPathComponent(".build/debug/gov")
    }
}

/// Compares `actual` with a checked-in golden file. `GOV_UPDATE_GOLDEN=1 swift test` rewrites the files;
/// review the change with `git diff Tests/GovTests/Golden`.
func expectGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let url = Paths.golden.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["GOV_UPDATE_GOLDEN"] == "1" {
        try? FileManager.default.createDirectory(at: Paths.golden, withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("missing golden file \(name); run GOV_UPDATE_GOLDEN=1 swift test", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        let shownExpected = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
        let shownActual = first < actualLines.count ? String(actualLines[first]) : "<end>"
        Issue.record(
            "\(name) differs from golden at line \(first + 1):\n  expected: \(shownExpected)\n  actual:   \(shownActual)\n(GOV_UPDATE_GOLDEN=1 swift test to accept)",
            sourceLocation: sourceLocation)
    }
}

/// Runs the real `gov` binary.
struct Run {
    let status: Int32
    let stdout: String
    let stderr: String
}

func runGov(_ arguments: [String], environment: [String: String] = [:], currentDirectory: URL? = nil, standardInput: Data? = nil) throws -> Run {
    let running = try startGov(arguments, environment: environment, currentDirectory: currentDirectory, standardInput: standardInput)
    return running.finish()
}

/// `gov` started and still running: its process (to signal it or its children), then its output.
struct RunningGov {
    let process: Process
    fileprivate let output: FileHandle
    fileprivate let errorOutput: PipeReading

    /// Reads its output to the end and waits for it.
    func finish() -> Run {
        let outData = output.readDataToEndOfFile()
        let errData = errorOutput.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}

func startGov(_ arguments: [String], environment: [String: String] = [:], currentDirectory: URL? = nil, standardInput: Data? = nil) throws -> RunningGov {
    let process = Process()
    process.executableURL = Paths.gov
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = standardInput == nil ? FileHandle.nullDevice : input
    try process.run()
    if let standardInput {
        input.fileHandleForWriting.write(standardInput)
        try input.fileHandleForWriting.close()
    }
    // Standard error is read on another thread while standard output is read by `finish`: read one after
    // the other, a child that fills the second pipe (64 KB of findings) waits for a reader that never comes.
    return RunningGov(process: process, output: out.fileHandleForReading, errorOutput: PipeReading(err.fileHandleForReading))
}

/// A pipe read to its end on a thread of its own.
final class PipeReading: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Everything the pipe held, once its writer has closed it.
    func wait() -> Data {
        done.wait()
        return data
    }
}

func makeTemporaryDirectory(_ label: String = "gov-tests") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A fresh directory under the system's temporary directory, removed when the value goes away.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("gov-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit {
        // A read-only directory made by a test must become writable again to be removed.
        _ = try? FileManager.default.subpathsOfDirectory(atPath: url.path).forEach { chmod(path($0), 0o755) }
        try? FileManager.default.removeItem(at: url)
    }
}

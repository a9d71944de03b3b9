import ArgumentParser
import Foundation
import Gov
import GovImport

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Import and check every report under some paths (.docx .html .pdf .txt .gov), and write a summary.",
        discussion: """
            Writes DIR/index.html (one row per body and year: errors and warnings by code, linked to the
            report's annotated page), DIR/reports/*.html, DIR/scripts/*.gov (the imported scripts),
            DIR/findings.csv (every finding) and DIR/findings.svg (findings by code). Years of one body are
            compared. Exit status: 0 no errors; 1 errors found or a report could not be read.
            """)

    @Argument(help: "Report files or directories.")
    var paths: [String]

    @Option(name: .long, help: "Where to write the summary (default: audit).")
    var outputDir = "audit"

    func run() throws {
        let showProgress = isatty(2) == 1
        let result = try Audit.run(paths, outputDirectory: outputDir) { done, total in
            guard showProgress else { return }
            let width = 30
            let filled = total == 0 ? width : done * width / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            FileHandle.standardError.write(Data("\r\(bar) \(done)/\(total)".utf8))
            if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        }
        let errors = result.entries.reduce(0) { $0 + $1.errors }
        let warnings = result.entries.reduce(0) { $0 + $1.warnings }
        let failures = result.entries.filter { $0.failure != nil }
        for failure in failures { Terminal.printError("gov audit: \(failure.source): \(failure.failure ?? "")") }
        Terminal.printError(
            String(
                format: "gov audit: %d 份报告，%d 个错误，%d 个警告，%d 份无法读取；%.2f 秒，%.1f 份/秒 (reports/s) → %@",
                result.entries.count, errors, warnings, failures.count, result.seconds, result.rate,
                (outputDir as NSString).appendingPathComponent("index.html")))
        if errors > 0 || !failures.isEmpty { throw ExitStatus.findings }
    }
}

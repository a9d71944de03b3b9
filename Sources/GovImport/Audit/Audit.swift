import Foundation
import Gov
import GovLanguage
import GovReport
import GovRender

/// `gov audit` as a library: every report under some paths (.docx, .html, .pdf, .txt imported; .gov as
/// is) checked alone and across years, written out as a summary page, each report's annotated HTML, a
/// CSV of every finding and an SVG chart of findings by code.
package enum Audit {
    /// One report of the audit: where it came from, the script it became, and what was found.
    package struct Entry: Sendable {
        package let source: String
        package var script: String?
        package var body = ""
        package var year: Int?
        package var page: String?
        /// Why the file could not be imported at all.
        package var failure: String?
        package var unknownCells = 0
        package var findings: [Finding] = []

        package var errors: Int { findings.filter { $0.severity == .error }.count }
        package var warnings: Int { findings.filter { $0.severity == .warning }.count }
    }

    package struct Finding: Sendable {
        package let code: String
        package let severity: Severity
        package let message: String
        package let line: Int?
    }

    package struct Result: Sendable {
        package let entries: [Entry]
        package let seconds: Double
        package var rate: Double { seconds > 0 ? Double(entries.count) / seconds : 0 }
    }

    package static let inputExtensions = Importer.extensions + ["gov"]

    /// Every report file under `paths`, in path order.
    package static func inputs(_ paths: [String]) -> [String] {
        var found: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                found.append(path)
                continue
            }
            guard isDirectory.boolValue else {
                found.append(path)
                continue
            }
            let enumerator = FileManager.default.enumerator(atPath: path)
            var inside: [String] = []
            while let relative = enumerator?.nextObject() as? String {
                if inputExtensions.contains((relative as NSString).pathExtension.lowercased()) {
                    inside.append((path as NSString).appendingPathComponent(relative))
                }
            }
            found += inside.sorted()
        }
        return found
    }

    /// Runs the audit, writing into `outputDirectory`; `progress(done, total)` after each report.
    package static func run(_ paths: [String], outputDirectory: String, progress: (Int, Int) -> Void = { _, _ in }) throws -> Result {
        let started = Date()
        let files = inputs(paths)
        let scriptsDirectory = (outputDirectory as NSString).appendingPathComponent("scripts")
        let pagesDirectory = (outputDirectory as NSString).appendingPathComponent("reports")
        for directory in [outputDirectory, scriptsDirectory, pagesDirectory] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        var entries: [Entry] = []
        var usedNames = Set<String>()
        for (index, file) in files.enumerated() {
            var entry = Entry(source: file)
            if file.lowercased().hasSuffix(".gov") {
                entry.script = file
            } else {
                do {
                    let result = try Importer.importFile(at: file)
                    let name = uniqueName(for: file, extension: "gov", used: &usedNames)
                    let path = (scriptsDirectory as NSString).appendingPathComponent(name)
                    try AtomicFile.write(result.script, to: path)
                    entry.script = path
                    entry.unknownCells = result.tally.unknown + result.tally.missingCells
                } catch let error as ImportError {
                    entry.failure = error.message
                }
            }
            entries.append(entry)
            progress(index + 1, files.count)
        }

        let scripts = ScriptFinder.scripts(in: entries.compactMap(\.script))
        let batch = Gov.check(scripts)
        var byPath: [String: BatchCheck.Script] = [:]
        for script in batch.scripts { byPath[script.path] = script }
        for index in entries.indices {
            guard let path = entries[index].script, let checked = byPath[path] else { continue }
            let report = checked.evaluation.report
            entries[index].body = report.header.body
            entries[index].year = report.header.yearRange == nil ? nil : report.header.year
            entries[index].findings = checked.findings.map { finding in
                Finding(
                    code: finding.code.rawValue, severity: finding.severity, message: finding.message,
                    line: finding.range.map { batch.sources.location($0).line })
            }
            let name = uniqueName(for: entries[index].source, extension: "html", used: &usedNames)
            let page = (pagesDirectory as NSString).appendingPathComponent(name)
            if let data = try? Gov.render(checked.evaluation, as: .html, options: Gov.RenderOptions(annotate: true)) {
                try AtomicFile.write(data, to: page)
                entries[index].page = "reports/" + name
            }
        }
        let result = Result(entries: entries, seconds: Date().timeIntervalSince(started))
        try AtomicFile.write(AuditPage.html(result), to: (outputDirectory as NSString).appendingPathComponent("index.html"))
        try AtomicFile.write(AuditCSV.csv(entries), to: (outputDirectory as NSString).appendingPathComponent("findings.csv"))
        try AtomicFile.write(AuditChart.svg(entries), to: (outputDirectory as NSString).appendingPathComponent("findings.svg"))
        return result
    }

    /// "2021.docx" → "2021.gov"; a second "2021.docx" from another folder → "2021-2.gov".
    static func uniqueName(for source: String, extension ext: String, used: inout Set<String>) -> String {
        let stem = ((source as NSString).lastPathComponent as NSString).deletingPathExtension
        var name = "\(stem).\(ext)"
        var counter = 2
        while !used.insert(name).inserted {
            name = "\(stem)-\(counter).\(ext)"
            counter += 1
        }
        return name
    }

    /// Counts of findings by code, most frequent first.
    static func countsByCode(_ entries: [Entry]) -> [(code: String, severity: Severity, count: Int)] {
        var counts: [String: (Severity, Int)] = [:]
        for finding in entries.flatMap(\.findings) where finding.severity != .note {
            let current = counts[finding.code] ?? (finding.severity, 0)
            counts[finding.code] = (max(current.0, finding.severity), current.1 + 1)
        }
        return counts.map { ($0.key, $0.value.0, $0.value.1) }.sorted { ($1.count, $0.code) < ($0.count, $1.code) }
    }
}

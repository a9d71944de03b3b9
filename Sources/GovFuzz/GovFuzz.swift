import Foundation
import Gov
import GovLanguage
import GovReport

// The fuzz target: arbitrary bytes as a script → evaluate → format → evaluate the formatted text → render.
// Built only with libFuzzer (`scripts/fuzz`, which passes -DFUZZING); a normal build gets the stub at the
// bottom so that `swift build` links every product.

/// One fuzz input, checked against the invariants the issue asks for. A violated invariant traps on
/// purpose (`fatalError`), which is how libFuzzer learns that this input is a finding.
enum FuzzCase {
    /// The script's own path: usually a plain one, sometimes a bare name of one character (Foundation's
    /// `deletingLastPathComponent` trapped on those, and `gov check b` with it) or one that ends in a slash.
    static let paths = ["/fuzz/input.gov", "/fuzz/input.gov", "/fuzz/input.gov", "b", "/fuzz/中", "/fuzz/b/"]

    /// Files a loader serves besides the script itself. Without a bound, an input with a few `include`
    /// lines fans out to the evaluator's limit of 64 includes, each parsed afresh: most of the run went
    /// there. Past the bound an include is missing, which is a path worth exercising too.
    static let servedIncludes = 4

    /// Includes and `previous` name other files: serve the same bytes for a few `.gov` paths under /fuzz,
    /// so include cycles, self-references and findings in included files are exercised, and refuse
    /// everything else (no disk access).
    /// `withScript`: whether the script itself is read through the loader too (a path, not a text).
    static func loader(_ bytes: [UInt8], path: String, withScript: Bool = true) -> ScriptLoader {
        // One input at a time, on one thread: libFuzzer calls the target serially.
        final class Reads: @unchecked Sendable { var left: Int; init(_ left: Int) { self.left = left } }
        let reads = Reads(servedIncludes + (withScript ? 1 : 0))
        return ScriptLoader(read: { requested in
            guard requested.hasPrefix("/fuzz/") || requested == path, reads.left > 0 else { throw CocoaError(.fileReadNoSuchFile) }
            reads.left -= 1
            return bytes
        })
    }

    static func run(_ bytes: [UInt8]) {
        let hash = fnv1a(bytes)
        let path = paths[Int((hash >> 32) % UInt64(paths.count))]
        let first = Evaluator.evaluate(path: path, loader: loader(bytes, path: path))
        let formatted = Gov.format(path: path, loader: loader(bytes, path: path))
        if let text = formatted.formatted {
            // Formatting is a fixed point…
            let again = Gov.format(source: text, path: path)
            if again != text { fatalError("format is not a fixed point:\n--- once\n\(text)\n--- twice\n\(again)") }
            // …and keeps the report: the same header, cells, channels, text and finding codes.
            let second = Evaluator.evaluate(source: text, path: path, loader: loader(bytes, path: path, withScript: false))
            let before = ReportFingerprint(first), after = ReportFingerprint(second)
            if before != after { fatalError("formatting changed the report:\n\(before)\n---\n\(after)") }
        }
        // A check builds no paragraphs (`Evaluator.Prose.findingsOnly`), but finds what a full evaluation
        // finds, word for word and in the same order.
        let findings = Gov.diagnostics(first)
        let checked = Evaluator.evaluate(path: path, loader: loader(bytes, path: path), prose: .findingsOnly)
        if Gov.diagnostics(checked) != findings {
            fatalError("a check without paragraphs found otherwise:\n\(findings)\n---\n\(Gov.diagnostics(checked))")
        }
        // A dotted path answered from its bytes reads as its names do: the same report, findings and text.
        let byNames = Evaluator.$answersPathsFromBytes.withValue(false) { Evaluator.evaluate(path: path, loader: loader(bytes, path: path)) }
        if Gov.diagnostics(byNames) != findings || ReportFingerprint(byNames) != ReportFingerprint(first) {
            fatalError("paths read from their bytes read otherwise:\n\(ReportFingerprint(first))\n---\n\(ReportFingerprint(byNames))")
        }
        // …and places the same cells (a check reads plain table lines straight into cells).
        let builtCells = first.report.cells.filled.map { "\($0.id)=\($0.cell)" }
        let checkedCells = checked.report.cells.filled.map { "\($0.id)=\($0.cell)" }
        if builtCells != checkedCells {
            fatalError("a check placed other cells:\n\(builtCells)\n---\n\(checkedCells)")
        }
        // Rendering costs as much as everything above (the official tables are laid out even for an empty
        // script), so only a sample of inputs is rendered, in one format; the input's hash chooses both, so
        // a run is repeatable and every format gets its share of all kinds of report.
        guard let format = renderedFormat(hash) else { return }
        do {
            _ = try Gov.render(first, as: format, options: Gov.RenderOptions(width: 40 + bytes.count % 80, annotate: true))
        } catch {
            if !first.hasErrors { fatalError("rendering \(format) failed on a report without errors: \(error)") }
        }
    }

    /// Formats rendered here: not PDF, which is the .docx handed to LibreOffice as a separate process (a
    /// second or more per input, and it is LibreOffice's code, not ours, that would be exercised).
    static let formats = Gov.OutputFormat.allCases.filter { $0 != .pdf }
    /// One input in `renderEvery` is rendered (at one in four, rendering still took a third of the time).
    static let renderEvery: UInt64 = 8

    /// FNV-1a: cheap, and any change to the input moves it.
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    static func renderedFormat(_ hash: UInt64) -> Gov.OutputFormat? {
        guard hash % renderEvery == 0 else { return nil }
        return formats[Int((hash / renderEvery) % UInt64(formats.count))]
    }
}

/// What a report says, without where it says it (formatting moves lines): compared before and after.
///
/// The language's findings are compared only when none was left out: past the limits (`DiagnosticLimit`:
/// three a line, a hundred a file) which ones are listed depends on their lines and order, which
/// formatting changes (it moves the header up and joins a split expression onto one line). The fuzzer
/// found a script of 99 E034 and a repeated `year` whose formatted text listed another E030 in place of an
/// E034. The rules' findings are never left out, and are always compared.
struct ReportFingerprint: Equatable, CustomStringConvertible {
    let header: [String]
    let cells: [String]
    let channels: [String]
    let blocks: [String]
    let findings: [String]
    let languageFindings: [String]
    /// Some of the language's findings were left out (E009).
    let capped: Bool

    static func == (a: ReportFingerprint, b: ReportFingerprint) -> Bool {
        a.header == b.header && a.cells == b.cells && a.channels == b.channels && a.blocks == b.blocks
            && a.findings == b.findings && (a.capped || b.capped || a.languageFindings == b.languageFindings)
    }

    init(_ evaluation: Evaluation) {
        let report = evaluation.report
        let h = report.header
        header = [h.body, String(h.year), h.title, "\(report.edition)", h.published.map { "\($0.year)-\($0.month)-\($0.day)" } ?? "",
                  h.signoffBody ?? "", h.announcedParts.map(String.init) ?? "", h.previous?.written ?? ""]
        cells = report.cells.filled.map { "\($0.id)=\($0.cell.value)" }
        channels = report.channels.map { channel in
            "\(channel.name) \(channel.count) " + channel.categories.map { "\($0.name) \($0.count)" }.joined(separator: ",")
        }
        blocks = (report.introduction + report.sections.flatMap(\.blocks)).map { "\($0)" } + report.sections.map(\.title)
        let described = { (finding: Diagnostic) in "\(finding.code) \(finding.severity)" }
        findings = evaluation.findings.filter { !DiagnosticLimit.isCapped($0.code) }.map(described).sorted()
        languageFindings = evaluation.findings.filter { DiagnosticLimit.isCapped($0.code) }.map(described).sorted()
        capped = evaluation.findings.contains { $0.code == .moreFindings }
    }

    var description: String {
        ([header, cells, channels, blocks, findings, languageFindings].map { $0.joined(separator: "\n") } + ["capped: \(capped)"])
            .joined(separator: "\n--\n")
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzCase.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#else
/// A normal build: runs the target over files named on the command line (replays a crash without libFuzzer).
@main
struct FuzzReplay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            FuzzCase.run([UInt8](data))
            print("ok \(path)")
        }
    }
}
#endif

import ArgumentParser
import Foundation
import Gov
import GovLanguage
import GovRender
import GovReport

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render checked reports as text, Markdown, HTML, JSON, CSV, Word or PDF.",
        discussion: """
            Findings go to stderr. A report with errors is not rendered unless --allow-errors; the other \
            scripts of a batch are still rendered, and the exit status is 1.

            The format is taken from --format, else from the extension of -o, else text. PDF is the Word \
            document converted by LibreOffice (Debian package libreoffice-writer-nogui), with its fonts embedded.
            """)

    @Argument(help: "The .gov scripts to render.")
    var files: [String]

    @Option(name: .long, help: "Output format: \(Gov.OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: String?

    @Option(name: [.short, .customLong("output")], help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Write one output per script into this directory, named from the body and year.")
    var outputDir: String?

    @Flag(name: .long, help: "Replace an output file even when it is read-only.")
    var force = false

    @Flag(name: .long, help: "Render even when a report has errors.")
    var allowErrors = false

    @Option(name: .long, help: "Text width in columns.")
    var width: Int = 100

    @Flag(name: .long, help: "HTML: show the findings in a panel, linked to their cells.")
    var annotate = false

    @Flag(name: .long, help: "CSV: one file per table in a directory (-o DIR) instead of one long file.")
    var csvTables = false

    @Flag(name: .long, help: "CSV: start with a UTF-8 byte order mark (for Excel).")
    var bom = false

    /// The request apart from ArgumentParser's wrappers, so that `FastRender` can make one too.
    var request: RenderRequest {
        RenderRequest(
            files: files, format: format, output: output, outputDir: outputDir, force: force, allowErrors: allowErrors, width: width,
            annotate: annotate, csvTables: csvTables, bom: bom)
    }

    func validate() throws { try request.validate() }

    func run() throws { try request.run() }
}

/// What `gov render` was asked, and the rendering itself.
struct RenderRequest {
    var files: [String]
    var format: String?
    var output: String?
    var outputDir: String?
    var force = false
    var allowErrors = false
    var width = 100
    var annotate = false
    var csvTables = false
    var bom = false

    var resolvedFormat: Gov.OutputFormat {
        if let format, let chosen = Gov.OutputFormat(rawValue: format) ?? Gov.OutputFormat(fileExtension: format) { return chosen }
        if let output, let inferred = Gov.OutputFormat(fileExtension: (output as NSString).pathExtension) { return inferred }
        return .text
    }

    func validate() throws {
        if let format, Gov.OutputFormat(rawValue: format) == nil, Gov.OutputFormat(fileExtension: format) == nil {
            throw ValidationError("unknown format '\(format)'; choose one of: \(Gov.OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard (40...400).contains(width) else { throw ValidationError("--width must be between 40 and 400") }
        if output != nil, outputDir != nil { throw ValidationError("give either -o or --output-dir, not both") }
        if files.count > 1, outputDir == nil { throw ValidationError("several scripts need --output-dir DIR") }
        if csvTables, resolvedFormat != .csv { throw ValidationError("--csv-tables goes with --format csv") }
        if csvTables, output == nil, outputDir == nil { throw ValidationError("--csv-tables writes a directory: give -o DIR") }
        for target in [output].compactMap({ $0 }) where files.contains(where: { OutputWriter.samePath($0, target) }) {
            throw ValidationError("the output '\(target)' is an input script; choose another file")
        }
        if resolvedFormat.isBinary, output == nil || output == "-", outputDir == nil, isatty(1) == 1 {
            throw ValidationError("a \(resolvedFormat.rawValue) file cannot be shown on a terminal; write it with -o FILE.\(resolvedFormat.fileExtension)")
        }
    }

    func run() throws {
        let format = resolvedFormat
        let options = Gov.RenderOptions(width: width, annotate: annotate, byteOrderMark: bom)
        var writer = OutputWriter(inputs: files)
        var status: Int32 = 0
        var rendered: [BatchIndex.Entry] = []
        for (index, file) in files.enumerated() {
            if files.count > 5 { Terminal.printError("[\(index + 1)/\(files.count)] \(file)") }
            let evaluation = Gov.evaluate(path: file)
            Terminal.printError(Gov.diagnostics(evaluation, color: Terminal.colorOnStandardError))
            let fileStatus = CheckCommand.status(of: evaluation)
            status = max(status, fileStatus)
            if fileStatus == 2 || (fileStatus == 1 && !allowErrors) {
                if fileStatus == 1 { Terminal.printError("gov: \(file) has errors; not rendered (use --allow-errors to render anyway)") }
                continue
            }
            do {
                let target = try destination(for: evaluation, format: format, writer: &writer)
                var options = options
                options.pageDirectory = target.map { ($0 as NSString).deletingLastPathComponent }.flatMap { $0.isEmpty ? nil : $0 }
                if csvTables {
                    try writer.writeDirectory(
                        Gov.csvTables(evaluation, byteOrderMark: bom), to: target ?? ".", reads: Gov.inputPaths(evaluation), force: force)
                } else {
                    // Formats that carry findings (JSON, annotated HTML) carry the cross-year ones too, as
                    // `gov check FILE` reports them; the exit status stays that of the script itself.
                    let carriesFindings = format == .json || (format == .html && annotate)
                    let rendered = carriesFindings ? evaluation.addingCrossYearFindings(path: file) : evaluation
                    let data = try Gov.render(rendered, as: format, options: options)
                    if let target {
                        try writer.write(data, to: target, reads: Gov.inputPaths(evaluation), force: force)
                    } else { FileHandle.standardOutput.write(data) }
                }
                if let target { rendered.append(BatchIndex.Entry(evaluation: evaluation, file: (target as NSString).lastPathComponent)) }
            } catch let failure as OutputWriter.Failure {
                Terminal.printError("gov: \(failure.message)")
                status = 2
            } catch {
                Terminal.printError("gov: cannot render \(file): \(error)")
                status = 2
            }
        }
        if let outputDir, format == .html, !rendered.isEmpty {
            do {
                try writer.write(Data(BatchIndex.html(rendered).utf8), to: (outputDir as NSString).appendingPathComponent("index.html"), force: force)
            } catch let failure as OutputWriter.Failure {
                Terminal.printError("gov: \(failure.message)")
                status = 2
            }
        }
        if status != 0 { throw ExitStatus(code: status) }
    }

    /// Where one script's output goes: `-o`, a name in `--output-dir`, or nil for standard output.
    private func destination(for evaluation: Evaluation, format: Gov.OutputFormat, writer: inout OutputWriter) throws -> String? {
        if let output { return output == "-" ? nil : output }
        guard let outputDir else { return nil }
        let header = evaluation.report.header
        return writer.uniqueName(in: outputDir, stem: "\(header.body)-\(header.year)", extension: csvTables ? nil : format.fileExtension)
    }
}

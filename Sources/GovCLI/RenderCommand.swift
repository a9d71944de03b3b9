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

    @Argument(help: "The .gov scripts to render; with --output-dir, directories of them too.")
    var files: [String]

    @Option(name: .long, help: "Output format: \(Gov.OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: String?

    @Option(name: [.short, .customLong("output")], help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Write one output per script into this directory, named from the body and year.")
    var outputDir: String?

    @Option(name: .long, help: "With --output-dir: threads that render (default: the number of cores).")
    var jobs: Int?

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
            files: files, format: format, output: output, outputDir: outputDir, jobs: jobs, force: force, allowErrors: allowErrors,
            width: width, annotate: annotate, csvTables: csvTables, bom: bom)
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
    var jobs: Int?
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
        if outputDir == nil, let directory = files.first(where: ScriptWalk.isDirectory) {
            throw ValidationError("'\(directory)' is a directory: its scripts need --output-dir DIR")
        }
        if let jobs { try CheckCommand.validateJobs(jobs) }
        if csvTables, resolvedFormat != .csv { throw ValidationError("--csv-tables goes with --format csv") }
        if csvTables, output == nil || output == "-", outputDir == nil { throw ValidationError("--csv-tables writes a directory: give -o DIR") }
        for target in [output].compactMap({ $0 }) where files.contains(where: { OutputWriter.samePath($0, target) }) {
            throw ValidationError("the output '\(target)' is an input script; choose another file")
        }
        if resolvedFormat.isBinary, output == nil || output == "-", outputDir == nil, isatty(1) == 1 {
            throw ValidationError("a \(resolvedFormat.rawValue) file cannot be shown on a terminal; write it with -o FILE.\(resolvedFormat.fileExtension)")
        }
    }

    func run() throws {
        let format = resolvedFormat
        var options = Gov.RenderOptions(width: width, annotate: annotate, byteOrderMark: bom)
        // Pages link their pictures from where they are written: every output of a batch goes into
        // --output-dir; standard output ("-") has no directory.
        if let outputDir {
            options.pageDirectory = outputDir
        } else if let output, output != "-" {
            let directory = PathText.directory(of: output)
            options.pageDirectory = directory.isEmpty ? nil : directory
        }
        var writer = OutputWriter(inputs: files)
        var status: Int32 = 0
        var rendered: [BatchIndex.Entry] = []
        var count = 0
        // Progress for a long list of files; a directory's count is known only at the end.
        let walksDirectories = outputDir != nil && files.contains(where: ScriptWalk.isDirectory)
        let showProgress = files.count > 5 && !walksDirectories
        let render = RenderStep(format: format, options: options, allowErrors: allowErrors, annotate: annotate, csvTables: csvTables, bom: bom)
        // With --output-dir the scripts are found as the walk goes (directories too) and rendered on every
        // core; the outputs are written here, in the walk's order, so names and the index are the same bytes
        // whatever the threads did.
        var walk = ScriptWalk(paths: files)
        var explicit = files[...]
        let next: () -> String? = outputDir == nil ? { explicit.popFirst() } : { walk.next()?.path }
        OrderedWorkers.run(
            jobs: outputDir == nil ? 1 : jobs ?? StreamingCheck.defaultJobs, window: 32, next: next,
            work: { render($0) },
            deliver: { script in
                count += 1
                if showProgress { Terminal.printError("[\(count)/\(files.count)] \(script.path)") }
                Terminal.printError(script.diagnostics)
                status = max(status, script.status)
                switch script.output {
                case .notRendered:
                    if script.status == 1 { Terminal.printError("gov: \(script.path) has errors; not rendered (use --allow-errors to render anyway)") }
                case .failed(let message):
                    Terminal.printError("gov: cannot render \(script.path): \(message)")
                    status = 2
                case .document, .tables:
                    do {
                        if let entry = try write(script, format: format, writer: &writer) { rendered.append(entry) }
                    } catch let failure as OutputWriter.Failure {
                        Terminal.printError("gov: \(failure.message)")
                        status = 2
                    } catch {
                        Terminal.printError("gov: cannot render \(script.path): \(error)")
                        status = 2
                    }
                }
            })
        if walksDirectories, let outputDir {
            Terminal.printError("gov render: \(count) 个脚本，写出 \(rendered.count) 个到 \(outputDir)")
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

    /// Writes one rendered script where it goes; its entry in the batch's index when that is a file.
    private func write(_ script: RenderStep.Rendered, format: Gov.OutputFormat, writer: inout OutputWriter) throws -> BatchIndex.Entry? {
        let target = destination(for: script.evaluation, format: format, writer: &writer)
        switch script.output {
        case .tables(let tables):
            try writer.writeDirectory(tables, to: target ?? ".", reads: script.reads, force: force)
        case .document(let data):
            guard let target else {
                FileHandle.standardOutput.write(data)
                return nil
            }
            try writer.write(data, to: target, reads: script.reads, force: force)
        case .notRendered, .failed:
            return nil
        }
        return target.map { BatchIndex.Entry(evaluation: script.evaluation, file: ($0 as NSString).lastPathComponent) }
    }

    /// Where one script's output goes: `-o`, a name in `--output-dir`, or nil for standard output.
    private func destination(for evaluation: Evaluation, format: Gov.OutputFormat, writer: inout OutputWriter) -> String? {
        if let output { return output == "-" ? nil : output }
        guard let outputDir else { return nil }
        let header = evaluation.report.header
        return writer.uniqueName(in: outputDir, stem: "\(header.body)-\(header.year)", extension: csvTables ? nil : format.fileExtension)
    }
}

import ArgumentParser
import Foundation
import Gov
import GovImport

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn published reports (.docx, .html, .pdf, .txt) into .gov scripts; `gov check` on the result is the audit.",
        discussion: """
            Every paragraph is kept verbatim in its official section, the three official tables cell for cell
            (blank stays blank; what cannot be read is written unknown), and every line whose reading needs a
            word carries a comment: an approximate label, cells inferred from run-together text, candidates.
            Exit status: 0 every official cell read or uniquely inferred; 1 some are unknown; 2 an input could
            not be read. Never overwrites a file unless --force.
            """)

    @Argument(help: "Published reports.")
    var files: [String]

    @Option(name: [.short, .customLong("output")], help: "The script to create (one input); default, or -: standard output.")
    var output: String?

    @Option(name: .long, help: "Write one script per input into this directory, named after the input.")
    var outputDir: String?

    @Flag(name: .long, help: "Numbers in the text that agree with the tables become {…} (as gov fmt --interpolate does).")
    var interpolate = false

    @Flag(name: .long, help: "Replace existing output files.")
    var force = false

    func validate() throws {
        if output != nil && outputDir != nil { throw ValidationError("give -o or --output-dir, not both") }
        if output != nil && files.count > 1 { throw ValidationError("-o takes one input; use --output-dir for several") }
    }

    func run() throws {
        var status: Int32 = 0
        var usedNames = Set<String>()
        for file in files {
            let result: Importer.Result
            do {
                result = try Importer.importFile(at: file, interpolate: interpolate)
            } catch let error as ImportError {
                Terminal.printError("gov import: \(error.description)")
                status = 2
                continue
            }
            let tally = result.tally
            for warning in result.report.warnings { Terminal.printError("\(file): warning: \(warning)") }
            var destination: String?
            // `-o -` is standard output, as for `gov render`.
            if let output, output != "-" { destination = output }
            if let outputDir {
                // Two inputs with one name (2021.docx in two folders) get 2021.gov and 2021-2.gov.
                let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
                var name = stem + ".gov"
                var counter = 2
                while !usedNames.insert(name).inserted {
                    name = "\(stem)-\(counter).gov"
                    counter += 1
                }
                try? FileManager.default.createDirectory(atPath: outputDir, withIntermediateDirectories: true)
                destination = (outputDir as NSString).appendingPathComponent(name)
            }
            if let destination {
                do {
                    if force { try AtomicFile.write(result.script, to: destination) } else { try AtomicFile.create(Data(result.script.utf8), at: destination) }
                } catch {
                    Terminal.printError("gov import: \(destination): \(error)")
                    status = 2
                    continue
                }
            } else {
                Terminal.printOut(result.script)
            }
            let unknown = tally.unknown + tally.missingCells
            Terminal.printError(
                "gov import: \(file)\(destination.map { " → \($0)" } ?? "")：读出 \(tally.read) 格，推断 \(tally.inferred) 格，不详 \(unknown) 格，近似匹配的标签 \(tally.approximateLabels) 个"
                    + " (cells read \(tally.read), inferred \(tally.inferred), unknown \(unknown); approximate labels \(tally.approximateLabels))")
            if unknown > 0 && status == 0 { status = 1 }
        }
        if status != 0 { throw ExitStatus(code: status) }
    }
}

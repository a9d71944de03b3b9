import ArgumentParser
import Foundation
import Gov
import GovLanguage
import GovRender
import GovReport

struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite scripts in the one canonical layout (comments, spellings and meaning kept).",
        discussion: """
            Files are rewritten atomically, and only when their layout changes; the paths of rewritten files \
            are printed. A symbolic link is followed (its target is rewritten, the link kept); a read-only \
            file is left alone unless --force. A script with syntax errors is reported and left untouched. Directories are searched \
            for *.gov files.
            """)

    @Argument(help: "The .gov scripts (or directories) to format.")
    var paths: [String]

    @Flag(name: .long, help: "Rewrite a script even when it is read-only.")
    var force = false

    @Flag(name: .long, help: "Change nothing: list the files whose layout would change, and exit 1 if there are any.")
    var check = false

    @Flag(name: .long, help: "Instead of the layout: rewrite each literal number of the text that agrees with the table as the {…} that states it.")
    var interpolate = false

    @Option(name: .long, help: "Scripts formatted at once (default: the number of cores; --interpolate takes one at a time). The output is the same for any number.")
    var jobs: Int = StreamingCheck.defaultJobs

    func validate() throws {
        try CheckCommand.validateJobs(jobs)
    }

    /// Scripts are taken one at a time as the walk finds them (`ScriptWalk`, the order `ScriptFinder`
    /// gives), so memory does not grow with the number of files.
    func run() throws {
        var scripts = ScriptWalk(paths: paths)
        var found = 0
        let status = interpolate ? runInterpolate(&scripts, found: &found) : runLayout(scripts, found: &found)
        guard found > 0 else {
            Terminal.printError("gov: no .gov scripts in \(paths.joined(separator: " "))")
            throw ExitStatus.usage
        }
        if status != 0 { throw ExitStatus(code: status) }
    }

    /// Each script is formatted (and rewritten) by a worker; what it prints is printed here, in the walk's
    /// order, so the output is the same for any `--jobs`.
    private func runLayout(_ scripts: ScriptWalk, found: inout Int) -> Int32 {
        var status: Int32 = 0
        // The workers' `next` escapes: it takes its own copy of the walk.
        var walk = scripts
        let check = check, force = force
        let useColor = Terminal.colorOnStandardError
        ProcessWorkers.runOrThreads(
            jobs: jobs, next: { walk.next()?.path },
            work: { path in FmtOutcome.format(path, check: check, force: force, useColor: useColor) },
            same: { path, outcome in path == outcome.path },
            deliver: { outcome in
                found += 1
                Terminal.printError(outcome.errors)
                if !outcome.listed.isEmpty { Terminal.printOut(outcome.listed) }
                status = max(status, outcome.status)
            })
        return status
    }

    /// `gov fmt --interpolate`: each replacement is listed (FILE:LINE:COL 120件 → {application.new}); the
    /// file is rewritten atomically, only those bytes changed. With `--check`, nothing is written.
    private func runInterpolate(_ scripts: inout ScriptWalk, found: inout Int) -> Int32 {
        var status: Int32 = 0
        while let script = scripts.next() {
            found += 1
            let result = Gov.interpolate(path: script.path)
            if let refusal = result.refusal {
                Terminal.printError("gov: \(script.path): \(refusal)")
                status = max(status, 1)
                continue
            }
            guard let rewritten = result.rewritten else { continue }
            for item in result.interpolations { Terminal.printOut("\(item.location) \(item.literal) → {\(item.expression)}\n") }
            if check {
                status = max(status, 1)
                continue
            }
            do {
                try AtomicFile.replace(rewritten, at: script.path)
            } catch {
                Terminal.printError("gov: cannot write \(script.path): \(error.localizedDescription)")
                status = 2
            }
        }
        return status
    }
}

/// What `gov fmt` did with one script: the line it lists on stdout (the path, when the layout changed or
/// would), its diagnostics for stderr, its exit status.
struct FmtOutcome: WorkerPayload {
    let path: String
    let listed: String
    let errors: String
    let status: Int32

    init(path: String, listed: String = "", errors: String = "", status: Int32 = 0) {
        self.path = path
        self.listed = listed
        self.errors = errors
        self.status = status
    }

    /// Formats the script and, unless `check`, rewrites it atomically when its layout changes.
    static func format(_ path: String, check: Bool, force: Bool, useColor: Bool) -> FmtOutcome {
        let result = Gov.format(path: path)
        guard result.diagnostics.isEmpty, let formatted = result.formatted else {
            let printer = DiagnosticPrinter(useColor: useColor)
            return FmtOutcome(
                path: path, errors: result.diagnostics.map { printer.format($0, sources: result.sources) }.joined(separator: "\n"),
                status: result.isUnreadable ? 2 : 1)
        }
        guard result.changes else { return FmtOutcome(path: path) }
        if check { return FmtOutcome(path: path, listed: path + "\n", status: 1) }
        do {
            try AtomicFile.replace(Data(formatted.utf8), at: path, force: force)
            return FmtOutcome(path: path, listed: path + "\n")
        } catch {
            return FmtOutcome(path: path, errors: "gov: cannot write \(path): \(error.localizedDescription)", status: 2)
        }
    }

    func encode(into bytes: inout [UInt8]) {
        for text in [path, listed, errors] { Varint.append(text, to: &bytes) }
        Varint.append(Int(status), to: &bytes)
    }

    init?(decoding reader: inout Varint.Reader) {
        guard let path = reader.string(), let listed = reader.string(), let errors = reader.string(),
            let status = reader.int().flatMap(Int32.init(exactly:))
        else { return nil }
        self.init(path: path, listed: listed, errors: errors, status: status)
    }
}

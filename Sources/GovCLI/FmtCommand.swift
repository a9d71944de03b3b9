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

    /// Scripts are taken one at a time as the walk finds them (`ScriptWalk`, the order `ScriptFinder`
    /// gives), so memory does not grow with the number of files.
    func run() throws {
        var scripts = ScriptWalk(paths: paths)
        var found = 0
        let status = interpolate ? runInterpolate(&scripts, found: &found) : runLayout(&scripts, found: &found)
        guard found > 0 else {
            Terminal.printError("gov: no .gov scripts in \(paths.joined(separator: " "))")
            throw ExitStatus.usage
        }
        if status != 0 { throw ExitStatus(code: status) }
    }

    private func runLayout(_ scripts: inout ScriptWalk, found: inout Int) -> Int32 {
        var status: Int32 = 0
        while let script = scripts.next() {
            found += 1
            let result = Gov.format(path: script.path)
            guard result.diagnostics.isEmpty, let formatted = result.formatted else {
                let printer = DiagnosticPrinter(useColor: Terminal.colorOnStandardError)
                Terminal.printError(result.diagnostics.map { printer.format($0, sources: result.sources) }.joined(separator: "\n"))
                status = max(status, result.isUnreadable ? 2 : 1)
                continue
            }
            guard result.changes else { continue }
            if check {
                Terminal.printOut(script.path + "\n")
                status = max(status, 1)
                continue
            }
            do {
                try AtomicFile.replace(Data(formatted.utf8), at: script.path, force: force)
                Terminal.printOut(script.path + "\n")
            } catch {
                Terminal.printError("gov: cannot write \(script.path): \(error.localizedDescription)")
                status = 2
            }
        }
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

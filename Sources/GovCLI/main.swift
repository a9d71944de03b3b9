import Foundation

// Exit statuses (documented in README): 0 no errors, 1 errors found in a script, 2 usage error or a file
// that could not be read. ArgumentParser's own usage errors would exit 64; they are mapped to 2 here.

// `gov` alone on a terminal starts the REPL; from a pipe or a script it prints help, as it always did.
if CommandLine.arguments.count == 1, isatty(0) == 1 {
    Foundation.exit(ReplCommand.start(file: nil))
}

#if canImport(Glibc)
MallocTuning.restartForBatch(CommandLine.arguments)
#endif

do {
    if let check = FastCheck(arguments: CommandLine.arguments) {
        try check.run()
    } else if let render = FastRender(arguments: CommandLine.arguments) {
        try render.run()
    } else {
        var command = try GovCommand.parseAsRoot()
        try command.run()
    }
} catch let exit as ExitStatus {
    Foundation.exit(exit.code)
} catch {
    let code = GovCommand.exitCode(for: error)
    if code.isSuccess {
        GovCommand.exit(withError: error)
    }
    FileHandle.standardError.write(Data((GovCommand.fullMessage(for: error) + "\n").utf8))
    Foundation.exit(2)
}

import Foundation

/// Where the REPL writes: feedback and command output to standard output, diagnostics to standard error.
package protocol ReplOutput: AnyObject {
    func write(_ text: String)
    func writeError(_ text: String)
}

/// The process's own standard output and error.
package final class StandardOutput: ReplOutput {
    package init() {}

    package func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    package func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

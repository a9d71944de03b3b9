import Foundation

/// Where the REPL writes: feedback and command output to standard output, diagnostics to standard error.
public protocol ReplOutput: AnyObject {
    func write(_ text: String)
    func writeError(_ text: String)
}

/// The process's own standard output and error.
public final class StandardOutput: ReplOutput {
    public init() {}

    public func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    public func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

import Gov
import GovLanguage
import GovRender
import GovReport

/// Writes a session as a script. The accepted entries, in order, already form a valid script that
/// evaluates to the session's report (that is how the session is evaluated); `:save` writes them in the
/// canonical layout of `gov fmt` (the same printer), which keeps comments and never changes the report.
/// Text the printer declines to lay out is written as typed.
package enum ScriptWriter {
    package static func script(for session: Session) -> String {
        ScriptPrinter.format(source: SourceFile(path: session.fileName ?? "<session>", text: session.text))
    }

    /// Atomically: a reader never sees a half-written script, and a failed write leaves the old file.
    /// `protecting`: files the session reads (its includes, `previous`), which `:save` never writes over.
    package static func write(_ session: Session, to path: String, protecting inputs: [String] = []) throws {
        try AtomicFile.write(script(for: session), to: path, protecting: inputs)
    }
}

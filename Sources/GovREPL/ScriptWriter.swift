import Gov

/// Writes a session as a script. The accepted entries, in order, already form a valid script that
/// evaluates to the session's report (that is how the session is evaluated), so for now the text is the
/// entries as typed, comments and all.
///
/// When the canonical formatter (`gov fmt`) lands, this is the one place to call it, so that `:save` writes
/// the canonical form.
public enum ScriptWriter {
    public static func script(for session: Session) -> String {
        session.text
    }

    /// Atomically: a reader never sees a half-written script, and a failed write leaves the old file.
    public static func write(_ session: Session, to path: String) throws {
        try AtomicFile.write(script(for: session), to: path)
    }
}

/// What the clerk has built so far: the accepted entries' source text, in order. The session *is* a script:
/// its text, evaluated by the batch evaluator, is the live report, and written out it is a replayable file.
///
/// Every change (an entry, `:load`, `:reset`, `:undo`) replaces the whole state, and the previous states
/// are kept, so `:undo` can take back a loaded file or a reset as easily as one statement.
package struct Session: Sendable, Equatable {
    package struct State: Sendable, Equatable {
        /// Source text of each accepted entry, without its final line break. A multi-line entry (a text
        /// block) or a whole loaded file is one entry.
        package var entries: [String] = []
        /// The file the session came from or was last saved to: `:save` without a name writes here, and
        /// diagnostics and relative `include`s use it.
        package var fileName: String?

        package init(entries: [String] = [], fileName: String? = nil) {
            self.entries = entries
            self.fileName = fileName
        }
    }

    package private(set) var state = State()
    private var undoStack: [State] = []
    /// The text last written to or read from `fileName`; the session is unsaved when its text differs.
    private var savedText = ""

    /// Undo is bounded like history: a long session keeps its last steps, not every one since morning.
    static let undoLimit = 1000

    package init() {}

    package var entries: [String] { state.entries }
    package var fileName: String? { state.fileName }

    /// The script: every entry followed by a line break.
    package var text: String { Session.text(of: state.entries) }

    package static func text(of entries: [String]) -> String {
        var text = ""
        for entry in entries { text += entry + "\n" }
        return text
    }

    /// The text a new entry would be evaluated in, and where that entry starts (a UTF-8 offset).
    package func text(appending entry: String) -> (text: String, entryStart: Int) {
        let prefix = text
        return (prefix + entry + "\n", prefix.utf8.count)
    }

    package var hasUnsavedChanges: Bool { text != savedText }
    package var canUndo: Bool { !undoStack.isEmpty }

    package mutating func append(_ entry: String) {
        var next = state
        next.entries.append(entry)
        change(to: next)
    }

    /// `:load`: the file's text becomes the whole session, as one entry, so `:save` writes it back as it was.
    package mutating func replace(withFile text: String, named name: String) {
        var body = text
        if body.hasSuffix("\r\n") { body.removeLast() } else if body.hasSuffix("\n") { body.removeLast() }
        change(to: State(entries: body.isEmpty ? [] : [body], fileName: name))
        savedText = self.text
    }

    /// Restores entries that were not saved (a recovery file): they stay unsaved, and come back one change
    /// per entry, so `:undo` takes them back one at a time as it would have in the lost session.
    package mutating func restore(entries: [String], fileName: String?) {
        change(to: State(entries: [], fileName: fileName))
        for entry in entries {
            var next = state
            next.entries.append(entry)
            change(to: next)
        }
    }

    /// Replaces the entries in one change (one `:undo`): a value stated again replaces the first statement.
    package mutating func replaceEntries(_ entries: [String]) {
        var next = state
        next.entries = entries
        change(to: next)
    }

    package mutating func reset() {
        change(to: State())
    }

    /// Takes back the last change; returns false when there is none.
    @discardableResult
    package mutating func undo() -> Bool {
        guard let previous = undoStack.popLast() else { return false }
        state = previous
        return true
    }

    /// Records that the session's text is now in `name`.
    package mutating func markSaved(as name: String) {
        state.fileName = name
        savedText = text
    }

    private mutating func change(to next: State) {
        undoStack.append(state)
        if undoStack.count > Session.undoLimit { undoStack.removeFirst(undoStack.count - Session.undoLimit) }
        state = next
    }
}

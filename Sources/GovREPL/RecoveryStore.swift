import Foundation
import Gov
import GovLanguage
import GovRender
import GovReport

/// Keeps an unsaved session where the next `gov repl` can find it if this one is killed or its terminal
/// closed: `recovery/session-PID-TIME-ID.gov`, rewritten atomically after every change, is a valid script.
///
/// Each live session holds a lock on its `.lock` file, which the kernel releases when the process ends. A
/// recovery file whose lock can be taken therefore belongs to a session that is gone: an orphan, offered
/// for restoring. Two REPLs running at once each keep their own file and never offer each other's.
package final class RecoveryStore {
    package let directory: String
    private let name: String
    private var lock: FileLock?

    static let marker = "# gov-recovery"
    /// A comment line between two entries: the file stays a valid script, and restoring gives back the
    /// session's entries one by one (each undoable), not one block.
    static let entrySeparator = "# gov-recovery-entry"

    package init(directory: String) {
        self.directory = directory
        let unique = UUID().uuidString.prefix(8)
        name = "session-\(ProcessInfo.processInfo.processIdentifier)-\(Int(Date().timeIntervalSince1970))-\(unique)"
    }

    private var scriptPath: String { path(name + ".gov") }
    private var lockPath: String { path(name + ".lock") }
    private func path(_ file: String) -> String { (directory as NSString).appendingPathComponent(file) }

    /// Claims this session's lock; call before the first `save`.
    package func begin() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let lock = FileLock(path: lockPath)
        _ = lock?.lock(wait: false)
        self.lock = lock
    }

    /// Keeps the session's entries (first line: the marker and the file it belongs to).
    package func save(_ session: Session) throws {
        let header = RecoveryStore.marker + (session.fileName.map { " file=\($0)" } ?? "") + "\n"
        let body = session.entries.map { $0 + "\n" }.joined(separator: RecoveryStore.entrySeparator + "\n")
        try AtomicFile.write(header + body, to: scriptPath)
    }

    /// The session is saved (or empty): nothing to recover.
    package func clear() {
        try? FileManager.default.removeItem(atPath: scriptPath)
    }

    /// The session ended normally.
    package func end() {
        clear()
        try? FileManager.default.removeItem(atPath: lockPath)
        lock?.unlock()
        lock = nil
    }

    /// A session that ended without saving. Its lock is held from `orphans()` until it is adopted or
    /// discarded, so a second REPL starting at the same moment does not offer it too.
    package struct Orphan {
        package let path: String
        package let text: String
        /// The entries as the session had them.
        package let entries: [String]
        package let fileName: String?
        package let modified: Date
        fileprivate let lock: FileLock
        fileprivate let lockPath: String
    }

    /// Recovery files of sessions that are gone, newest first.
    package func orphans() -> [Orphan] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var found: [Orphan] = []
        // This session's own file is excluded by its own lock, like any live session's.
        for file in names where file.hasPrefix("session-") && file.hasSuffix(".gov") {
            let script = path(file)
            let lockFile = path(String(file.dropLast(4)) + ".lock")
            guard let lock = FileLock(path: lockFile), lock.lock(wait: false), let data = FileManager.default.contents(atPath: script) else {
                continue
            }
            let (text, fileName) = RecoveryStore.parse(String(decoding: data, as: UTF8.self))
            let entries = RecoveryStore.entries(of: text)
            let modified = (try? FileManager.default.attributesOfItem(atPath: script)[.modificationDate] as? Date) ?? Date.distantPast
            found.append(Orphan(path: script, text: text, entries: entries, fileName: fileName, modified: modified, lock: lock, lockPath: lockFile))
        }
        return found.sorted { $0.modified > $1.modified }
    }

    /// The orphan was restored into this session: its files go.
    package func adopt(_ orphan: Orphan) {
        try? FileManager.default.removeItem(atPath: orphan.path)
        try? FileManager.default.removeItem(atPath: orphan.lockPath)
        orphan.lock.unlock()
    }

    /// The clerk declined it: it is kept, once, as `discarded.gov` (replacing an older one), not deleted.
    @discardableResult
    package func discard(_ orphan: Orphan) -> String {
        let kept = path("discarded.gov")
        try? FileManager.default.removeItem(atPath: kept)
        if rename(orphan.path, kept) != 0 { try? FileManager.default.removeItem(atPath: orphan.path) }
        try? FileManager.default.removeItem(atPath: orphan.lockPath)
        orphan.lock.unlock()
        return kept
    }

    /// A recovery script's entries: split at the separator lines, each without its final line break.
    static func entries(of text: String) -> [String] {
        var entries: [String] = []
        var current: [Substring] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if line == entrySeparator {
                entries.append(current.joined(separator: "\n"))
                current = []
            } else if index < lines.count - 1 || !line.isEmpty {
                current.append(line)
            }
        }
        if !current.isEmpty { entries.append(current.joined(separator: "\n")) }
        return entries
    }

    /// The script without its marker line, and the file name the marker recorded.
    static func parse(_ contents: String) -> (text: String, fileName: String?) {
        guard contents.hasPrefix(marker) else { return (contents, nil) }
        let firstLine = contents.prefix { $0 != "\n" }
        let rest = String(contents.dropFirst(firstLine.count + 1))
        let info = firstLine.dropFirst(marker.count)
        let fileName = info.hasPrefix(" file=") ? String(info.dropFirst(" file=".count)) : nil
        return (rest, fileName.flatMap { $0.isEmpty ? nil : $0 })
    }
}

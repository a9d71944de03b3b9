import Foundation
import Gov
import GovLanguage
import GovRender
import GovReport

/// The entries typed in earlier sessions, for the Up arrow: one entry a line (a multi-line entry with its
/// line breaks escaped), the newest last, at most `limit` of them.
///
/// Two REPLs may run at once. Each new entry is added under an exclusive lock on `history.lock`: the file
/// is read again, the entry appended, the oldest dropped, and the result written to a temporary file and
/// renamed over the old one. So neither REPL loses the other's entries and no reader sees half a file.
package struct HistoryStore: Sendable {
    package let path: String
    package let limit: Int

    package init(path: String, limit: Int = 1000) {
        self.path = path
        self.limit = limit
    }

    var lockPath: String { path + ".lock" }

    package func load() -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        return lines.suffix(limit).map { HistoryStore.decode(String($0)) }
    }

    package func append(_ entry: String) throws {
        guard !entry.isEmpty else { return }
        try FileLock.withLock(lockPath) {
            var entries = load()
            if entries.last != entry { entries.append(entry) }
            let text = entries.suffix(limit).map(HistoryStore.encode).joined(separator: "\n") + "\n"
            try AtomicFile.write(text, to: path)
        }
    }

    /// `\` → `\\`, line feed → `\n`, carriage return → `\r`: one entry, one line.
    static func encode(_ entry: String) -> String {
        var line = ""
        for scalar in entry.unicodeScalars {
            switch scalar {
            case "\\": line += "\\\\"
            case "\n": line += "\\n"
            case "\r": line += "\\r"
            default: line.unicodeScalars.append(scalar)
            }
        }
        return line
    }

    static func decode(_ line: String) -> String {
        var entry = ""
        var escaped = false
        for scalar in line.unicodeScalars {
            if escaped {
                switch scalar {
                case "n": entry += "\n"
                case "r": entry += "\r"
                default: entry.unicodeScalars.append(scalar)
                }
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else {
                entry.unicodeScalars.append(scalar)
            }
        }
        if escaped { entry += "\\" }
        return entry
    }
}

import Foundation
import GovLanguage
import GovReport

/// The texts an editor holds open, at one moment. Analysis reads a script and everything it includes or
/// names as `previous` through the snapshot: an open buffer wins over the file on disk, so the findings are
/// those `gov check` would give if every buffer were saved.
package struct Snapshot: Sendable {
    /// Open texts by standardized path.
    private var texts: [String: [UInt8]] = [:]

    package init() {}

    package subscript(path path: String) -> [UInt8]? {
        get { texts[Snapshot.key(path)] }
        set { texts[Snapshot.key(path)] = newValue }
    }

    /// Reads open buffers first, then the disk (the same reader `gov check` uses).
    package var loader: ScriptLoader {
        let texts = self.texts
        return ScriptLoader { path in
            if let open = texts[Snapshot.key(path)] { return open }
            return try ScriptLoader.readFromDisk(path)
        }
    }

    /// Paths name the same file however they were written (`./a.gov`, a symlink); a name that is not a
    /// file path (an editor's `untitled:1`) is kept as given.
    package static func key(_ path: String) -> String {
        path.hasPrefix("/") || path.hasPrefix(".") || !path.contains(":") ? ScriptFinder.standardized(path) : path
    }

    /// The directory a path written in `file` is relative to (`include`, `previous`).
    static func resolve(_ written: String, from file: String) -> String {
        guard !written.hasPrefix("/") else { return written }
        return (PathText.directory(of: file) as NSString).appendingPathComponent(written)
    }
}

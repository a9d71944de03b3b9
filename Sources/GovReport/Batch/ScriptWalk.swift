#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The command line's paths as a stream of scripts, found one directory at a time rather than all at once,
/// so that a batch of 100,000 files starts checking at once and never holds the whole list.
///
/// The order is the one `ScriptFinder.scripts(in:)` gives (paths in the order given; a directory's scripts
/// sorted by their relative path), whatever order the file system lists entries in: each directory is
/// read and sorted on its own, a subdirectory sorting as its name followed by `/`, which is exactly the
/// order of the sorted full paths. Hidden entries are skipped; a symbolic link to a directory is not
/// followed (as `FileManager`'s enumerator does not), a symbolic link to a file is a file.
package struct ScriptWalk: Sendable {
    private let paths: [String]
    private var nextPath = 0
    /// Directories being read, innermost last: each with its standardized path (no symbolic link is
    /// followed below a named directory, so a child's is its parent's plus its name), its remaining
    /// entries, sorted, nearest first, and the regular files it listed.
    private var stack: [(directory: String, standardized: String, entries: [Entry], listed: ListedFiles)] = []
    private var seen = Set<String>()
    /// The standardized directories named on the command line, made when the first link is met.
    private var roots: [String]?
    /// The targets of links checked so far that lie outside every walked directory.
    private var linkTargets = Set<String>()

    private struct Entry: Sendable {
        let name: String
        let isDirectory: Bool
        /// A symbolic link to a file: its standardized path is its target's.
        var isLink = false
        let sortKey: String
    }

    package init(paths: [String]) {
        self.paths = paths
    }

    /// A script found, with its `ScriptFinder.standardized` path, whether that is its directory's plus its
    /// name, and (then) the regular files its directory listed.
    typealias Next = (found: ScriptFinder.Found, standardized: String, inPlace: Bool, listed: ListedFiles?)

    /// The next script, or nil when every path has been walked.
    package mutating func next() -> ScriptFinder.Found? { nextScript()?.found }

    /// The next script and its `ScriptFinder.standardized` path; `inPlace` when that is the directory's
    /// standardized path and the file's name (a regular file found in a directory, not a link), so that a
    /// script it names beside itself can be standardized the same way.
    mutating func nextScript() -> Next? {
        while true {
            if let top = stack.indices.last {
                guard let entry = stack[top].entries.popLast() else {
                    stack.removeLast()
                    continue
                }
                let directory = stack[top].directory
                let path = ScriptWalk.joined(directory == "/" ? "" : directory, entry.name)
                let standardized = ScriptWalk.joined(stack[top].standardized, entry.name)
                if entry.isDirectory {
                    let (entries, listed) = ScriptWalk.entries(of: path)
                    stack.append((path, standardized, entries, listed))
                    continue
                }
                let key = entry.isLink ? ScriptFinder.standardized(path) : standardized
                if entry.isLink, !acceptLink(target: key) { continue }
                if accept(key) {
                    return (ScriptFinder.Found(path: path, fromDirectory: true), key, !entry.isLink, entry.isLink ? nil : stack[top].listed)
                }
                continue
            }
            guard nextPath < paths.count else { return nil }
            let path = paths[nextPath]
            nextPath += 1
            if ScriptWalk.isDirectory(path) {
                // `FileManager` joins a directory and an entry without doubling a trailing slash.
                let directory = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
                let standardized = ScriptFinder.standardized(directory)
                let (entries, listed) = ScriptWalk.entries(of: directory)
                stack.append((directory, standardized == "/" ? "" : standardized, entries, listed))
            } else {
                let key = ScriptFinder.standardized(path)
                if accept(key) { return (ScriptFinder.Found(path: path, fromDirectory: false), key, false, nil) }
            }
        }
    }

    /// `directory/name`, made in one allocation: with `+`, each part made a string of its own (two joins a
    /// script, 520 instructions an append; callgrind).
    static func joined(_ directory: String, _ name: String) -> String {
        let count = directory.utf8.count + 1 + name.utf8.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            var end = buffer.initialize(fromContentsOf: directory.utf8)
            buffer[end] = UInt8(ascii: "/")
            end += 1
            end += UnsafeMutableBufferPointer(rebasing: buffer[end...]).initialize(fromContentsOf: name.utf8)
            return end
        }
    }

    /// A symbolic link to a script that the walk reaches under its own name too — inside a directory being
    /// walked, through visible entries — is skipped, so the script is checked once, under its own name,
    /// whichever comes first. Links to one script outside the walked directories are checked once, under
    /// the first link's name. Decided from the link's resolved target alone: no memory is kept per file,
    /// only per link.
    private mutating func acceptLink(target: String) -> Bool {
        if roots == nil {
            roots = paths.filter(ScriptWalk.isDirectory).map { path in
                let standardized = ScriptFinder.standardized(path)
                return standardized == "/" ? "" : standardized
            }
        }
        if roots?.contains(where: { ScriptWalk.walks(target, under: $0) }) == true { return false }
        return linkTargets.insert(target).inserted
    }

    /// Whether walking `root` (standardized, "" for "/") reaches the file at `target` (standardized, links
    /// resolved): it lies below, its name ends in `.gov`, and no entry on the way is hidden.
    static func walks(_ target: String, under root: String) -> Bool {
        guard target.hasPrefix(root + "/") else { return false }
        let components = target.dropFirst(root.count + 1).split(separator: "/", omittingEmptySubsequences: false)
        guard let name = components.last, name.hasSuffix(".gov") else { return false }
        return !components.contains { $0.isEmpty || $0.hasPrefix(".") }
    }

    /// A file is checked once however many times it is named (as `ScriptFinder` does). One path can only
    /// name a file once, so the set is kept only when there are several.
    private mutating func accept(_ standardized: String) -> Bool {
        guard paths.count > 1 else { return true }
        return seen.insert(standardized).inserted
    }

    package static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// A directory's `*.gov` files and visible subdirectories, sorted so that `popLast` yields them in order;
    /// and the regular files among them. Names are judged on their bytes: a string is made only of an
    /// entry kept (a body's directory lists its scripts and little else; the corpus's root, 4,000 bodies).
    private static func entries(of directory: String) -> ([Entry], ListedFiles) {
        var entries: [Entry] = []
        // A body's directory holds a few years' scripts: room for them at once, not a copy per doubling.
        entries.reserveCapacity(8)
        let listed = DirectoryListing.forEach(in: directory) { bytes, type in
            if bytes.first == UInt8(ascii: ".") { return }
            var kind = type
            // A name whose bytes do not end in `.gov` cannot end in it as a string either; one that does is
            // judged as a string too (as `ScriptFinder` judges it), so both keep the same files.
            let mayBeScript = bytes.count >= 4 && bytes[bytes.count - 4] == UInt8(ascii: ".") && bytes[bytes.count - 3] == UInt8(ascii: "g")
                && bytes[bytes.count - 2] == UInt8(ascii: "o") && bytes[bytes.count - 1] == UInt8(ascii: "v")
            // Only a directory or a script can be kept: anything else is passed over unread.
            if kind != UInt8(DT_DIR), kind != UInt8(DT_UNKNOWN), !mayBeScript { return }
            let name = String(decoding: bytes, as: UTF8.self)
            let isScript = mayBeScript && name.hasSuffix(".gov")
            if kind == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard lstat(joined(directory, name), &info) == 0 else { return }
                kind = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : (info.st_mode & S_IFMT) == S_IFLNK ? UInt8(DT_LNK) : UInt8(DT_REG)
            }
            if kind == UInt8(DT_DIR) {
                entries.append(Entry(name: name, isDirectory: true, sortKey: name + "/"))
                return
            }
            guard isScript else { return }
            if kind != UInt8(DT_REG) {
                // A link (or anything else) counts when it leads to a file, as `fileExists` decides.
                var info = stat()
                guard stat(joined(directory, name), &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { return }
            }
            entries.append(Entry(name: name, isDirectory: false, isLink: kind != UInt8(DT_REG), sortKey: name))
        }
        guard listed else { return ([], ListedFiles(sorted: [])) }
        entries.sort { $0.sortKey > $1.sortKey }
        // A file's sort key is its name: in reverse, the regular files are in ascending order.
        var regular: [String] = []
        regular.reserveCapacity(entries.count)
        for entry in entries.reversed() where !entry.isDirectory && !entry.isLink { regular.append(entry.name) }
        return (entries, ListedFiles(sorted: regular))
    }
}

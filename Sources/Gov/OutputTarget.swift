import Foundation
import GovLanguage
import GovReport

/// What writing to a path means, decided before anything is written (see `AtomicFile`).
enum OutputTarget {
    /// An open descriptor of this process: `-`, `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`.
    case descriptor(Int32)
    /// A FIFO or character device (`/dev/null`, a terminal): written directly, never replaced.
    case special(String)
    /// A regular file to write atomically at this path (a symbolic link's final target), with this mode;
    /// `replacing` when a file is there already (its content is what a crash must not lose).
    case regular(String, mode: mode_t, replacing: Bool)

    static func classify(_ path: String, force: Bool, protecting inputs: [String]) throws -> OutputTarget {
        if let descriptor = descriptor(named: path) { return .descriptor(descriptor) }
        var status = stat()
        var linkStatus = stat()
        guard lstat(path, &linkStatus) == 0 else {
            // Nothing there yet: a new regular file, in a directory that must exist and be writable.
            try requireWritableDirectory(of: path, force: force)
            return .regular(path, mode: 0o644, replacing: false)
        }
        let isLink = linkStatus.st_mode & S_IFMT == S_IFLNK
        guard stat(path, &status) == 0 else {
            // A dangling symbolic link: create the file it points to, not replace the link.
            guard isLink, let target = finalTarget(of: path) else {
                throw AtomicFile.Failure.system("\(path): \(String(cString: strerror(errno)))")
            }
            try requireWritableDirectory(of: target, force: force)
            return .regular(target, mode: 0o644, replacing: false)
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            let target = isLink ? (finalTarget(of: path) ?? path) : path
            if inputs.contains(where: { FileIdentity.same($0, target) }) {
                throw AtomicFile.Failure.refused("\(path) is a script the report is read from (the input, an include or its previous); choose another file")
            }
            // As root, permission bits do not stop a write: honour them anyway, a read-only file is a
            // file someone meant to keep.
            if !force, status.st_mode & 0o222 == 0 {
                throw AtomicFile.Failure.refused("\(path) is read-only; it was left untouched (use --force to replace it)")
            }
            try requireWritableDirectory(of: target, force: force)
            return .regular(target, mode: status.st_mode & 0o7777, replacing: true)
        case S_IFIFO, S_IFCHR:
            return .special(path)
        case S_IFDIR:
            throw AtomicFile.Failure.refused("\(path) is a directory")
        default:
            throw AtomicFile.Failure.refused("\(path) is not a regular file (a socket or block device); it was left untouched")
        }
    }

    /// The directory a new file or temporary goes into must exist and, unless forced, not be read-only.
    static func requireWritableDirectory(of path: String, force: Bool) throws {
        let parent = PathText.directory(of: path)
        let directory = parent.isEmpty ? "." : parent
        var status = stat()
        guard stat(directory, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw AtomicFile.Failure.system("the directory \(directory) does not exist")
        }
        if !force, status.st_mode & 0o222 == 0 {
            throw AtomicFile.Failure.refused("the directory \(directory) is read-only; nothing was written")
        }
    }

    /// The path a chain of symbolic links ends at (which may not exist yet), or nil for a loop.
    static func finalTarget(of path: String) -> String? {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return nil }
            current = destination.hasPrefix("/")
                ? destination : (PathText.directory(of: current) as NSString).appendingPathComponent(destination)
        }
        return nil
    }

    private static func descriptor(named path: String) -> Int32? {
        switch path {
        case "-", "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                if let number = Int32(path.dropFirst(prefix.count)), number >= 0 { return number }
            }
            return nil
        }
    }
}

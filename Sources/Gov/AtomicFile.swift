import Foundation

/// Writes files so that a reader never sees one half-written: the bytes go to a temporary file beside the
/// target, which then takes the target's place in one step. Used for everything a user could lose: rendered
/// reports, formatted scripts, saved REPL sessions, history, recovery files.
public enum AtomicFile {
    public enum Failure: LocalizedError, CustomStringConvertible {
        case exists(String)
        case system(String)

        public var description: String {
            switch self {
            case .exists(let path): return "\(path) already exists; it was left untouched"
            case .system(let message): return message
            }
        }

        public var errorDescription: String? { description }
    }

    /// Writes `data` to `path`, replacing what is there (rename over it).
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Writes `data` to `path`, replacing what is there (rename over it).
    public static func write(_ data: Data, to path: String) throws {
        let temporary = try writeTemporary(data, beside: path)
        if rename(temporary, path) != 0 { throw failure(removing: temporary) }
    }

    /// Rewrites an existing file in place: through a symbolic link to its target, keeping its permissions.
    public static func replace(_ data: Data, at path: String) throws {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let temporary = try writeTemporary(data, beside: target)
        var status = stat()
        if stat(target, &status) == 0 { _ = chmod(temporary, status.st_mode & 0o7777) }
        if rename(temporary, target) != 0 { throw failure(removing: temporary) }
    }

    /// Creates `path` with `data`, and fails — touching nothing — if it exists already. `link` makes the
    /// complete temporary file appear under the new name only if that name is free, in one step. Where the
    /// file system has no hard links (FAT, some network shares), the name is claimed with an exclusive
    /// create first and the complete file renamed over that empty placeholder.
    public static func create(_ data: Data, at path: String) throws {
        let temporary = try writeTemporary(data, beside: path)
        defer { unlink(temporary) }
        if link(temporary, path) == 0 { return }
        let code = errno
        if code == EEXIST { throw Failure.exists(path) }
        guard code == EPERM || code == ENOTSUP || code == EOPNOTSUPP || code == EMLINK else {
            throw Failure.system(String(cString: strerror(code)))
        }
        let placeholder = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard placeholder >= 0 else {
            let code = errno
            throw code == EEXIST ? Failure.exists(path) : Failure.system(String(cString: strerror(code)))
        }
        close(placeholder)
        if rename(temporary, path) != 0 {
            let failure = failure(removing: temporary)
            unlink(path)
            throw failure
        }
    }

    private static func writeTemporary(_ data: Data, beside path: String) throws -> String {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temporary)
        } catch {
            throw Failure.system(error.localizedDescription)
        }
        return temporary.path
    }

    private static func failure(removing temporary: String) -> Failure {
        let code = errno
        unlink(temporary)
        return .system(String(cString: strerror(code)))
    }
}

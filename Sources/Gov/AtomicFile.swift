import Foundation
import GovLanguage
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writes files so that nothing a user has is lost or replaced by surprise. A regular file is written
/// atomically: the bytes go to a temporary file beside it, which takes its place in one step (a reader never
/// sees half a file; a failed write leaves the old file and no temporary behind). Everything else is
/// decided by `OutputTarget`: a symbolic link is followed and its *target* rewritten; a FIFO, a terminal,
/// `/dev/null` or `/dev/stdout` is written directly, never replaced; a directory, socket or block device is
/// refused; so are a read-only file or directory (unless forced) and any file the inputs were read from.
/// Used for everything gov writes: rendered reports, formatted scripts, new scripts, saved REPL sessions,
/// history and recovery files.
package enum AtomicFile {
    package enum Failure: LocalizedError, CustomStringConvertible {
        case exists(String)
        case system(String)
        case refused(String)

        package var description: String {
            switch self {
            case .exists(let path): return "\(path) already exists; it was left untouched"
            case .system(let message): return message
            case .refused(let message): return message
            }
        }

        package var errorDescription: String? { description }
    }

    /// Writes `text` to `path`, replacing a regular file that is there (see `write(_:to:force:protecting:)`).
    package static func write(_ text: String, to path: String, force: Bool = false, protecting inputs: [String] = []) throws {
        try write(Data(text.utf8), to: path, force: force, protecting: inputs)
    }

    /// Writes `data` to `path`. `force` allows replacing a read-only file; `inputs` are files that must
    /// never be written over (the scripts a report was read from: the named one, its includes, `previous`).
    package static func write(_ data: Data, to path: String, force: Bool = false, protecting inputs: [String] = []) throws {
        switch try OutputTarget.classify(path, force: force, protecting: inputs) {
        case .descriptor(let descriptor):
            try writeAll(data, to: descriptor, path: path)
        case .special(let device):
            try writeDirectly(data, to: device)
        case .regular(let target, let mode, let replacing):
            try replaceAtomically(data, at: target, mode: mode, flushing: replacing)
        }
    }

    /// Rewrites an existing script in place (`gov fmt`): through a symbolic link to its target, keeping its
    /// permissions; a read-only script is left alone unless `force`.
    package static func replace(_ data: Data, at path: String, force: Bool = false) throws {
        try write(data, to: path, force: force)
    }

    /// Creates `path` with `data`, and fails — touching nothing — if it exists already (a dangling symbolic
    /// link counts as existing). `link` makes the complete temporary file appear under the new name only if
    /// that name is free, in one step. Where the file system has no hard links (FAT, some network shares),
    /// the name is claimed with an exclusive create first and the complete file renamed over that empty
    /// placeholder.
    package static func create(_ data: Data, at path: String) throws {
        var status = stat()
        if lstat(path, &status) == 0 { throw Failure.exists(path) }
        try OutputTarget.requireWritableDirectory(of: path, force: false)
        let temporary = try writeTemporary(data, beside: path, mode: 0o644, flushing: true)
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

    // MARK: - The three ways of writing

    /// `flushing`: the temporary reaches the disk before it takes the name. That is what keeps a file
    /// that is replaced whole through a crash; a new name has nothing to lose, and flushing each of
    /// 12,000 new pages (`gov render DIR --output-dir`) doubled the time the batch took.
    private static func replaceAtomically(_ data: Data, at target: String, mode: mode_t, flushing: Bool) throws {
        let temporary = try writeTemporary(data, beside: target, mode: mode, flushing: flushing)
        if rename(temporary, target) != 0 { throw failure(removing: temporary) }
    }

    /// A FIFO or character device: opened and written as it is (no temporary, no rename, no truncation of
    /// anything but what the device itself does).
    private static func writeDirectly(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure.system("\(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        try writeAll(data, to: descriptor, path: path)
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure.system("\(path): \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
    }

    /// A new file beside `path`, created exclusively, written in full and (when `flushing`) flushed;
    /// removed again if any of that fails, so a full disk leaves nothing behind.
    private static func writeTemporary(_ data: Data, beside path: String, mode: mode_t, flushing: Bool) throws -> String {
        // The directory and name by string arithmetic: through `URL` they were 110,000 instructions a file
        // written, a tenth of rendering a report as HTML.
        let directory = PathText.directory(of: path)
        let prefix = directory.isEmpty ? "" : directory == "/" ? "/" : directory + "/"
        let name = PathText.name(of: path)
        var temporary = ""
        var descriptor: Int32 = -1
        for attempt in 0..<100 {
            temporary = prefix + ".\(name).\(getpid()).\(attempt).tmp"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw Failure.system("\(path): \(String(cString: strerror(errno)))") }
        do {
            try writeAll(data, to: descriptor, path: path)
            guard !flushing || fsync(descriptor) == 0 else { throw Failure.system("\(path): \(String(cString: strerror(errno)))") }
            _ = fchmod(descriptor, mode)
            close(descriptor)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        return temporary
    }

    private static func failure(removing temporary: String) -> Failure {
        let code = errno
        unlink(temporary)
        return .system(String(cString: strerror(code)))
    }
}

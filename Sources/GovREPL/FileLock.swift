import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory lock (flock) on a lock file, held until `unlock` or until the process ends — the
/// kernel drops it when the process dies, which is how a crashed session's recovery file is recognised.
final class FileLock {
    private var descriptor: Int32

    /// Opens (creating) the lock file; nil when it cannot be opened.
    init?(path: String) {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        descriptor = fd
    }

    /// Waits for the lock, or with `wait: false` returns false at once when another process holds it.
    func lock(wait: Bool = true) -> Bool {
        guard descriptor >= 0 else { return false }
        while true {
            if flock(descriptor, LOCK_EX | (wait ? 0 : LOCK_NB)) == 0 { return true }
            if errno != EINTR { return false }
        }
    }

    func unlock() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { unlock() }

    /// Runs `body` holding the lock on `path` (or without it when the lock cannot be had, rather than fail).
    static func withLock<T>(_ path: String, _ body: () throws -> T) rethrows -> T {
        let lock = FileLock(path: path)
        _ = lock?.lock()
        defer { lock?.unlock() }
        return try body()
    }
}

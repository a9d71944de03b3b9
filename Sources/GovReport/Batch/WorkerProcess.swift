#if os(Linux)
import Glibc

/// A copy of this process (`fork`) that runs a closure and sends what it writes back through a pipe, read
/// here as length-prefixed records (`Varint.append(bytes:to:)`). See `ProcessWorkers`.
final class WorkerProcess {
    /// The writing end, in the worker.
    struct Pipe {
        let descriptor: Int32

        /// Writes every byte; false when the reader has gone (or another error): the worker should stop.
        func writeAll(_ bytes: [UInt8]) -> Bool {
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count, let base = buffer.baseAddress {
                    let written = write(descriptor, base + offset, buffer.count - offset)
                    if written < 0 && errno == EINTR { continue }
                    guard written > 0 else { return false }
                    offset += written
                }
                return true
            }
        }
    }

    private let pid: pid_t
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    /// The largest record accepted: a script's findings are kilobytes; anything near this is not a record.
    private static let largestRecord = 1 << 30
    /// Linux's `F_SETPIPE_SZ`, which Glibc's module leaves out (it needs `_GNU_SOURCE`).
    private static let setPipeSize: Int32 = 1031

    private init(pid: pid_t, descriptor: Int32) {
        self.pid = pid
        self.descriptor = descriptor
    }

    /// Starts a worker that runs `body` and exits; nil when no pipe or process could be made. The worker
    /// closes `inherited` (the reading ends of the workers started before it) first, so that no worker keeps
    /// another's pipe open after this process has gone.
    static func start(closing inherited: [WorkerProcess], body: (Pipe) -> Void) -> WorkerProcess? {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        // A larger pipe lets a worker run further ahead of this process (Linux's default is 64 KiB).
        _ = fcntl(ends[1], WorkerProcess.setPipeSize, Int32(1 << 20))
        let pid = fork()
        if pid == 0 {
            close(ends[0])
            for worker in inherited { close(worker.descriptor) }
            // A worker writes only to its pipe. Its copy of standard output would keep a reader of gov's output
            // (`gov check DIR | …`) waiting for the end as long as the worker lives; standard error stays, for a
            // crash's message.
            let null = open("/dev/null", O_WRONLY)
            if null >= 0 {
                dup2(null, STDOUT_FILENO)
                close(null)
            }
            body(Pipe(descriptor: ends[1]))
            // Straight out: no exit handlers, no flushing of buffers this process copied from its parent.
            _exit(0)
        }
        close(ends[1])
        guard pid > 0 else {
            close(ends[0])
            return nil
        }
        return WorkerProcess(pid: pid, descriptor: ends[0])
    }

    /// The next record the worker sent; nil when it has ended (or sent something that is not a record).
    func nextRecord() -> [UInt8]? {
        while true {
            var reader = Varint.Reader(bytes: buffer, offset: start)
            if let length = reader.int() {
                guard length >= 0, length <= WorkerProcess.largestRecord else { return nil }
                if buffer.count - reader.offset >= length {
                    start = reader.offset + length
                    return Array(buffer[reader.offset..<start])
                }
            }
            guard fill() else { return nil }
        }
    }

    /// Reads what the pipe has (waiting for something); false at its end or on an error.
    private func fill() -> Bool {
        guard descriptor >= 0 else { return false }
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        let old = buffer.count
        let want = 1 << 16
        buffer.append(contentsOf: repeatElement(0, count: want))
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress.map { $0 + old }, want) }
            if count < 0 && errno == EINTR { continue }
            buffer.removeLast(want - max(count, 0))
            return count > 0
        }
    }

    /// Ends the worker, whatever it is doing, and waits for it (no zombie is left).
    func stop() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
}
#endif

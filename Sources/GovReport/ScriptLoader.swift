#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GovLanguage

/// Reads script files. Text must be UTF-8: a file saved as GBK by a Windows editor is reported as such,
/// at the first byte that is not UTF-8, rather than read as mojibake. A BOM and CRLF line ends are normal.
public struct ScriptLoader: Sendable {
    /// Reads a file's bytes; tests replace it to serve files from memory.
    public var read: @Sendable (String) throws -> [UInt8]
    /// Whether `read` is `readFromDisk`: then a file a directory listing called regular is read without
    /// asking its status first (`readListedRegularFile`).
    private let readsFromDisk: Bool

    /// Reads from the disk.
    public init() {
        self.read = ScriptLoader.readFromDisk
        self.readsFromDisk = true
    }

    public init(read: @escaping @Sendable (String) throws -> [UInt8]) {
        self.read = read
        self.readsFromDisk = false
    }

    /// Why a file could not be read, in the words a diagnostic uses.
    public enum ReadFailure: Error, Sendable {
        case missing, directory, notRegular, unreadable, tooLarge(Int)

        var reason: String {
            switch self {
            case .missing: return "文件不存在"
            case .directory: return "这是一个目录，不是文件"
            case .notRegular: return "这不是普通文件（是设备、管道或套接字），不能作为脚本读取"
            case .unreadable: return "没有读取权限"
            case .tooLarge(let size): return "文件太大（\(size) 字节，最多 \(SourceLimits.maximumFileBytes) 字节）"
            }
        }
    }

    /// Reads a regular file. Anything else is refused before a byte of it is read: it is opened without
    /// waiting (`O_NONBLOCK`: a FIFO would wait for a writer) and without becoming the terminal
    /// (`O_NOCTTY`), and refused on what the open descriptor is; reading /dev/zero would never end. Size is
    /// checked first, so a huge file is never read in full. The status comes from the descriptor: a `stat`
    /// of the path before opening it was a second path lookup and system call per script (12,000 in a batch
    /// of 12,000 scripts).
    public static let readFromDisk: @Sendable (String) throws -> [UInt8] = { path in
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { throw errno == ENOENT || errno == ENOTDIR ? ReadFailure.missing : ReadFailure.unreadable }
        defer { close(descriptor) }
        return try readCarefully(descriptor)
    }

    /// An open file's bytes, after `prefix` (what was read of it already), judged by its status first.
    private static func readCarefully(_ descriptor: Int32, startingWith prefix: [UInt8] = []) throws -> [UInt8] {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw ReadFailure.unreadable }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw ReadFailure.directory
        default: throw ReadFailure.notRegular
        }
        guard status.st_size <= SourceLimits.maximumFileBytes else { throw ReadFailure.tooLarge(Int(status.st_size)) }
        guard let bytes = readAll(descriptor, status, startingWith: prefix) else { throw ReadFailure.unreadable }
        // The file grew while being read: refuse it rather than follow it.
        guard bytes.count <= SourceLimits.maximumFileBytes else { throw ReadFailure.tooLarge(bytes.count) }
        return bytes
    }

    /// The size of the first read of a file a directory listing called regular: most scripts are a few
    /// kilobytes, and a file this size or larger is read the careful way after it.
    static let listedReadSize = 16 * 1024

    /// Reads a file that a directory listing just called regular (`DT_REG`), without asking the descriptor
    /// its status first: a read shorter than `listedReadSize` is the whole of a regular file. In a batch
    /// that is one system call fewer per script (`fstat`; 12,000 in a batch of 12,000 scripts, 0.01 s of
    /// `gov check --jobs 1`'s 0.54 s, `scripts/bench`). A read that fills the buffer, or fails, asks the
    /// status after all and goes on as `readFromDisk` does: a directory, device or pipe is refused, a
    /// file too large is not read in full. What it gives up: a file replaced by a pipe or a device between
    /// the listing and the open (it is opened without waiting, `O_NONBLOCK`) is read for what one read
    /// gives, usually nothing, rather than refused — never waited on, never read without end.
    static func readListedRegularFile(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { throw errno == ENOENT || errno == ENOTDIR ? ReadFailure.missing : ReadFailure.unreadable }
        defer { close(descriptor) }
        var got = 0
        let first = [UInt8](unsafeUninitializedCapacity: listedReadSize) { buffer, count in
            got = readRetrying(descriptor, buffer.baseAddress, listedReadSize)
            count = max(got, 0)
        }
        if got >= 0, got < listedReadSize { return first }
        return try readCarefully(descriptor, startingWith: got < 0 ? [] : first)
    }

    /// A file's bytes straight into the array the lexer reads (`FileManager.contents` makes a `Data` and
    /// then a copy of it: two allocations and a copy per script); nil when it cannot be opened or read.
    static func readBytes(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { return nil }
        return readAll(descriptor, info)
    }

    /// Everything an open descriptor reads, after `prefix` (read of it already), `status` being its
    /// `fstat`; nil on a read error.
    private static func readAll(_ descriptor: Int32, _ info: stat, startingWith prefix: [UInt8] = []) -> [UInt8]? {
        // The size is a hint (a file may grow while it is read, a pipe has none): ask for one byte more
        // than it says. A short read of a regular file is its end, so the usual script costs one read, not
        // a second one to see the end (12,000 system calls in a batch of 12,000 scripts); anything else is
        // read until a read returns nothing.
        let regular = (info.st_mode & S_IFMT) == S_IFREG
        var bytes = prefix
        var chunk = max(min(Int(clamping: info.st_size), SourceLimits.maximumFileBytes) - prefix.count, 0) + 1
        while true {
            var failed = false
            var got = 0
            let piece = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, count in
                got = readRetrying(descriptor, buffer.baseAddress, chunk)
                failed = got < 0
                count = max(got, 0)
            }
            if failed { return nil }
            if bytes.isEmpty { bytes = piece } else { bytes += piece }
            if got == 0 || regular && got < chunk { return bytes }
            // Growing past the limit while being read: stop reading.
            guard bytes.count <= SourceLimits.maximumFileBytes else { return bytes }
            chunk = max(chunk, 1 << 16)
        }
    }

    /// Loads and registers a file, or explains why it could not be used.
    /// `listedAsRegular`: a directory listing just called the file regular (`ScriptWalk`).
    public func load(
        _ path: String, into sources: SourceManager, requestedAt: SourceRange? = nil, listedAsRegular: Bool = false
    ) -> Result<FileID, Diagnostic> {
        let bytes: [UInt8]
        do {
            bytes = try listedAsRegular && readsFromDisk ? ScriptLoader.readListedRegularFile(path) : read(path)
        } catch let failure as ReadFailure {
            let code: DiagnosticCode
            if case .tooLarge = failure { code = "E063" } else { code = .unreadableFile }
            return .failure(Diagnostic(code: code, message: "无法读取 \(path)：\(failure.reason)", range: requestedAt))
        } catch {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let reason = exists ? (isDirectory.boolValue ? "这是一个目录，不是文件" : "没有读取权限") : "文件不存在"
            return .failure(Diagnostic(code: "E060", message: "无法读取 \(path)：\(reason)", range: requestedAt))
        }
        let scan = UTF8Validation.scan(bytes)
        let file = SourceFile(path: path, bytes: bytes, scan: scan)
        let id = sources.add(file)
        if let bad = scan.firstInvalid {
            return .failure(
                Diagnostic(
                    code: "E007",
                    message: "文件不是 UTF-8 编码（第 \(file.line(of: bad)) 行有无法识别的字节，可能是 Windows 下保存的 GBK 编码）。请用“另存为 UTF-8”后再试",
                    range: SourceRange(file: id, start: bad, end: bad)))
        }
        if let limit = SourceLimits.check(file, id: id) { return .failure(limit) }
        return .success(id)
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence, or nil.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? { UTF8Validation.firstInvalid(bytes) }
}

/// `read(2)`, again after a signal interrupted it.
private func readRetrying(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    while true {
        let got = read(descriptor, buffer, count)
        if got >= 0 || errno != EINTR { return got }
    }
}

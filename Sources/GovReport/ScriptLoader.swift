import Foundation
import GovLanguage

#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Reads script files. Text must be UTF-8: a file saved as GBK by a Windows editor is reported as such,
/// at the first byte that is not UTF-8, rather than read as mojibake. A BOM and CRLF line ends are normal.
public struct ScriptLoader: Sendable {
    /// Reads a file's bytes; tests replace it to serve files from memory.
    public var read: @Sendable (String) throws -> [UInt8]

    public init(read: @escaping @Sendable (String) throws -> [UInt8] = ScriptLoader.readFromDisk) {
        self.read = read
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

    /// Reads a regular file. Anything else is refused before it is opened: reading /dev/zero never ends,
    /// and opening a FIFO waits for a writer. Size is checked first, so a huge file is never read in full.
    public static let readFromDisk: @Sendable (String) throws -> [UInt8] = { path in
        var status = stat()
        guard stat(path, &status) == 0 else { throw errno == ENOENT || errno == ENOTDIR ? ReadFailure.missing : ReadFailure.unreadable }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw ReadFailure.directory
        default: throw ReadFailure.notRegular
        }
        guard status.st_size <= SourceLimits.maximumFileBytes else { throw ReadFailure.tooLarge(Int(status.st_size)) }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { throw ReadFailure.unreadable }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { if errno == EINTR { continue }; throw ReadFailure.unreadable }
            if count == 0 { break }
            bytes += chunk[0..<count]
            // The file grew while being read: stop at the limit rather than follow it.
            guard bytes.count <= SourceLimits.maximumFileBytes else { throw ReadFailure.tooLarge(bytes.count) }
        }
        return bytes
    }

    /// Loads and registers a file, or explains why it could not be used.
    public func load(_ path: String, into sources: SourceManager, requestedAt: SourceRange? = nil) -> Result<FileID, Diagnostic> {
        let bytes: [UInt8]
        do {
            bytes = try read(path)
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
        let file = SourceFile(path: path, bytes: bytes)
        let id = sources.add(file)
        if let bad = ScriptLoader.firstInvalidUTF8(bytes) {
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
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            let minimum: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default: return i
            }
            guard i + length <= n else { return i }
            var scalar = UInt32(b) & (0xFF >> (length + 1))
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return i }
            i += length
        }
        return nil
    }
}

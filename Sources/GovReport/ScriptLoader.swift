import Foundation
import GovLanguage

/// Reads script files. Text must be UTF-8: a file saved as GBK by a Windows editor is reported as such,
/// at the first byte that is not UTF-8, rather than read as mojibake. A BOM and CRLF line ends are normal.
public struct ScriptLoader: Sendable {
    /// Reads a file's bytes; tests replace it to serve files from memory.
    public var read: @Sendable (String) throws -> [UInt8]

    public init(read: @escaping @Sendable (String) throws -> [UInt8] = ScriptLoader.readFromDisk) {
        self.read = read
    }

    public static let readFromDisk: @Sendable (String) throws -> [UInt8] = { path in
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        return [UInt8](data)
    }

    /// Loads and registers a file, or explains why it could not be used.
    public func load(_ path: String, into sources: SourceManager, requestedAt: SourceRange? = nil) -> Result<FileID, Diagnostic> {
        let bytes: [UInt8]
        do {
            bytes = try read(path)
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

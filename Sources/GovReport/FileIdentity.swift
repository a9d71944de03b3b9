import Foundation
import GovLanguage

/// Which file a path names, whatever the spelling: the device and inode of an existing file (so
/// `dir/../main.gov`, `./main.gov` and a symbolic link to it are one file), or the standardized path of a
/// file that does not exist on disk (scripts served from memory in tests and the REPL).
package struct FileIdentity: Hashable, Sendable {
    private let key: String

    /// Whether two paths name the same file.
    package static func same(_ a: String, _ b: String) -> Bool { FileIdentity(path: a) == FileIdentity(path: b) }

    package init(path: String) {
        var status = stat()
        if stat(path, &status) == 0 {
            key = "inode \(status.st_dev):\(status.st_ino)"
        } else {
            key = "path " + (path as NSString).standardizingPath
        }
    }
}

/// What `include` and `previous` may name.
enum IncludeRules {
    /// Only `.gov` files: a diagnostic quotes the line it is about, so including any other readable file
    /// (`include "/etc/shadow"`) would print that file's lines.
    static func requireScriptName(_ written: String, range: SourceRange) throws {
        guard written.lowercased().hasSuffix(".gov") else {
            throw Diagnostic(
                code: "E065", message: "只能引用 .gov 脚本文件，“\(written)” 不是（其他文件的内容不会被读取）", range: range)
        }
    }
}

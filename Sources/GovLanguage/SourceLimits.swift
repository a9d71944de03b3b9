/// The limits every script meets, wherever its text comes from (a file, an include, the REPL, an
/// embedding program). Real reports are a few hundred lines of a few hundred bytes; the limits sit far
/// above that and exist so that no input — a 10 MB line, a megabyte of NUL bytes — makes checking slow
/// or its output large. Each is a clear error at a place in the file (docs/language.md, "Limits").
package enum SourceLimits {
    /// Bytes in one file (E063).
    package static let maximumFileBytes = 2 * 1024 * 1024
    /// Bytes on one line (E005).
    package static let maximumLineBytes = 100_000

    /// The first limit `file` breaks, as a diagnostic; nil when it is within every limit. A file that
    /// breaks one is not read any further.
    package static func check(_ file: SourceFile, id: FileID) -> Diagnostic? {
        if file.bytes.count > maximumFileBytes {
            return Diagnostic(
                code: "E063",
                message: "文件太大（\(file.bytes.count) 字节，最多 \(maximumFileBytes) 字节）：这不像是一份年度报告的脚本",
                range: SourceRange(file: id, start: 0, end: 0))
        }
        let starts = file.lineStarts
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] - 1 : file.bytes.count
            if end - start > maximumLineBytes {
                return Diagnostic(
                    code: "E005",
                    message: "第 \(index + 1) 行太长（\(end - start) 字节，每行最多 \(maximumLineBytes) 字节）；长段文字请用 \"\"\"…\"\"\" 分行书写",
                    range: SourceRange(file: id, start: start + maximumLineBytes, end: start + maximumLineBytes))
            }
        }
        return nil
    }
}

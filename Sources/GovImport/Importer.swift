import Foundation
import Gov
import GovReport

/// `gov import` as a library: a published report (.docx, .html, .pdf, .txt) → document → recognized
/// report → script, with the tally the summary prints.
package enum Importer {
    package struct Result: Sendable {
        package let path: String
        package let report: RecognizedReport
        package let script: String
        package var tally: RecognizedReport.Tally { report.tally }
    }

    package static let extensions = ["docx", "html", "htm", "shtml", "pdf", "txt", "doc", "wps", "rtf", "odt"]

    /// Reads any supported file into the document model; throws an `ImportError` naming what is wrong.
    package static func document(at path: String) throws -> ImportedDocument {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ImportError(path, "无法读取文件（cannot read the file）")
        }
        switch (path as NSString).pathExtension.lowercased() {
        case "docx": return try DocxReader.read(data, path: path)
        case "html", "htm", "shtml", "xhtml": return try HTMLReader.read(data, path: path)
        case "pdf": return try PDFReader.read(path: path)
        case "txt", "text", "":
            return TextReader.read(try TextDecoding.decode(data, path: path))
        case "doc", "wps", "rtf", "odt":
            return try DocxReader.read(try LegacyWordConverter.convert(path), path: path)
        default:
            throw ImportError(path, "不支持的文件类型（supported: .docx .html .pdf .txt）")
        }
    }

    package static func importFile(at path: String, interpolate: Bool = false) throws -> Result {
        let document = try document(at: path)
        let report = DocumentRecognizer.recognize(document)
        guard hasReport(report) else {
            let links = document.attachments.prefix(5).joined(separator: "、")
            let hint = links.isEmpty ? "" : "；页面链接的文件：\(links)（报告可能在附件里，请下载后导入）"
            throw ImportError(path, "文件中没有找到政府信息公开工作年度报告（no title, no official section, no official table）" + hint)
        }
        let name = (path as NSString).lastPathComponent
        let script = ImportScriptWriter(report, sourceName: name).script()
        return Result(path: path, report: report, script: interpolate ? interpolated(script, name: name) : script)
    }

    /// `--interpolate`: the checker's own fix-it (`gov fmt --interpolate`, its phrase table of what text
    /// numbers state) on the imported script: literals that agree become `{…}`, only if the report's text
    /// stays exactly the same.
    static func interpolated(_ script: String, name: String) -> String {
        let bytes = Array(script.utf8)
        let result = Gov.interpolate(path: name + ".gov", loader: ScriptLoader { _ in bytes })
        guard let rewritten = result.rewritten else { return script }
        return String(decoding: rewritten, as: UTF8.self)
    }

    /// Something of a report was found: its title, or an official table.
    static func hasReport(_ report: RecognizedReport) -> Bool {
        report.title != nil || !report.tables.applications.isEmpty || !report.tables.disclosure.isEmpty
    }

    /// Imports from text in memory (tests, and `gov audit` of pasted text).
    package static func importText(_ text: String, name: String = "<text>") -> Result {
        let report = DocumentRecognizer.recognize(TextReader.read(text))
        return Result(path: name, report: report, script: ImportScriptWriter(report, sourceName: name).script())
    }

    package static func importDocument(_ document: ImportedDocument, name: String) -> Result {
        let report = DocumentRecognizer.recognize(document)
        return Result(path: name, report: report, script: ImportScriptWriter(report, sourceName: name).script())
    }
}

/// Text files are UTF-8 (a BOM is fine) or, from Windows, GBK/GB18030.
enum TextDecoding {
    static func decode(_ data: Data, path: String) throws -> String {
        if let text = String(data: data, encoding: .utf8) { return text }
        if let text = gb18030(data) { return text }
        throw ImportError(path, "文本既不是 UTF-8 也不是 GBK 编码")
    }

    /// GB18030 (a superset of GBK and GB2312) through the C library's iconv: Foundation on Linux has no
    /// codec for it.
    static func gb18030(_ data: Data) -> String? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = [CChar](repeating: 0, count: data.count)
        data.withUnsafeBytes { bytes in
            for (index, byte) in bytes.enumerated() { input[index] = CChar(bitPattern: byte) }
        }
        var output = [CChar](repeating: 0, count: data.count * 2 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inPointer = inputBuffer.baseAddress
                var inLeft = inputBuffer.count
                var outPointer = outputBuffer.baseAddress
                var outLeft = outputBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                guard result != -1, inLeft == 0 else { return nil }
                return outputBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return String(decoding: output.prefix(produced).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

import Foundation

/// PDF through poppler's `pdftotext -layout` (a subprocess): table rows stay on one line, paragraphs are
/// joined back from their wrapped lines by `TextReader`'s layout mode.
package enum PDFReader {
    package static func read(path: String) throws -> ImportedDocument {
        guard let tool = executable("pdftotext") else {
            throw ImportError(path, "读取 PDF 需要 poppler 的 pdftotext：请安装 poppler-utils（apt-get install poppler-utils / brew install poppler）")
        }
        let data = try run(tool, ["-layout", "-enc", "UTF-8", path, "-"], path: path)
        let text = String(decoding: data, as: UTF8.self)
        guard text.unicodeScalars.contains(where: { !ScanText.isSpace($0) && $0 != "\u{0C}" }) else {
            throw ImportError(path, "PDF 没有文字层（扫描件？）：请先做文字识别（OCR），例如 ocrmypdf")
        }
        var document = TextReader.read(text, layout: true)
        // Word boxes: which column a number sits under when a row has blank cells.
        if let boxes = try? run(tool, ["-bbox-layout", "-enc", "UTF-8", path, "-"], path: path) {
            document.wordPositions = PDFWordPositions.parse(boxes)
        }
        return document
    }

    private static func run(_ tool: String, _ arguments: [String], path: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { throw ImportError(path, "无法运行 pdftotext：\(error)") }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ImportError(path, "不是可读的 PDF（pdftotext: \(message.trimmingSpaces)）")
        }
        return data
    }

    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

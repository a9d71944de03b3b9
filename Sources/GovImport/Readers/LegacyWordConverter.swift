import Foundation

/// Old Word (.doc), WPS, RTF and OpenDocument files, which many offices still publish: LibreOffice turns
/// them into .docx (a subprocess, in a private temporary directory), and the .docx reader takes over.
/// Without LibreOffice, an error that says what to install or do.
enum LegacyWordConverter {
    static func convert(_ path: String) throws -> Data {
        guard let soffice = PDFReader.executable("soffice") ?? PDFReader.executable("libreoffice") else {
            throw ImportError(path, "读取 .doc/.wps/.rtf 需要 LibreOffice（apt-get install libreoffice-writer-nogui），或先在 Word 中另存为 .docx")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gov-import-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["--headless", "--convert-to", "docx", "--outdir", directory.path, path]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = directory.path   // its own profile: no clash with a LibreOffice already open
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw ImportError(path, "无法运行 LibreOffice：\(error)") }
        process.waitUntilExit()
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let converted = directory.appendingPathComponent(stem + ".docx")
        guard process.terminationStatus == 0, let data = try? Data(contentsOf: converted) else {
            throw ImportError(path, "LibreOffice 无法把这个文件转换为 .docx（文件可能已损坏）")
        }
        return data
    }
}

import Foundation
import GovRender

/// PDF through LibreOffice: the report's .docx, converted by `soffice --headless --convert-to pdf` run as a
/// subprocess. LibreOffice lays out the Word document as Word would and embeds the fonts it uses.
///
/// The conversion runs in a private temporary directory with its own LibreOffice profile, so it neither
/// disturbs nor waits for a LibreOffice the user has open, and two conversions can run at once. A
/// fontconfig file there maps the 公文 font names to the Noto CJK families (as fallbacks only: a machine
/// with 仿宋_GB2312 uses it), so a machine without the 公文 fonts still gets Chinese serif body text rather
/// than a Japanese sans.
public struct PDFConverter: Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case converterMissing
        case conversionFailed(status: Int32, message: String)

        public var description: String {
            switch self {
            case .converterMissing:
                return "PDF needs LibreOffice (soffice), which was not found on PATH; install the Debian package "
                    + "libreoffice-writer-nogui (apt-get install libreoffice-writer-nogui), or write a .docx"
            case .conversionFailed(let status, let message):
                return "LibreOffice could not convert the report to PDF (exit status \(status))"
                    + (message.isEmpty ? "" : ": \(message)")
            }
        }
    }

    /// How long a conversion may take: a first start of LibreOffice takes a few seconds, a report one more.
    static let timeout: TimeInterval = 180

    /// The Debian package that provides `soffice` without a desktop.
    public static let debianPackage = "libreoffice-writer-nogui"

    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// `soffice` (or `libreoffice`) on PATH; `GOV_SOFFICE` names another one.
    public func converterPath() -> String? {
        if let chosen = environment["GOV_SOFFICE"], !chosen.isEmpty {
            return FileManager.default.isExecutableFile(atPath: chosen) ? chosen : nil
        }
        let directories = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["soffice", "libreoffice"] {
            for directory in directories where !directory.isEmpty {
                let candidate = (directory as NSString).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// The PDF of a .docx package.
    public func convert(docx: Data) throws -> Data {
        guard let soffice = converterPath() else { throw Failure.converterMissing }
        let fileManager = FileManager.default
        let work = fileManager.temporaryDirectory.appendingPathComponent("gov-pdf-\(UUID().uuidString)", isDirectory: true)
        try fileManager.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fileManager.removeItem(at: work) }
        let input = work.appendingPathComponent("report.docx")
        try docx.write(to: input)
        let fonts = work.appendingPathComponent("fonts.conf")
        try Data(PDFConverter.fontconfig.utf8).write(to: fonts)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = [
            "-env:UserInstallation=\(work.appendingPathComponent("profile", isDirectory: true).absoluteString)",
            "--headless", "--norestore", "--convert-to", "pdf:writer_pdf_Export", "--outdir", work.path, input.path,
        ]
        var environment = self.environment
        environment["FONTCONFIG_FILE"] = fonts.path
        environment["HOME"] = environment["HOME"] ?? work.path
        process.environment = environment
        // LibreOffice's messages go to a file, not a pipe: Foundation's pipe read traps when a signal
        // interrupts it (EINTR), and the REPL's handlers for a window resize or Ctrl-C do interrupt reads.
        let log = work.appendingPathComponent("soffice.log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil), let errors = FileHandle(forWritingAtPath: log.path) else {
            throw Failure.conversionFailed(status: -1, message: "cannot create \(log.path)")
        }
        defer { try? errors.close() }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // A converter that hangs (a broken installation) is stopped rather than holding gov forever.
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + PDFConverter.timeout, execute: watchdog)
        defer { watchdog.cancel() }
        process.waitUntilExit()
        let message = String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self)
        let output = work.appendingPathComponent("report.pdf")
        guard process.terminationStatus == 0, let pdf = try? Data(contentsOf: output), pdf.starts(with: Array("%PDF".utf8)) else {
            let relevant = message.split(separator: "\n").filter { !$0.contains("dbus") && !$0.contains("javaldx") }.joined(separator: "; ")
            throw Failure.conversionFailed(status: process.terminationStatus, message: relevant)
        }
        return pdf
    }

    /// Aliases from each 公文 font the Word styles name to its Noto CJK fallback, on top of the system's
    /// own configuration. `accept` appends the fallback after the named family, so the real font wins
    /// where it is installed.
    static let fontconfig: String = {
        let aliases = DocxFonts.faces.map {
            "<alias binding=\"same\"><family>\($0.name)</family><accept><family>\($0.fallback)</family></accept></alias>"
        }
        return """
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
            <fontconfig>
            <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
            \(aliases.joined(separator: "\n"))
            </fontconfig>

            """
    }()
}

import Foundation
import Gov
import GovLanguage
import GovRender
import GovReport

/// Writes render outputs so that nothing is lost: every file atomically (a temporary file beside it, then
/// rename), never over an input script, and never twice to the same name in one batch.
struct OutputWriter {
    struct Failure: Error {
        let message: String
    }

    /// The input scripts, standardized once: a batch of 12,000 outputs compared each with every input
    /// was 144 million path resolutions.
    private let inputs: Set<String>
    private var used: Set<String> = []

    init(inputs: [String]) {
        self.inputs = Set(inputs.map(ScriptFinder.standardized))
    }

    /// Writes one output. `reads` are the files the rendered report was read from (includes, `previous`):
    /// like the named inputs, they are never written over. `force` replaces a read-only file.
    func write(_ data: Data, to path: String, reads: [String] = [], force: Bool = false) throws {
        // Only a path where something is can be an input (resolving the path is 90,000 instructions, a
        // tenth of rendering a report as HTML, and most outputs are new). `AtomicFile` compares the file's
        // identity with the inputs' again before it replaces anything.
        var status = stat()
        if lstat(path, &status) == 0, inputs.contains(ScriptFinder.standardized(path)) {
            throw Failure(message: "refusing to overwrite the input script \(path)")
        }
        let directory = PathText.directory(of: path)
        do {
            if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            try AtomicFile.write(data, to: path, force: force, protecting: Array(inputs) + reads)
        } catch let failure as AtomicFile.Failure {
            if case .refused(let message) = failure { throw Failure(message: "refusing to write: \(message)") }
            throw Failure(message: "cannot write \(path): \(failure.description)")
        } catch {
            throw Failure(message: "cannot write \(path): \(error.localizedDescription)")
        }
    }

    func writeDirectory(_ files: [(name: String, data: Data)], to directory: String, reads: [String] = [], force: Bool = false) throws {
        for file in files {
            try write(file.data, to: (directory as NSString).appendingPathComponent(file.name), reads: reads, force: force)
        }
    }

    /// `大隐镇人民政府-2020.docx`, or `…-2020-2.docx` when two scripts share a body and year. Characters a
    /// file system would refuse are replaced.
    mutating func uniqueName(in directory: String, stem: String, extension ext: String?) -> String {
        let safe = String(stem.unicodeScalars.map { scalar -> Character in
            "/\\:*?\"<>|".unicodeScalars.contains(scalar) || scalar.value < 0x20 ? "_" : Character(scalar)
        })
        var candidate = safe
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(safe)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        let name = ext.map { "\(candidate).\($0)" } ?? candidate
        return (directory as NSString).appendingPathComponent(name)
    }

    static func samePath(_ a: String, _ b: String) -> Bool {
        ScriptFinder.standardized(a) == ScriptFinder.standardized(b) || FileIdentity.same(a, b)
    }
}

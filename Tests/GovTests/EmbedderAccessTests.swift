import Foundation
import Testing

/// The public surface as an embedder meets it, from outside the package: the tests themselves are inside
/// it and see every `package` declaration, so here `swiftc -typecheck` compiles code against the built
/// modules without the package's name — the DocC catalog's examples must build, and reaching for a
/// `package` declaration (even through a lower module imported directly) must not.
struct EmbedderAccessTests {
    @Test func theCatalogExamplesBuildOutsideThePackage() throws {
        var body: [String] = []
        let catalog = Paths.packageRoot.appendingPathComponent("Sources/Gov/Gov.docc")
        for file in try FileManager.default.contentsOfDirectory(atPath: catalog.path).sorted() where file.hasSuffix(".md") {
            let text = try String(contentsOf: catalog.appendingPathComponent(file), encoding: .utf8)
            for block in text.components(separatedBy: "```swift\n").dropFirst() {
                guard let end = block.range(of: "```") else { continue }
                body.append(String(block[..<end.lowerBound]))
            }
        }
        #expect(body.count >= 6)
        let source = "import Foundation\nimport Gov\n\nfunc examples() throws {\n" + body.joined(separator: "\n") + "}\n"
        let result = try Self.typecheck(source)
        #expect(result.status == 0, "the catalog's examples do not build outside the package:\n\(result.errors)")
    }

    @Test(arguments: [
        ("import Gov\nlet r = Gov.evaluate(source: \"\").report\n_ = r.cells\n", "cells"),
        ("import Gov\nimport GovRender\n_ = LayoutBuilder.document(for: Gov.evaluate(source: \"\").report)\n", "LayoutBuilder"),
        ("import Gov\nimport GovLanguage\n_ = Lexer.self\n", "Lexer"),
        ("import Gov\nimport GovReport\n_ = TableStatement.all\n", "TableStatement"),
    ])
    func packageDeclarationsAreOutOfReach(source: String, name: String) throws {
        let result = try Self.typecheck(source)
        #expect(result.status != 0, "\(name) is reachable from outside the package")
        // A `package` member is "inaccessible"; a `package` type is not even found (the module is).
        let hidden = result.errors.contains("'\(name)' is inaccessible due to 'package' protection level")
            || result.errors.contains("cannot find '\(name)' in scope")
        #expect(hidden && !result.errors.contains("no such module"), "\(result.errors)")
    }

    /// The report model is read-only outside the package: an embedder reads a report, the evaluation makes it.
    @Test func theReportModelIsReadOnlyOutside() throws {
        let source = "import Gov\nvar report = Gov.evaluate(source: \"\").report\nreport.header.body = \"甲\"\n"
        let result = try Self.typecheck(source)
        #expect(result.status != 0 && result.errors.contains("setter is inaccessible"), "\(result.errors)")
        let reading = "import Gov\nlet report = Gov.evaluate(source: \"\").report\nprint(report.header.body, report.sections.count)\n"
        #expect(try Self.typecheck(reading).status == 0)
    }

    /// Type-checks one file against the modules the tests were built with, as a program outside the
    /// package would (no `-package-name`).
    static func typecheck(_ source: String) throws -> (status: Int32, errors: String) {
        let modules = Paths.gov.deletingLastPathComponent().appendingPathComponent("Modules")
        // <scratch>/<triple>/debug/Modules → <scratch>/checkouts: ZIPFoundation's zlib module map.
        let scratch = modules.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let zlib = scratch.appendingPathComponent("checkouts/ZIPFoundation/Sources/CZLib/module.modulemap")
        // GovLanguage's C part (the UTF-8 check's vector step), as a package that depends on gov sees it.
        let utf8Scan = Paths.packageRoot.appendingPathComponent("Sources/CByteScan/include/module.modulemap")
        // GovReport's (the batch walk's directory listing).
        let directoryListing = Paths.packageRoot.appendingPathComponent("Sources/CDirectory/include/module.modulemap")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gov-embed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("main.swift")
        try source.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "swiftc", "-typecheck", "-I", modules.path, "-Xcc", "-fmodule-map-file=\(zlib.path)", "-Xcc", "-fmodule-map-file=\(utf8Scan.path)",
            "-Xcc", "-fmodule-map-file=\(directoryListing.path)",
            // One module cache for every run (the compiler locks it): a fresh one costs seconds a call.
            "-module-cache-path", FileManager.default.temporaryDirectory.appendingPathComponent("gov-embed-module-cache").path, file.path,
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// Every public type of the lower modules is one `Gov.swift` re-exports by name, and the reverse: a type made
/// `public` by accident (or one the API names but `import Gov` does not give) fails here.
struct PublicSurfaceTests {
    @Test func thePublicTypesAreTheReExportedOnes() throws {
        let root = Paths.packageRoot.appendingPathComponent("Sources")
        let declaration = try Regex(#"^public (?:final )?(?:struct|enum|class|protocol|actor) ([A-Za-z_][A-Za-z0-9_]*)"#).anchorsMatchLineEndings()
        var declared: Set<String> = []
        for module in ["GovLanguage", "GovReport", "GovRender", "GovImport", "GovREPL", "GovIDE", "GovLSP"] {
            let directory = root.appendingPathComponent(module)
            guard let files = FileManager.default.enumerator(atPath: directory.path) else { continue }
            for case let file as String in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
                for match in text.matches(of: declaration) {
                    if let name = match.output[1].substring { declared.insert(String(name)) }
                }
            }
        }
        let gov = try String(contentsOf: root.appendingPathComponent("Gov/Gov.swift"), encoding: .utf8)
        let reExport = try Regex(#"^@_exported import (?:struct|enum|class|protocol) Gov[A-Za-z]+\.([A-Za-z_][A-Za-z0-9_]*)"#).anchorsMatchLineEndings()
        let exported = Set(gov.matches(of: reExport).compactMap { $0.output[1].substring.map(String.init) })
        #expect(declared.subtracting(exported).isEmpty, "public but not re-exported: \(declared.subtracting(exported).sorted())")
        #expect(exported.subtracting(declared).isEmpty, "re-exported but not public: \(exported.subtracting(declared).sorted())")
        #expect(exported.count >= 40)
    }
}

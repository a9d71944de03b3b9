// swift-tools-version: 6.0
// The pipeline is the architecture: GovLanguage (source → tokens → syntax) → GovReport (evaluation into
// the official report model, rules, checks) → GovRender (one layout, many renderers) → Gov (the small
// embedding API) → GovREPL (the interactive session; libedit is one adapter behind a protocol) and GovImport
// (published reports → scripts, the audit of a folder); GovIDE (editor analysis, over GovREPL's completer) →
// GovLSP (the language server); → gov (the command-line program). Dependencies point one way only.
import PackageDescription

let package = Package(
    name: "gov",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Gov", targets: ["Gov"]),
        .executable(name: "gov", targets: ["GovCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        .target(name: "GovLanguage"),
        .target(name: "GovReport", dependencies: ["GovLanguage"]),
        .target(name: "GovRender", dependencies: ["GovLanguage", "GovReport", "ZIPFoundation"]),
        .target(name: "Gov", dependencies: ["GovLanguage", "GovReport", "GovRender"]),
        // libxml2's HTML parser, found through pkg-config; Debian/Ubuntu: apt-get install libxml2-dev.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        // libxml2's headers include the system ICU, which clashes with Foundation's: Swift sees only this C shim.
        .target(name: "CHTMLEvents", dependencies: ["CLibXML2"]),
        // Published reports (.docx, .html, .pdf, .txt) → one document model → the official format → a script;
        // and the audit of a folder of them. A room on top of Gov, like GovREPL.
        .target(name: "GovImport", dependencies: ["GovLanguage", "GovReport", "GovRender", "Gov", "CHTMLEvents", "ZIPFoundation"]),
        // libedit (BSD editline), found through pkg-config; Debian/Ubuntu: apt-get install libedit-dev.
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"]), .brew(["libedit"])]),
        // Fixed-argument wrappers: Swift cannot call libedit's variadic el_set/el_get/history.
        .target(name: "CEditLine", dependencies: ["CLibEdit"]),
        .target(name: "GovREPL", dependencies: ["Gov", "CLibEdit", "CEditLine"]),
        // Editor analysis over a snapshot of open texts (diagnostics, hover, completion, definition, format,
        // symbols, fixes), in byte offsets; it knows nothing of the protocol. Completion is the REPL's completer.
        .target(name: "GovIDE", dependencies: ["GovLanguage", "GovReport", "GovREPL"]),
        // `gov lsp`: JSON-RPC framing, UTF-16 positions, the protocol's life cycle; a thin room over GovIDE.
        .target(name: "GovLSP", dependencies: ["GovIDE", "GovLanguage"]),
        .executableTarget(
            name: "GovCLI",
            dependencies: ["Gov", "GovREPL", "GovImport", "GovLSP", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "GovBench", dependencies: ["Gov", "GovImport"]),
        // `gov lsp` under load: diagnostics after a change to a 300-line script, memory over 10,000 edits.
        .executableTarget(name: "GovLSPBench", dependencies: ["GovLSP"]),
        .testTarget(
            name: "GovTests",
            dependencies: ["Gov", "GovREPL", "GovCLI", "GovImport", "GovIDE", "GovLSP", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Golden", "Fixtures"]),
    ]
)

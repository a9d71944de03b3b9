// swift-tools-version: 6.0
// The pipeline is the architecture: GovLanguage (source → tokens → syntax) → GovReport (evaluation into
// the official report model, rules, checks) → GovRender (one layout, many renderers) → Gov (the small
// embedding API) → GovREPL (the interactive session; libedit is one adapter behind a protocol) and GovImport
// (published reports → scripts, the audit of a folder); GovIDE (editor analysis, over GovREPL's completer) →
// GovLSP (the language server); → gov (the command-line program). Dependencies point one way only.
import PackageDescription

// The two modules every script passes through (lexing, parsing, evaluation, rules) are compiled without
// lexical lifetimes: the optimizer may then end a value's lifetime at its last use, not at the end of its
// scope, and drops the retain/release pairs that kept it alive in between. Checking 300 scripts took 3.6 %
// fewer instructions (158.2 M -> 152.5 M, callgrind) and `gov check --jobs 1` of 12,000 files 7 % less
// time (0.69 -> 0.64 s, scripts/bench), with the same output. It is Swift 5.6's rule, and safe for code
// whose objects do nothing observable when freed: in these modules only `SpillFile` closes a descriptor
// in its `deinit` (used only inside its own methods), only the lexer's `TokenSink` frees memory in its
// `deinit` (reached only through the sink's own methods, so never after its last use), and only
// `FinalScope` is reached through an `unowned` reference (its evaluator, used only while the scope is). Keep it so: an object here that owns
// a resource it frees in `deinit`, or is read through `unowned`/`Unmanaged`, must be kept alive by
// `withExtendedLifetime` where it is used.
//
// It is an unsafe flag, and SwiftPM refuses a package with one as a dependency required by version. A
// program that embeds gov that way sets GOV_NO_UNSAFE_FLAGS=1 where it resolves and builds: the flag is
// then left out (the same code; without the flag, checking took 7 % longer on one core when it was measured).
import Foundation
let unsafeFlagsAllowed = ProcessInfo.processInfo.environment["GOV_NO_UNSAFE_FLAGS"] != "1"

// A release build on Linux places the functions a check runs most next to each other, at the start of the
// program's code, in the order scripts/hot-functions.order lists them (made by scripts/hot-functions from
// callgrind's count of a batch check): each function gets its own section (-function-sections), and lld,
// which ships with the Swift toolchain, lays the sections out in that order. The code a check runs then
// lies together at the start instead of among the rest of a 77 MiB program: `gov check --jobs 1` of 12,000
// files took 0.59–0.60 s instead of 0.62 s, and its peak memory fell from 19.0 to 16.8 MiB (fewer code
// pages touched; scripts/bench, the same instructions). A name the list has and the program lacks is
// ignored, so a stale list costs only speed; regenerate it after large changes to the hot path.
let ownSections: [SwiftSetting] =
    unsafeFlagsAllowed ? [.unsafeFlags(["-Xfrontend", "-function-sections"], .when(platforms: [.linux], configuration: .release))] : []
let hotFirst: [LinkerSetting] =
    unsafeFlagsAllowed
    ? [.unsafeFlags(
        ["-use-ld=lld", "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/scripts/hot-functions.order",
         "-Xlinker", "--no-warn-symbol-ordering"],
        .when(platforms: [.linux], configuration: .release))]
    : []
let hotPath: [SwiftSetting] =
    unsafeFlagsAllowed ? [.unsafeFlags(["-Xfrontend", "-enable-lexical-lifetimes=false"])] + ownSections : ownSections

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
        // Byte loops sixteen bytes a step: the UTF-8 check's (SSSE3's byte shuffle, which Swift's SIMD types
        // lack) and the text check's search for a digit or a brace.
        .target(name: "CByteScan"),
        // The batch walk's directory listing, straight from the kernel (Linux's getdents64).
        .target(name: "CDirectory"),
        .target(name: "GovLanguage", dependencies: ["CByteScan"], swiftSettings: hotPath),
        .target(name: "GovReport", dependencies: ["GovLanguage", "CDirectory"], swiftSettings: hotPath),
        .target(name: "GovRender", dependencies: ["GovLanguage", "GovReport", "ZIPFoundation"], swiftSettings: ownSections),
        .target(name: "Gov", dependencies: ["GovLanguage", "GovReport", "GovRender"], swiftSettings: ownSections),
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
            dependencies: ["Gov", "GovREPL", "GovImport", "GovLSP", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: ownSections,
            linkerSettings: hotFirst
        ),
        .executableTarget(name: "GovBench", dependencies: ["Gov", "GovImport"]),
        // `gov lsp` under load: diagnostics after a change to a 300-line script, memory over 10,000 edits.
        .executableTarget(name: "GovLSPBench", dependencies: ["GovLSP"]),
        // libFuzzer target over evaluate → format → render (scripts/fuzz builds it with -DFUZZING).
        .executableTarget(name: "GovFuzz", dependencies: ["Gov", "GovReport"]),
        .testTarget(
            name: "GovTests",
            dependencies: ["Gov", "GovREPL", "GovCLI", "GovImport", "GovIDE", "GovLSP", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Golden", "Fixtures"]),
    ]
)

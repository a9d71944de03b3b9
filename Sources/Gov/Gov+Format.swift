import GovLanguage
import GovReport

/// Formatting through the embedding API: `gov fmt` and the REPL's `:save` both print with `ScriptPrinter`.
extension Gov {
    /// The canonical layout of script text; text that does not parse comes back unchanged.
    public static func format(source: String, path: String = "<input>") -> String {
        ScriptPrinter.format(source: SourceFile(path: path, text: source))
    }

    /// Reads a script file and lays it out canonically (nothing is written).
    public static func format(path: String, loader: ScriptLoader = ScriptLoader()) -> FormattedScript {
        let sources = SourceManager()
        switch loader.load(path, into: sources) {
        case .failure(let diagnostic):
            return FormattedScript(path: path, original: [], formatted: nil, diagnostics: [diagnostic], sources: sources)
        case .success(let file):
            let source = sources.file(file)
            switch ScriptPrinter.layout(source, file: file) {
            case .formatted(let text):
                return FormattedScript(path: path, original: source.bytes, formatted: text, diagnostics: [], sources: sources)
            case .notFormatted(let diagnostics):
                return FormattedScript(path: path, original: source.bytes, formatted: nil, diagnostics: diagnostics, sources: sources)
            }
        }
    }
}

/// A script file and its canonical layout, or the diagnostics that prevent one (a file that cannot be read,
/// is not UTF-8, or does not parse: the formatter never guesses at a broken line).
public struct FormattedScript: Sendable {
    public let path: String
    public let original: [UInt8]
    public let formatted: String?
    public let diagnostics: [Diagnostic]
    public let sources: SourceManager

    /// Whether formatting would change the file.
    public var changes: Bool { formatted.map { Array($0.utf8) != original } ?? false }

    /// The file could not be read at all (exit status 2).
    public var isUnreadable: Bool { diagnostics.contains { $0.code == .unreadableFile } }
}

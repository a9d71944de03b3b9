import Foundation
import GovLanguage
import GovRender
import GovReport

// The public surface of the library, chosen rather than inherited: `Gov`'s calls below, and the types an
// embedder names when it reads what they return — the evaluation and the report model, findings and their
// codes, the batch check, the scaffold and the roll-up. These, with the members their API needs, are the
// only `public` declarations of the lower modules; everything else (the lexer, parser, printer, rule checker,
// layout and renderers) is `package`, which the CLI, the REPL and the tests import themselves and an embedder
// cannot reach. The examples in Gov.docc are compiled in DocCExamplesTests, and from outside the package in
// EmbedderAccessTests.
@_exported import struct GovReport.Evaluation
@_exported import struct GovReport.StatementEffect
@_exported import struct GovReport.Report
@_exported import struct GovReport.Header
@_exported import struct GovReport.PreviousScript
@_exported import struct GovReport.Section
@_exported import enum GovReport.Block
@_exported import struct GovReport.LocalTable
@_exported import struct GovReport.Channel
@_exported import struct GovReport.Cell
@_exported import enum GovReport.CellID
@_exported import enum GovReport.Number
@_exported import enum GovReport.FormatEdition
@_exported import enum GovReport.BodyKind
@_exported import enum GovReport.OfficialSection
@_exported import enum GovReport.OfficialTable
@_exported import enum GovReport.Applicant
@_exported import enum GovReport.ApplicationRow
@_exported import enum GovReport.DisclosureItem
@_exported import enum GovReport.DisclosureColumn
@_exported import enum GovReport.AppealBlock
@_exported import enum GovReport.AppealOutcome
@_exported import struct GovReport.BatchCheck
@_exported import enum GovReport.ScriptFinder
@_exported import struct GovReport.ScriptLoader
@_exported import enum GovReport.Scaffold
@_exported import enum GovReport.RollUp
@_exported import enum GovLanguage.KeywordLanguage
@_exported import struct GovLanguage.Diagnostic
@_exported import struct GovLanguage.DiagnosticCode
@_exported import struct GovLanguage.DiagnosticCodeEntry
@_exported import struct GovLanguage.FixIt
@_exported import enum GovLanguage.DiagnosticKind
@_exported import enum GovLanguage.Severity
@_exported import struct GovLanguage.CellKey
@_exported import enum GovLanguage.CellMark
@_exported import class GovLanguage.SourceManager
@_exported import struct GovLanguage.SourceFile
@_exported import struct GovLanguage.SourceRange
@_exported import struct GovLanguage.SourceLocation
@_exported import struct GovLanguage.FileID
@_exported import struct GovLanguage.DateLiteral
@_exported import enum GovLanguage.Keyword
@_exported import struct GovRender.FindingRecord
@_exported import struct GovRender.BatchRecord

/// The embedding API: everything a program needs to check and render a report script, in a few calls.
///
///     let evaluation = Gov.evaluate(path: "2020.gov")
///     if evaluation.hasErrors { print(Gov.diagnostics(evaluation)) }
///     print(Gov.text(evaluation))
///     let word = try Gov.render(evaluation, as: .docx)
public enum Gov {
    public static let version = "0.1.0"

    /// Reads, evaluates and checks a script file (and the files it includes).
    public static func evaluate(path: String) -> Evaluation {
        Evaluator.evaluate(path: path)
    }

    /// Evaluates and checks script text held in memory; `path` names it in diagnostics.
    public static func evaluate(source: String, path: String = "<input>") -> Evaluation {
        Evaluator.evaluate(source: source, path: path)
    }

    /// Every file an evaluation read — the script, its includes — and its `previous` script: the files an
    /// output must never be written over.
    public static func inputPaths(_ evaluation: Evaluation) -> [String] {
        evaluation.sources.files.map(\.path) + [evaluation.report.header.previous?.path].compactMap { $0 }
    }

    /// Every finding as compiler-style text with the source line and a caret.
    public static func diagnostics(_ evaluation: Evaluation, color: Bool = false) -> String {
        let printer = DiagnosticPrinter(useColor: color)
        return evaluation.findings.map { printer.format($0, sources: evaluation.sources) }.joined(separator: "\n")
    }

    /// Every finding as data (for JSON).
    public static func findingRecords(_ evaluation: Evaluation) -> [FindingRecord] {
        FindingRecord.records(evaluation.findings, sources: evaluation.sources)
    }

    /// The report for a terminal: aligned by display width, `width` columns wide.
    public static func text(_ evaluation: Evaluation, width: Int = 100) -> String {
        TextRenderer(width: width).render(LayoutBuilder.document(for: evaluation.report))
    }

    /// Renders the checked report in a format. Every format reads the same layout of the report.
    public static func render(_ evaluation: Evaluation, as format: OutputFormat, options: RenderOptions = RenderOptions()) throws -> Data {
        let document = LayoutBuilder.document(for: evaluation.report)
        switch format {
        case .text: return Data(TextRenderer(width: options.width).render(document).utf8)
        case .markdown: return Data(MarkdownRenderer().render(document).utf8)
        case .html:
            let findings = options.annotate ? FindingRecord.records(document.findings, sources: evaluation.sources) : []
            let renderer = htmlRenderer(evaluation, document: document, options: options)
            return Data(renderer.page(document, findings: findings))
        case .json: return Data(ReportJSON.render(document, sources: evaluation.sources).utf8)
        case .csv: return Data(CSVRenderer(byteOrderMark: options.byteOrderMark).long(document).utf8)
        case .docx: return try DocxRenderer().render(document)
        case .pdf: return try PDFConverter().convert(docx: DocxRenderer().render(document))
        }
    }

    /// The tables as CSV, one file per table (`disclosure.csv`, `applications.csv`, `appeals.csv`, local ones).
    public static func csvTables(_ evaluation: Evaluation, byteOrderMark: Bool = false) -> [(name: String, data: Data)] {
        let document = LayoutBuilder.document(for: evaluation.report)
        return CSVRenderer(byteOrderMark: byteOrderMark).perTable(document).map { ($0.name, Data($0.text.utf8)) }
    }

    public enum OutputFormat: String, CaseIterable, Sendable {
        case text, markdown = "md", html, json, csv, docx, pdf

        /// The usual file extension, used to infer the format from `-o` and to name batch outputs.
        public var fileExtension: String {
            switch self {
            case .text: return "txt"
            case .markdown: return "md"
            default: return rawValue
            }
        }

        /// Formats that must not be written to a terminal.
        public var isBinary: Bool { self == .docx || self == .pdf }

        public init?(fileExtension: String) {
            let lowered = fileExtension.lowercased()
            switch lowered {
            case "txt", "text": self = .text
            case "md", "markdown": self = .markdown
            case "htm", "html": self = .html
            default:
                guard let format = OutputFormat(rawValue: lowered) else { return nil }
                self = format
            }
        }
    }

    public struct RenderOptions: Sendable {
        /// Text width in columns (text format).
        public var width: Int
        /// Show the findings in the HTML page, linked to their cells.
        public var annotate: Bool
        /// Start CSV with a UTF-8 byte order mark, so Excel reads Chinese correctly.
        public var byteOrderMark: Bool

        /// The directory the HTML page is written to (nil: the current one): the findings panel names script
        /// files relative to it, so the page can be moved with its scripts.
        public var pageDirectory: String?

        public init(width: Int = 100, annotate: Bool = false, byteOrderMark: Bool = false, pageDirectory: String? = nil) {
            self.pageDirectory = pageDirectory
            self.width = width
            self.annotate = annotate
            self.byteOrderMark = byteOrderMark
        }
    }
}

extension Gov {
    /// Checks scripts together: each on its own, then across years (rules D1–D4) for every body's series.
    public static func check(_ scripts: [ScriptFinder.Found]) -> BatchCheck {
        BatchCheck.run(scripts)
    }

    /// Checks script files and the files in directories (searched for `*.gov`).
    public static func check(paths: [String]) -> BatchCheck {
        BatchCheck.run(ScriptFinder.scripts(in: paths))
    }
}

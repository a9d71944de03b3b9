@_exported import GovLanguage
@_exported import GovReport
@_exported import GovRender

/// The embedding API: everything a program needs to check and render a report script, in a few calls.
///
///     let evaluation = Gov.evaluate(path: "2020.gov")
///     if evaluation.hasErrors { print(Gov.diagnostics(evaluation)) }
///     print(Gov.render(evaluation, as: .text))
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

    /// Every finding as compiler-style text with the source line and a caret.
    public static func diagnostics(_ evaluation: Evaluation, color: Bool = false) -> String {
        let printer = DiagnosticPrinter(useColor: color)
        return evaluation.findings.map { printer.format($0, sources: evaluation.sources) }.joined(separator: "\n")
    }

    public enum OutputFormat: String, CaseIterable, Sendable {
        case text
    }

    /// Renders the checked report in a format.
    public static func render(_ evaluation: Evaluation, as format: OutputFormat, width: Int = 100) -> String {
        let document = LayoutBuilder.document(for: evaluation.report)
        switch format {
        case .text: return TextRenderer(width: width).render(document)
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

import Foundation
import Gov
import GovRender
import GovReport

/// What `gov render` does to one script apart from writing it: evaluate, report, render. It runs on a
/// worker thread (`OrderedWorkers`); the writing stays on the calling thread, in the walk's order.
struct RenderStep: Sendable {
    let format: Gov.OutputFormat
    let options: Gov.RenderOptions
    let allowErrors: Bool
    let annotate: Bool
    let csvTables: Bool
    let bom: Bool

    /// One script, rendered or not.
    struct Rendered {
        enum Output {
            /// Errors (status 1, without --allow-errors) or unreadable (status 2): nothing to write.
            case notRendered
            case failed(String)
            case document(Data)
            /// `--csv-tables`: one file per table.
            case tables([(name: String, data: Data)])
        }

        let path: String
        let evaluation: Evaluation
        /// The findings as printed on standard error.
        let diagnostics: String
        let status: Int32
        let output: Output
        /// The files the report was read from: never written over.
        let reads: [String]
    }

    func callAsFunction(_ path: String) -> Rendered {
        let evaluation = Gov.evaluate(path: path)
        let diagnostics = Gov.diagnostics(evaluation, color: Terminal.colorOnStandardError)
        let status = CheckCommand.status(of: evaluation)
        let reads = Gov.inputPaths(evaluation)
        func done(_ output: Rendered.Output) -> Rendered {
            Rendered(path: path, evaluation: evaluation, diagnostics: diagnostics, status: status, output: output, reads: reads)
        }
        guard status == 0 || (status == 1 && allowErrors) else { return done(.notRendered) }
        if csvTables { return done(.tables(Gov.csvTables(evaluation, byteOrderMark: bom))) }
        // Formats that carry findings (JSON, annotated HTML) carry the cross-year ones too, as
        // `gov check FILE` reports them; the exit status stays that of the script itself.
        let carriesFindings = format == .json || (format == .html && annotate)
        let shown = carriesFindings ? evaluation.addingCrossYearFindings(path: path) : evaluation
        do {
            return done(.document(try Gov.render(shown, as: format, options: options)))
        } catch {
            return done(.failed("\(error)"))
        }
    }
}

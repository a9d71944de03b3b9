import ArgumentParser
import Foundation
import Gov
import GovLanguage
import GovRender
import GovReport

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a complete script for a year: every section and every cell of that year's format, ready to fill in.",
        discussion: """
            With --from LAST.gov it carries over what must carry: the body and sign-off, 上年结转 from last \
            year's 结转下年度, the 2019 format's 上一年项目数量, starting values for 现行有效件数 (2021 format), \
            the channels' names, and last year's text as comments to revise; and it names LAST.gov with \
            `previous`, so `gov check` compares the two years. It never overwrites an existing file.
            """)

    @Option(name: .long, help: "The report year (default with --from: the year after).")
    var year: Int?

    @Option(name: .long, help: "The reporting body (default with --from: last year's).")
    var body: String?

    @Option(name: .long, help: "Last year's script, to carry over from.")
    var from: String?

    @Option(name: [.short, .customLong("output")], help: "Create this file (never overwritten); default, or -: standard output.")
    var output: String?

    @Option(name: .long, help: "Keyword language: english or chinese (default with --from: last year's).")
    var keywords: String?

    func validate() throws {
        if from == nil {
            guard year != nil, body != nil else { throw ValidationError("give --year and --body, or --from last year's script") }
        }
        if let keywords, KeywordLanguage(rawValue: keywords) == nil {
            throw ValidationError("--keywords must be english or chinese")
        }
    }

    func run() throws {
        let language = keywords.flatMap(KeywordLanguage.init(rawValue:))
        let text: String
        do {
            if let from {
                let evaluation = Gov.evaluate(path: from)
                // Last year's warnings are not this command's business; its errors are why it stops.
                if evaluation.hasErrors { Terminal.printError(Gov.diagnostics(evaluation, color: Terminal.colorOnStandardError)) }
                if CheckCommand.status(of: evaluation) == 2 { throw ExitStatus.usage }
                let link = Scaffold.link(to: from, from: output ?? "new.gov")
                text = try Scaffold.script(
                    after: .init(evaluation: evaluation, path: from, link: link), year: year, body: body, language: language)
            } else {
                text = try Scaffold.script(year: year ?? 0, body: body ?? "", language: language ?? .english)
            }
        } catch let failure as Scaffold.Failure {
            Terminal.printError("gov: \(failure)")
            if case .lastYearHasErrors = failure { throw ExitStatus.findings }
            throw ExitStatus.usage
        }
        // `-o -` is standard output, as for `gov render` (it made a file named "-").
        guard let output, output != "-" else {
            Terminal.printOut(text)
            return
        }
        do {
            try AtomicFile.create(Data(text.utf8), at: output)
        } catch {
            Terminal.printError("gov: cannot create \(output): \(error.localizedDescription)")
            throw ExitStatus.usage
        }
    }
}

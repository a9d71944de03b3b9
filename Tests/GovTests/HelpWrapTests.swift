import Foundation
import Testing

@testable import Gov
@testable import GovREPL
import GovLanguage

/// Help texts are paragraphs the argument parser wraps at the terminal's width (COLUMNS here): no line
/// is wider, and no line is broken early — the first word of a line's continuation would not have fitted
/// on it (the symptom of hard line breaks in the text: "and each" / "is compared").
struct HelpWrapTests {
    static let commands = [[], ["check"], ["render"], ["repl"], ["new"], ["sum"], ["fmt"]]

    @Test(arguments: commands, [60, 80, 120])
    func helpWrapsAsParagraphs(command: [String], columns: Int) throws {
        let run = try runGov(["help"] + command, environment: ["COLUMNS": "\(columns)"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The prose before USAGE: the overview and the discussion.
        let prose = lines.prefix { !$0.hasPrefix("USAGE:") }
        for line in prose { #expect(line.count <= columns, "\(line.count) columns: \(line)") }
        for (line, next) in zip(prose, prose.dropFirst()) where !line.isEmpty && !next.isEmpty {
            let firstWord = next.split(separator: " ").first.map(String.init) ?? ""
            // The parser keeps a line under the width, so a word that would reach it goes to the next line.
            #expect(line.count + 1 + firstWord.count >= columns, "broken early at \(columns) columns: \"\(line)\" / \"\(next)\"")
        }
    }

    /// The REPL's `:help` keeps within the terminal's width too, whatever the topic.
    @Test(arguments: [60, 80, 100])
    func replHelpKeepsToTheTerminalWidth(width: Int) {
        for topic in [nil, "rules", "keys", "application", "save", "channel"] as [String?] {
            let text = HelpText.text(topic: topic, width: width)
            #expect(!text.isEmpty)
            for line in text.split(separator: "\n") {
                #expect(DisplayWidth.of(String(line)) <= width, "\(topic ?? ":help") at \(width): \(line)")
            }
        }
    }
}

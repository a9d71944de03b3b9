import Foundation
import Testing
import GovReport
import GovRender
import GovLanguage

/// `gov repl` reading a pipe is a scripting front end: the same findings as `gov check`, exit status 1 when
/// any error was found, and no prompts, history or recovery files.
struct ReplPipeTests {
    @Test(arguments: GoldenTests.examples)
    func pipedExamplesGiveTheFindingsOfCheck(example: String) throws {
        let root = Paths.packageRoot
        let state = try makeTemporaryDirectory()
        let environment = ["XDG_STATE_HOME": state.path, "HOME": state.path, "NO_COLOR": "1"]
        let script = try Data(contentsOf: root.appendingPathComponent("examples/\(example)"))
        let piped = try runGov(["repl"], environment: environment, currentDirectory: root, standardInput: script)
        let checked = try runGov(["check", "examples/\(example)"], environment: environment, currentDirectory: root)
        #expect(piped.status == checked.status)
        // The REPL checks the session alone: the findings `gov check` makes across years (with the script
        // `previous` names) are not the REPL's.
        // (`gov check` prints the cross-year findings after the script's own, so dropping them may drop
        // the block's last line break too.)
        let expected = ReplPipeTests.withoutCrossYearFindings(checked.stderr).replacingOccurrences(of: "examples/\(example)", with: "<stdin>")
        #expect(piped.stderr.trimmingCharacters(in: .newlines) == expected.trimmingCharacters(in: .newlines))
        #expect(!piped.stdout.contains("gov> "), "no prompts on a pipe")
        #expect(try FileManager.default.contentsOfDirectory(atPath: state.path).isEmpty, "a pipe keeps no history")
    }

    static let crossYearCodes: Set<String> = ["D1", "D2", "D3", "D4", "S1", "S2", "S3", "S4", "S5", "Q2"]

    /// Drops each diagnostic (its header line, source lines and notes) whose code is a cross-year one.
    static func withoutCrossYearFindings(_ text: String) -> String {
        var kept: [Substring] = []
        var dropping = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let open = line.range(of: "["), let close = line.range(of: "]: "), open.upperBound < close.lowerBound,
                line[..<open.lowerBound].hasSuffix("error") || line[..<open.lowerBound].hasSuffix("warning") || line[..<open.lowerBound].hasSuffix("note")
            {
                dropping = crossYearCodes.contains(String(line[open.upperBound..<close.lowerBound]))
            }
            if !dropping { kept.append(line) }
        }
        return kept.joined(separator: "\n")
    }

    @Test func pipedStatementsAndCommandsPrintTheirFeedback() throws {
        let input = "body 测试局\nyear 2021\napplication new 3 granted 2\n:show application\nchanel 微博 1\n"
        let state = try makeTemporaryDirectory()
        let environment = ["XDG_STATE_HOME": state.path, "HOME": state.path, "NO_COLOR": "1"]
        let run = try runGov(["repl"], environment: environment, standardInput: Data(input.utf8))
        #expect(run.status == 1)
        #expect(run.stdout.contains("  四、结转下年度继续办理 / 自然人 = 1（推算）\n"))
        #expect(run.stdout.contains("收到和处理政府信息公开申请情况\n"))
        #expect(run.stderr.hasPrefix("<stdin>:5:1: error[E010]: "))
    }

    @Test func govAloneFromAPipePrintsHelpAsBefore() throws {
        let state = try makeTemporaryDirectory()
        let run = try runGov([], environment: ["XDG_STATE_HOME": state.path, "HOME": state.path], standardInput: Data("body 甲\n".utf8))
        #expect(run.stdout.contains("USAGE") && run.stdout.contains("repl"))
    }
}

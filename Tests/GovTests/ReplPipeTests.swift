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
        let expected = checked.stderr.replacingOccurrences(of: "examples/\(example)", with: "<stdin>")
        #expect(piped.stderr == expected)
        #expect(!piped.stdout.contains("gov> "), "no prompts on a pipe")
        #expect(try FileManager.default.contentsOfDirectory(atPath: state.path).isEmpty, "a pipe keeps no history")
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

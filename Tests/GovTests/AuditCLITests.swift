import Foundation
import Testing
import GovReport
import GovRender
import GovLanguage

@testable import Gov

/// The audit from the command line: `gov fmt --interpolate`, `gov check --explain-text`, and `gov sum`
/// refusing an unreadable cell.
struct AuditCLITests {
    /// The published 大隐镇 text with its numbers as printed becomes, through the fix-it, the hand-written
    /// example's text with `{…}` — every other byte unchanged.
    @Test func interpolateRewritesOnlyTheAgreeingNumbers() throws {
        let directory = try makeTemporaryDirectory()
        let published = Paths.examples.appendingPathComponent("published/dayin-2020.gov")
        let target = directory.appendingPathComponent("dayin.gov")
        try FileManager.default.copyItem(at: published, to: target)
        let before = try String(contentsOf: target, encoding: .utf8)

        let check = try runGov(["fmt", "--interpolate", "--check", target.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("100条 → {channel.政务公开平台}"))
        #expect(try String(contentsOf: target, encoding: .utf8) == before, "--check writes nothing")

        let run = try runGov(["fmt", "--interpolate", target.path])
        #expect(run.status == 0, "\(run.stderr)")
        let after = try String(contentsOf: target, encoding: .utf8)
        let beforeLines = before.components(separatedBy: "\n"), afterLines = after.components(separatedBy: "\n")
        #expect(beforeLines.count == afterLines.count)
        let changed = zip(beforeLines, afterLines).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
        #expect(changed == [52])
        let handWritten = try String(contentsOf: Paths.examples.appendingPathComponent("dayin-2020.gov"), encoding: .utf8)
            .components(separatedBy: "\n").first { $0.hasPrefix("2020年，本镇新增主动公开政府信息") }
        #expect(afterLines[52] == handWritten?.replacingOccurrences(of: "{新增主动公开}", with: "247"))
        // The report says exactly what it said.
        #expect(Gov.text(Gov.evaluate(path: target.path)) == Gov.text(Gov.evaluate(path: published.path)))
        let again = try runGov(["fmt", "--interpolate", "--check", target.path])
        #expect(again.status == 0 && again.stdout.isEmpty, "nothing left to rewrite")
    }

    @Test func explainTextListsLinkedAndUnlinkedNumbers() throws {
        let run = try runGov(["check", "--explain-text", Paths.examples.appendingPathComponent("published/pingtan-2021.gov").path])
        #expect(run.stdout.contains("“70件” → 「一、本年新收政府信息公开申请数量 / 总计」 = 70 [application.received] 一致"))
        #expect(run.stdout.contains("“2645条” 未关联："))
    }

    @Test func sumRefusesAnUnknownCell() throws {
        let directory = try makeTemporaryDirectory()
        let one = directory.appendingPathComponent("a.gov"), two = directory.appendingPathComponent("b.gov")
        try "body 甲\nyear 2021\napplication new unknown\n".write(to: one, atomically: true, encoding: .utf8)
        try "body 乙\nyear 2021\napplication new 2\n".write(to: two, atomically: true, encoding: .utf8)
        let run = try runGov(["sum", one.path, two.path, "--body", "丙"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("不详（unknown），无法汇总"))
    }
}

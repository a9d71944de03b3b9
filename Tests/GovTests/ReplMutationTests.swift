import Foundation
import Gov
import GovLanguage
import GovRender
import GovReport
import Testing

@testable import GovREPL

/// The REPL over damaged copies of the examples (as MutationTests damages them), line by line from a pipe
/// and as typed: nothing traps, and the session that remains never holds a statement the language cannot
/// read — every entry was either accepted cleanly or refused.
struct ReplMutationTests {
    @Test(arguments: ["dayin-2020.gov", "fictional-2021.gov", "fictional-2021-errors.gov"])
    func damagedInputNeverTrapsTheReplNorEntersItsSession(example: String) throws {
        let original = try [UInt8](Data(contentsOf: Paths.examples.appendingPathComponent(example)))
        var random = MutationTests.Random(state: UInt64(original.count) &* 31)
        for round in 0..<12 {
            var bytes = original
            for _ in 0..<(1 + random.next(4)) {
                let at = random.next(bytes.count)
                switch random.next(4) {
                case 0: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.next(40)))
                case 1: bytes[at] = UInt8(random.next(256))
                default: bytes.insert(contentsOf: MutationTests.fragments[random.next(MutationTests.fragments.count)], at: at)
                }
            }
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let run = runRepl(lines + [":show", ":check", ":quit", "y"], interactive: round % 2 == 0)
            #expect(run.status == 0 || run.status == 1)
            let session = Gov.evaluate(source: run.live.session.text, path: run.live.path)
            let unreadable = session.findings.filter { FindingKind(code: $0.code) == .language }
            #expect(unreadable.isEmpty, "\(example) round \(round): \(unreadable.map { "\($0.code) \($0.message)" })")
        }
    }
}

import Foundation
import Testing
import GovReport
import GovRender
import GovLanguage

@testable import Gov

/// Deterministic mutation testing: thousands of damaged copies of the examples (bytes deleted, duplicated,
/// swapped, replaced by syntax characters or Chinese text) must each evaluate, render and format without
/// trapping, and every finding must point inside the file it names.
struct MutationTests {
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
    }

    static let fragments: [[UInt8]] = ["(", ")", "\"", "\"\"\"", "{", "}", "\n", "-", "+", "99999999999999999999", ".", "微博", "总计", "application", "section", "#", "\u{FEFF}", "\r\n", "=", "0.5"].map { Array($0.utf8) }

    @Test(arguments: ["dayin-2020.gov", "fictional-2021.gov", "fictional-2021-errors.gov"])
    func damagedScriptsNeverTrap(example: String) throws {
        let original = try [UInt8](Data(contentsOf: Paths.examples.appendingPathComponent(example)))
        var random = Random(state: UInt64(original.count))
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<(1 + random.next(4)) {
                let at = random.next(bytes.count)
                switch random.next(5) {
                case 0: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.next(40)))
                case 1: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + random.next(60))], at: random.next(bytes.count))
                case 2: bytes[at] = UInt8(random.next(256))
                default: bytes.insert(contentsOf: MutationTests.fragments[random.next(MutationTests.fragments.count)], at: at)
                }
            }
            let damaged = bytes
            let evaluation = Evaluator.evaluate(path: example, loader: ScriptLoader { _ in damaged })
            _ = Gov.text(evaluation)
            _ = Gov.diagnostics(evaluation)
            // The formatter either leaves a damaged script alone or lays it out for good.
            if case .formatted(let text) = ScriptPrinter.layout(SourceFile(path: example, bytes: damaged)) {
                #expect(ScriptPrinter.format(source: SourceFile(path: example, text: text)) == text, "not idempotent")
            }
            for finding in evaluation.findings {
                guard let range = finding.range else { continue }
                let size = evaluation.sources.file(range.file).bytes.count
                #expect(range.start >= 0 && range.end <= size && range.start <= range.end, "\(finding.code) \(finding.message)")
            }
        }
    }
}

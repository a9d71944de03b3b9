import Foundation
import Gov
import GovImport
import Testing

/// Damaged input never traps and always gives a script the language reads: thousands of mutations of the
/// real reports (cut, duplicated, digits and labels spliced in, bytes dropped) and of an HTML page.
@Suite struct ImportMutationTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
    }

    static let sources = [
        "reports/pingtan_2021.txt", "reports/pingtan_2019.txt", "reports/huaian_2024.txt", "000_be82d8d7c5ac33b5.txt",
    ]

    static func mutate(_ text: [Character], _ random: inout Generator) -> String {
        var characters = text
        let splices: [String] = ["7000007", " 0 0 ", "（七）总计", "一、", "三、收到和处理政府信息公开申请情况", "\t", "\n\n", "\"\"\"", "{", "}", "\\", "#", "-1-", "其中", "条，", "9999999999999999999999"]
        for _ in 0..<(1 + random.next(6)) {
            guard !characters.isEmpty else { break }
            let at = random.next(characters.count)
            switch random.next(5) {
            case 0: characters.removeSubrange(at..<min(characters.count, at + random.next(400)))
            case 1: characters.insert(contentsOf: Array(splices[random.next(splices.count)]), at: at)
            case 2:
                let end = min(characters.count, at + random.next(300))
                characters.insert(contentsOf: characters[at..<end], at: random.next(characters.count))
            case 3: characters = Array(characters.prefix(at))
            default: characters[at] = Character(UnicodeScalar(UInt8(48 + random.next(10))))
            }
        }
        return String(characters)
    }

    @Test(arguments: sources)
    func damagedTextNeverTrapsAndAlwaysParses(_ source: String) throws {
        let text = Array(try String(contentsOfFile: "\(ImportRealReportTests.reference)/\(source)", encoding: .utf8))
        var random = Generator(state: UInt64(source.count))
        for round in 0..<80 {
            let damaged = Self.mutate(text, &random)
            let result = Importer.importText(damaged, name: "m.txt")
            let evaluation = Gov.evaluate(source: result.script, path: "m.gov")
            // Syntax and placement errors would be the writer's fault; E040/E041 (no year/body found) are honest.
            let writerFaults = evaluation.findings.filter {
                $0.code.rawValue.hasPrefix("E0") && !["E040", "E041"].contains($0.code.rawValue)
                    || ["E030", "E044", "E045", "E046", "E047", "E051", "E052"].contains($0.code.rawValue)
            }
            #expect(writerFaults.isEmpty, "round \(round): \(writerFaults.map { "\($0.code) \($0.message)" })")
            if !writerFaults.isEmpty { break }
        }
    }

    @Test func tagSoupNeverTraps() throws {
        var random = Generator(state: 42)
        let pieces = ["<table>", "</table>", "<tr>", "<td rowspan=99999999999>", "<td colspan=-3>", "</td>", "<p>", "<br>", "&nbsp;", "<script>", "一、本年新收政府信息公开申请数量", "7000007", "<caption>", "\u{0}", "<!--", "]]>", "<meta charset=gbk>"]
        for _ in 0..<300 {
            var page = ""
            for _ in 0..<random.next(60) { page += pieces[random.next(pieces.count)] }
            _ = try? HTMLReader.read(Data(page.utf8), path: "soup.html")
        }
    }
}

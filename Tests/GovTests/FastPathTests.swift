import Testing
import GovReport

@testable import GovLanguage

/// The speed work decides some questions on bytes instead of strings; these pin that the answers are the
/// ones the string comparisons gave, including text with more than one canonical spelling.
struct FastPathTests {
    /// U+F967 is a compatibility ideograph canonically equal to 不: `String ==` treats "\u{F967}详" as 不详.
    @Test(arguments: [
        ("application business carried 不详", "unknown"),
        ("application business carried \u{F967}详", "unknown"),
        ("application business carried blank", "blank"),
        ("application business carried 空白", "blank"),
        ("application business carried 3", "3"),
    ])
    func cellStatesReadAsStrings(line: String, expected: String) throws {
        let source = SourceFile(path: "t.gov", text: line + "\n")
        let (script, diagnostics) = Parser.parse(source, file: FileID(0))
        #expect(diagnostics.isEmpty)
        guard case .cells(let cells) = try #require(script.statements.first).kind else {
            Issue.record("not a cell statement")
            return
        }
        let entry = try #require(cells.entries.last)
        switch entry.value {
        case .mark(let mark, _): #expect(mark.rawValue == expected)
        case .expression(.integer(let value, _)): #expect("\(value)" == expected)
        default: Issue.record("unexpected value")
        }
    }

    @Test func amountUnitsAndDates() throws {
        let source = SourceFile(path: "t.gov", text: "application fees amount 514.4 万元\npublished 2022-1-9\n")
        let (script, diagnostics) = Parser.parse(source, file: FileID(0))
        #expect(diagnostics.isEmpty)
        guard case .cells(let cells) = script.statements[0].kind else { Issue.record("cells"); return }
        #expect(cells.entries.last?.unit?.text == "万元")
        guard case .published(let date) = script.statements[1].kind else { Issue.record("date"); return }
        #expect(date.iso == "2022-01-09")
    }

    /// The guess on ideographs alone agrees with `hasSuffix` on names that end in other scripts or in a
    /// compatibility ideograph (U+F9xx), which take the general path.
    @Test(arguments: [
        ("青禾县教育局", BodyKind.department), ("大隐镇人民政府", .government), ("平潭综合实验区", .government),
        ("某某市人民政府办公室", .government), ("某某区政府办公厅", .government), ("某某县发展和改革委员会", .department),
        ("某某县政务服务中心", .department), ("局", .department), ("", .government), ("某某局 (2021)", .government),
        ("某某 Bureau", .government), ("某某县\u{F967}动产登记局", .department), ("管委会", .government),
    ])
    func bodyKindGuess(name: String, expected: BodyKind) {
        #expect(BodyKind.guess(from: name) == expected)
    }

    /// The guess read from the name's bytes agrees with `hasSuffix` on names made of ideographs, full-width
    /// forms, ASCII, a combining accent, a compatibility ideograph, a two-byte letter and an emoji — the
    /// endings among them, whole and cut short.
    @Test func bodyKindGuessAgreesWithHasSuffix() {
        let government = ["人民政府", "政府", "管委会", "管理委员会", "人民政府办公室", "政府办公室", "政府办公厅"]
        let department = ["局", "委员会", "厅", "委", "办", "办公室", "中心", "院", "署", "队", "所"]
        func reference(_ name: String) -> BodyKind {
            if government.contains(where: name.hasSuffix) { return .government }
            return department.contains(where: name.hasSuffix) ? .department : .government
        }
        let pieces = government + department + ["某", "县", "（虚构）", "Ｆ", "a", " ", "\u{0301}", "\u{F967}", "é", "😀", "员会", "民政"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let name = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(BodyKind.guess(from: name) == reference(name), "\(name)")
        }
    }

    @Test func controlCharactersFoundAnywhereInABlock() {
        for length in [1, 15, 16, 17, 40] {
            for position in 0..<length {
                for bad: UInt8 in [0x00, 0x1B, 0x7F] {
                    var bytes = Array(repeating: UInt8(ascii: "a"), count: length)
                    bytes[position] = bad
                    #expect(ControlCharacter.containsRefused(bytes, in: 0..<length))
                }
            }
            let clean = Array(repeating: UInt8(ascii: "\n"), count: length)
            #expect(!ControlCharacter.containsRefused(clean, in: 0..<length))
        }
        #expect(ControlCharacter.containsRefused([0x41, 0xC2, 0x85], in: 0..<3))
        #expect(!ControlCharacter.containsRefused([0x41, 0xC2, 0xB7], in: 0..<3))
    }
}

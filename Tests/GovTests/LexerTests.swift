import Testing
import GovReport
import GovRender

@testable import GovLanguage

/// Table-driven: each input and the kinds of the tokens it yields (without the trailing newline/end).
struct LexerTests {
    static let cases: [(String, String)] = [
        ("channel 微博 39", "word word integer"),
        ("application carried 1 granted 1", "word word integer word integer"),
        ("proactive licensing change +9", "word word word plus integer"),
        ("proactive fees amount 5949.088667", "word word word decimal"),
        ("published 2021-01-20", "word date"),
        ("let x = (1 +\n 2)", "word word equal leftParen integer plus integer rightParen"),
        ("text \"含{year}年\"", "word string"),
        ("text \"\"\"\n第一行\n第二行\n\"\"\"", "word textBlock"),
        ("body 大隐镇人民政府 # 注释", "word word"),
        ("\u{FEFF}year 2020\r\n", "word integer"),
        ("row 条\u{3000}1", "word word integer"),
        ("assert a >= 1 == b != c <= d", "word word greaterEqual integer equalEqual word bangEqual word lessEqual word"),
        ("channel 微信公众号“大隐山水” 94", "word word integer"),
        ("x.y.z", "word dot word dot word"),
        ("2021-1-5 2021-13 12.5.", "date integer minus integer decimal dot"),
    ]

    @Test(arguments: cases)
    func tokenKinds(input: String, expected: String) {
        let (tokens, diagnostics) = Lexer.tokenize(SourceFile(path: "t", text: input), file: FileID(0))
        let kinds = tokens.filter { $0.kind != .newline && $0.kind != .end }.map { "\($0.kind)" }.joined(separator: " ")
        #expect(kinds == expected)
        #expect(diagnostics.isEmpty)
    }

    static let errors: [(String, String)] = [
        ("title \"未结束", "E001"),
        ("text \"\"\"\n没有结束", "E002"),
        ("channel 微博 @", "E003"),
        ("channel 微博 ;", "E003"),
    ]

    @Test(arguments: errors)
    func lexicalErrors(input: String, code: String) {
        let (_, diagnostics) = Lexer.tokenize(SourceFile(path: "t", text: input), file: FileID(0))
        #expect(diagnostics.map(\.code.rawValue) == [code])
    }

    /// Where strings, comments and words end, byte for byte: strings and comments are scanned from quote to
    /// backslash to line break (memchr), words in place; each case pins a boundary of those scans.
    static let boundaries: [(String, String, [String])] = [
        ("\"a\\\"b\" x", "string 0-6 word 7-8", []),
        ("\"\\\\\"", "string 0-4", []),
        ("\"ab\ncd\"", "invalid 0-3 newline 3-3 word 4-6 invalid 6-7", ["E001", "E001"]),
        ("\"a\\", "invalid 0-3", ["E001"]),
        ("\"a\\\n\"", "string 0-5", []),
        ("\"", "invalid 0-1", ["E001"]),
        ("# 注释", "", []),
        ("a# b\nc", "word 0-1 newline 4-4 word 5-6", []),
        ("abc_Z9+x", "word 0-6 plus 6-7 word 7-8", []),
        ("条\u{3000}x", "word 0-3 word 6-7", []),
        ("é中", "word 0-5", []),
    ]

    @Test(arguments: boundaries)
    func stringsCommentsAndWordsEndWhereTheyShould(input: String, expected: String, codes: [String]) {
        let (tokens, diagnostics) = Lexer.tokenize(SourceFile(path: "t", text: input), file: FileID(0))
        let shown = tokens.dropLast(2).map { "\($0.kind) \($0.start)-\($0.end)" }.joined(separator: " ")
        #expect(shown == expected)
        #expect(diagnostics.map(\.code.rawValue) == codes)
    }

    @Test func incompleteInputIsFlaggedForTheREPL() {
        for input in ["text \"\"\"\n还没写完", "let x = (1 +"] {
            var lexer = Lexer(bytes: Array(input.utf8), file: FileID(0))
            lexer.run()
            #expect(lexer.isIncomplete, "\(input)")
        }
        var complete = Lexer(bytes: Array("let x = (1 + 2)".utf8), file: FileID(0))
        complete.run()
        #expect(!complete.isIncomplete)
    }

    @Test func tokenRangesAreByteOffsets() {
        let source = SourceFile(path: "t", text: "channel 微博 39")
        let (tokens, _) = Lexer.tokenize(source, file: FileID(0))
        #expect(source.text(tokens[1].start..<tokens[1].end) == "微博")
        #expect(tokens[2].start == 15)
        #expect(source.column(of: tokens[2].start) == 12)
    }

    /// The vector search for a word's end (`ByteScan.wordEnd`) stops where a byte-at-a-time loop over
    /// `Lexer.continuesWord` does: at the first ASCII byte that is no letter, digit or `_`, or at an
    /// ideographic space (E3 80 80) that lies whole before the limit — wherever either falls in a 16-byte
    /// block, and with the limit anywhere (cutting a space in two, it is part of the word).
    @Test func theSearchForAWordsEndStopsWhereAPlainLoopDoes() {
        func plain(_ bytes: [UInt8], from: Int, to: Int) -> Int {
            var i = from
            while i < to {
                let b = bytes[i]
                if b >= 0x80 {
                    if b == 0xE3, i + 2 < to, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { return i }
                } else if !Lexer.continuesWord(b) {
                    return i
                }
                i += 1
            }
            return to
        }
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = ["a", "Z", "_", "0", "9", "政", "、", "\u{3000}", " ", ".", "\"", "@", "[", "`", "{", "/", ":", "\n"].map { Array($0.utf8) }
            + [[0xE3], [0xE3, 0x80], [0x80, 0x80], [0x80], [0x7F], [0x00]]
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...50, using: &generator) {
                bytes += Int.random(in: 0..<5, using: &generator) == 0 ? pieces.randomElement(using: &generator)! : pieces[Int.random(in: 0...5, using: &generator)]
            }
            let to = Int.random(in: 0...bytes.count, using: &generator)
            let from = Int.random(in: 0...to, using: &generator)
            #expect(ByteScan.wordEnd(in: bytes, from: from, to: to) == plain(bytes, from: from, to: to), "\(bytes) \(from)..<\(to)")
        }
    }
}

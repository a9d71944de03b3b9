import Foundation
import Testing
import GovRender

@testable import GovLanguage
@testable import GovReport

/// The phrase table, both ways: what a clause links to (and whether the text agrees), and what it must
/// leave alone. Each case is a table and one paragraph; the expectation lists every text quantity in order
/// as `pattern:verdict` or `-` for a number left alone.
struct TextQuantityTests {

    /// The byte test that lets most paragraphs skip the text check never skips one its readers would find
    /// something in: on random mixes of digits, separators, units, 年, spaces, 余, Chinese numerals and
    /// braces, a paragraph it turns away holds no text quantity (`TextNumberScanner`) and no four digits
    /// before 年 (what `QualityChecker.strayYears` reads). And it does turn away a paragraph of dates and
    /// document numbers.
    /// The vector search the byte test starts with (`ByteScan.firstDigitOrBrace`) stops where a plain loop
    /// does: at an ASCII digit, a brace or a full-width digit (EF BC 90–99), and nowhere else — not at the
    /// full-width punctuation that shares its first two bytes — wherever it falls in a 16- or 32-byte block.
    @Test func theSearchForDigitsAndBracesStopsWhereAPlainLoopDoes() {
        func plain(_ bytes: [UInt8], from: Int) -> Int {
            var i = from
            while i < bytes.count {
                let b = bytes[i]
                if b >= 0x30 && b <= 0x39 || b == UInt8(ascii: "{") || b == UInt8(ascii: "}") { return i }
                if b == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBC, (0x90...0x99).contains(bytes[i + 2]) { return i }
                i += 1
            }
            return bytes.count
        }
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = ["青", "，", "（", "５", "0", "9", "{", "}", "a", "/", ":", "\u{FF0F}", "\u{FF1A}", "ｐ", "ｙ"].map { Array(String($0).utf8) }
            + [[0xEF], [0xEF, 0xBC], [0xBC, 0x90], [0x2F], [0x3A]]
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...60, using: &generator) {
                bytes += Int.random(in: 0..<4, using: &generator) == 0 ? pieces.randomElement(using: &generator)! : pieces[0]
            }
            let from = Int.random(in: 0...bytes.count, using: &generator)
            // Each vector step the processor has (AVX2, SSE2), and none.
            for level: Int32 in [2, 1, 0] {
                let found = bytes.withUnsafeBufferPointer { buffer in
                    buffer.baseAddress.map { ByteScan.firstDigitOrBrace($0, from: from, to: buffer.count, vectorLevel: level) } ?? buffer.count
                }
                #expect(found == plain(bytes, from: from), "level \(level): \(bytes) from \(from)")
            }
        }
    }

    @Test func aParagraphTheByteTestSkipsHoldsNothingToCheck() {
        let pieces = ["{", "}", "7", "2021", "０", "９", ".", ",", "．", "，", "件", "条", "人次", "人", "万元", "元", "%", "％", "年",
            "月", "余", "多", " ", "\u{3000}", "三", "十", "第", "中", "a", "〔", "〕"]
        var generator = SystemRandomNumberGenerator()
        var skipped = 0
        for _ in 0..<20_000 {
            let content = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array("\"\(content)\"".utf8)
            guard !NarrativeText.mayHoldNumbers(bytes, 1..<(bytes.count - 1)) else { continue }
            skipped += 1
            let text = NarrativeText(
                source: SourceFile(path: "t.gov", bytes: bytes), range: SourceRange(file: FileID(0), start: 0, end: bytes.count), isBlock: false)
            #expect(TextNumberScanner.scan(text).isEmpty, "\(content)")
            let digits = text.scalars.map { $0.value >= 0x30 && $0.value <= 0x39 }
            let year = text.scalars.indices.contains { i in i + 4 < text.scalars.count && digits[i..<(i + 4)].allSatisfy { $0 } && text.scalars[i + 4] == "年" }
            #expect(!year, "\(content)")
        }
        #expect(skipped > 1_000)
        let dates = Array("本报告所列数据的统计期限自{year}年1月1日至{year}年12月31日，依据国办公开办函〔2021〕30号。".utf8)
        #expect(!NarrativeText.mayHoldNumbers(dates, 0..<dates.count))
        for counted in ["共3件", "共 3 余件", "45.2%", "３，０００条", "三件", "2019年", "共3\u{3000}多件", "3 余条"] {
            let bytes = Array(counted.utf8)
            #expect(NarrativeText.mayHoldNumbers(bytes, 0..<bytes.count), "\(counted)")
        }
        // The three characters the test knows as constants are those characters.
        #expect(NarrativeText.ideographicSpaceCode == NarrativeText.code(Array("\u{3000}".utf8)))
        #expect(NarrativeText.moreCode == NarrativeText.code(Array("余".utf8)))
        #expect(NarrativeText.overCode == NarrativeText.code(Array("多".utf8)))
    }

    /// The scan passes a scalar on one bit test: every scalar a number can start with (every one the
    /// scan's own questions accept, over the whole Basic Multilingual Plane) has its bit set.
    @Test func everyScalarANumberStartsWithHasItsBit() {
        var starts: [Unicode.Scalar] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if TextNumberScanner.digit(scalar) != nil || TextNumberScanner.chineseDigit(scalar) != nil || scalar == "十" { starts.append(scalar) }
        }
        #expect(starts == TextNumberScanner.numberStarts.sorted { $0.value < $1.value })
        for scalar in starts {
            let hash = TextNumberScanner.numberStartHash(scalar)
            #expect(TextNumberScanner.numberStartBits[hash >> 6] & 1 << (hash & 63) != 0, "\(scalar)")
        }
    }
    static let table = """
        application new 116 carried 2 granted 50 partial 11 not_held 40 needs_creation 2 unclear 5 other 10
        application business new 4 granted 4
        review upheld 2 pending 1
        lawsuit direct upheld 1
        proactive normative issued 5 repealed 1 effective 236
        proactive fees amount 24.5
        channel 政府网站 312
        category 政策文件 48
        category 其他 264
        """

    static let cases: [(text: String, expected: [String])] = [
        // Linked and agreeing.
        ("全年新收政府信息公开申请120件。", ["application.new:agrees"]),
        ("上年结转2件，办结122件，结转下年度继续办理0件。", ["application.carried:agrees", "application.total:agrees", "application.forward:agrees"]),
        ("全年共受理政府信息公开申请120件。", ["application.received:agrees"]),
        ("全年共收到信息公开申请122件。", ["application.received:otherwise"]),
        ("予以公开54件，部分公开11件，予以公开和部分公开共65件。", ["application.granted:agrees", "application.partial:agrees", "application.granted+partial:agrees"]),
        ("无法提供47件，不予处理0件。", ["application.unable:agrees", "application.not_processed:agrees"]),
        ("依申请公开方面，其中商业企业申请4件。", ["application.received:agrees"]),
        ("新收申请120件，其中商业企业申请4件。", ["application.new:agrees", "application.new:agrees"]),
        ("新收申请120件，其中法人或其他组织4件。", ["application.new:agrees", "application.new:agrees"]),
        ("予以公开54件，占44.3%。", ["application.granted:agrees", "share:agrees"]),
        ("予以公开54件，占44.2%。", ["application.granted:agrees", "share:agrees"]),
        ("行政复议3件，其中维持2件，尚未审结1件；行政诉讼1件。", ["appeal.total:agrees", "appeal.upheld:agrees", "appeal.pending:agrees", "appeal.total:agrees"]),
        ("制发规范性文件5件，废止1件，现行有效236件。", ["proactive.issued:agrees", "proactive.repealed:agrees", "proactive.effective:agrees"]),
        ("本年收费金额24.5万元。", ["proactive.amount:agrees"]),
        ("本年收费金额245000元。", ["proactive.amount:agrees"]),
        ("本年收费金额24万元。", ["proactive.amount:agrees"]),
        ("本年收费金额30万元。", ["proactive.amount:C5 error"]),
        ("政府网站公开信息312条，其中政策文件48条。", ["channel:agrees", "channel:agrees"]),
        ("全年新收申请１２０件。", ["application.new:agrees"]),
        ("全年新收申请1,200件。", ["application.new:C1 error"]),
        // Linked and disagreeing: error when the clause is unambiguous, warning when it may count otherwise.
        ("全年新收申请118件。", ["application.new:C1 error"]),
        ("全年共受理政府信息公开申请125件。", ["application.received:C1 warning"]),
        ("予以公开和部分公开共56件。", ["application.granted+partial:C1 error"]),
        ("无法提供40件。", ["application.unable:C1 error"]),
        ("现行有效规范性文件210件。", ["proactive.effective:C5 error"]),
        ("本办受理政府信息公开申请12件。", ["application.received:C6 warning"]),
        ("予以公开54件，占45.2%。", ["application.granted:agrees", "share:C2 warning"]),
        ("行政复议三件。", ["appeal.total:agrees"]),
        ("行政复议五件。", ["appeal.total:C1 error"]),
        ("政府网站公开信息300条。", ["channel:C1 warning"]),
        // Left alone: no topic, approximate, ordinal, years, codes, rates, two patterns, another format's column.
        ("全年主动公开政府信息2645条。", ["-"]),
        ("收到群众诉求348件，办结率100%。", ["-", "-"]),
        ("全年新收申请100余件。", ["-"]),
        ("近120件申请已办结。", ["-"]),
        ("2021年，依据〔2021〕39号文件。", []),
        ("第3件申请。", []),
        ("设立一个申请受理窗口。", []),
        ("下发规章制度3件。", ["-"]),
        ("全年收取信息处理费12元。", ["-"]),
        ("合格率为100%。", ["-"]),
        ("2020年收到政府信息公开申请50件。", ["-"]),
        ("2021年收到政府信息公开申请120件。", ["application.received:agrees"]),
        ("新收申请较上年增加5件，同比增长4.3%。", ["-", "-"]),
        ("受理行政许可申请2293件。", ["-"]),
        ("全年收到低保申请50件，办结48件。", ["-", "-"]),
        ("申请人对答复不服提起行政复议3件。", ["appeal.total:agrees"]),
    ]

    static func verdictText(_ quantity: TextQuantity) -> String {
        guard let link = quantity.link else { return "-" }
        switch link.verdict {
        case .agrees: return "\(link.pattern):agrees"
        case .agreesOtherwise: return "\(link.pattern):otherwise"
        case .differs(let code, let severity): return "\(link.pattern):\(code) \(severity.rawValue)"
        case .notAssessable: return "\(link.pattern):not assessable"
        case .deliberate: return "\(link.pattern):deliberate"
        }
    }

    @Test(arguments: cases)
    func phrase(_ text: String, _ expected: [String]) {
        let report = evaluate(script(TextQuantityTests.table + "\ntext \"\(text)\"")).report
        #expect(report.textQuantities.map(TextQuantityTests.verdictText) == expected, "\(text)")
    }

    @Test func findingsPutTheCaretUnderTheNumberAndNameTheCells() throws {
        let evaluation = evaluate(script(TextQuantityTests.table + "\ntext \"予以公开和部分公开共56件。\""))
        let finding = try #require(evaluation.findings.first { $0.code == "C1" })
        #expect(position(finding, in: evaluation) == "12:17")
        #expect(finding.range.map { $0.end - $0.start } == 2)
        #expect(finding.message.contains("（一）予以公开 + （二）部分公开 / 总计」为 65（54 + 11）"))
        #expect(finding.arithmetic?.cells.map(\.value) == ["54", "11"])
    }

    @Test func allUpheldIsCheckedAgainstTheOutcomes() {
        let evaluation = evaluate(script(TextQuantityTests.table + "\ntext \"行政复议3件，均维持原行政行为。\""))
        #expect(evaluation.findings.map(\.code) == ["C1"])
        #expect(evaluation.findings.first?.message.contains("均维持") == true)
    }

    @Test func aDeliberateLiteralIsSilencedWithItsReason() {
        let source = script(TextQuantityTests.table + "\ntext \"全年新收申请118件。\"\ndeliberate 118 \"按收文登记口径\"")
        let evaluation = evaluate(source)
        #expect(evaluation.findings.isEmpty)
        #expect(evaluation.report.textQuantities.first?.link?.verdict == .deliberate("按收文登记口径"))
    }

    @Test func interpolatedNumbersAreNotReadAgain() {
        let evaluation = evaluate(script(TextQuantityTests.table + "\ntext \"全年新收申请{application.new + 1}件。\""))
        #expect(evaluation.report.textQuantities.isEmpty)
        #expect(evaluation.findings.isEmpty)
    }

    @Test func anUnknownCellMakesTheTextNotAssessable() {
        let evaluation = evaluate(script("application new unknown\ntext \"全年新收申请118件。\""))
        #expect(evaluation.findings.filter { $0.code.rawValue.hasPrefix("C") }.map { "\($0.severity.rawValue) \($0.code)" } == ["note C1"])
    }

    /// The other direction: every example's interpolations, written out as the numbers they print, are
    /// linked back to the same quantities and agree — no example gives a C-finding either way.
    @Test(arguments: GoldenTests.examples.filter { !$0.hasPrefix("audit/") })
    func examplesGiveNoTextFinding(name: String) {
        let evaluation = GoldenTests.evaluateExample(name)
        let text = evaluation.findings.filter { ["C1", "C2", "C5", "C6"].contains($0.code) }
        #expect(text.isEmpty, "\(text.map(\.message))")
    }
}

/// The published reports, transcribed with their text's numbers as printed: each links the numbers it
/// states about the tables and finds exactly the inconsistencies the report really has.
struct PublishedReportTests {
    static let expected: [(name: String, codes: [String])] = [
        ("published/dayin-2020.gov", ["C3", "C4"]),
        ("published/pingtan-2019.gov", []),
        ("published/pingtan-2020.gov", ["A2", "A2", "D2", "D2", "D2", "D2", "D3"]),
        ("published/pingtan-2021.gov", ["S5"]),
        ("published/huaian-2024.gov", []),
    ]

    @Test(arguments: expected)
    func findsWhatThePublishedReportHas(_ name: String, _ codes: [String]) {
        let batch = BatchCheck.run([ScriptFinder.Found(path: Paths.examples.appendingPathComponent(name).path, fromDirectory: false)])
        let found = batch.scripts.flatMap(\.findings).filter { !$0.code.rawValue.hasPrefix("Q") }.map(\.code.rawValue).sorted()
        #expect(found == codes.sorted(), "\(name)")
    }

    @Test func theTextOfTheSeedIsLinkedNumberByNumber() {
        let report = GoldenTests.evaluateExample("published/dayin-2020.gov").report
        let linked = report.textQuantities.filter { $0.link?.verdict == .agrees }
        #expect(linked.count == 21)
        #expect(linked.allSatisfy { $0.link?.interpolation?.hasPrefix("channel.") == true })
    }

    @Test func huaianLinksEveryFigureOfItsApplicationsAndAppeals() {
        let report = GoldenTests.evaluateExample("published/huaian-2024.gov").report
        let agreeing = report.textQuantities.compactMap { $0.link?.verdict == .agrees ? $0.written : nil }
        for figure in ["3119", "3050", "34", "103", "351", "72", "64", "178", "37", "46", "25", "5", "9", "7"] {
            #expect(agreeing.contains(figure), "\(figure)")
        }
    }
}

/// The golden script of the audit: one finding per new code, as `gov check` prints them with last year's
/// report (Q2 is made across the two years).
struct AuditGoldenTests {
    @Test func everyNewCodeFiresOnceInTheAuditExample() throws {
        let root = Paths.packageRoot.path + "/"
        let found = [ScriptFinder.Found(path: root + "examples/audit/2021.gov", fromDirectory: false)]
        let batch = BatchCheck.run(found)
        let findings = batch.scripts.flatMap(\.findings)
        let codes = findings.map(\.code)
        for code in ["C1", "C2", "C5", "C6", "Q1", "Q2", "Q3", "Q4", "Q5"] {
            #expect(codes.filter { $0.rawValue == code }.count == 1, "\(code) in \(codes)")
        }
        #expect(findings.contains { $0.code == "B1" && $0.message.contains("印为空白") })
        #expect(findings.contains { $0.code == "B5" && $0.severity == .note })
        let printer = DiagnosticPrinter(useColor: false)
        let printed = findings.map { printer.format($0, sources: batch.sources) }.joined(separator: "\n") + "\n"
        expectGolden(printed.replacingOccurrences(of: root, with: ""), "audit-2021.check.txt")
    }
}

/// Hostile text never traps and stays linear: many numbers, long numerals, separators, unclosed titles.
struct TextQuantityRobustnessTests {
    static let hostile: [String] = [
        String(repeating: "收到申请1件，", count: 5_000),
        String(repeating: "九", count: 40) + "件" + String(repeating: "万", count: 40) + "件九万万万万万万万万万万万件",
        "１,２３４,５６７件，12,34件，1，234，567件，99999999999999999999999999999999999件，0.000000000000000000001%",
        "《2019年" + String(repeating: "报告", count: 2_000) + "行政复议3件，均维持" + String(repeating: "。", count: 100),
        "占%，%占，行政复议件，均维持，予以公开件，占．５％，十件，两千零一十件，〇件",
    ]

    @Test(arguments: hostile)
    func neverTraps(_ text: String) {
        let evaluation = evaluate(script("application new 1\nreview upheld 1 total 1\ntext \"\(text)\""))
        #expect(evaluation.report.textQuantities.count >= 0)
    }
}

import GovImport
import GovReport
import Testing

/// Run-together cells through the whole recognizer: each case is archive text with one applications
/// row printed as the archive flattened it, and the cells the equations leave.
@Suite struct RunTogetherSplitterTests {
    static func row(_ printed: String, label: String = "（一）予以公开") -> String {
        let text = """
            测试局2021年政府信息公开工作年度报告
            三、收到和处理政府信息公开申请情况
            一、本年新收政府信息公开申请数量 9 0 0 0 0 0 9
            \(label)\(printed)（七）总计
            """
        return Importer.importText(text).report.cells(.granted)?.printed ?? "missing"
    }

    @Test(arguments: [
        ("7000007", "7|0|0|0|0|0|7"),                  // seven digits, seven cells: one way
        ("270020130", "?|?|0|?|?|1|30"),               // 27|0|0|2|0|1|30 and 2|7|0|0|20|1|30 both add up: unsettled
        ("20 0 00 0 121", "20|0|0|0|0|1|21"),          // spaces are hard boundaries
        ("1 2 3 4 5 6 21", "1|2|3|4|5|6|21"),          // already apart: read as printed
        ("1 2 3 4 5 6 22", "1|2|3|4|5|6|22"),          // printed wrong: kept (gov check reports it)
        ("110000011", "?|?|0|0|0|0|11"),                // 11|0|…|11 or 1|10|0|…|11: the cells they agree on are written
        ("12", "?|?|?|?|?|?|?"),                        // too few digits: no split, unknown
        ("0700007", "0|7|0|0|0|0|7"),                   // "0" is a cell, "07" could not be
        ("1000002", "?|?|?|?|?|?|?"),                   // the only split does not add up: unknown, with a warning
    ])
    func splits(_ printed: String, _ expected: String) {
        #expect(Self.row(printed) == expected)
    }

    @Test func candidatesAreListed() {
        let report = Importer.importText("测试局2021年政府信息公开工作年度报告\n一、本年新收政府信息公开申请数量 9 0 0 0 0 0 9\n（一）予以公开110000011（七）总计").report
        let cells = report.cells(.granted) ?? []
        #expect(cells.first?.candidates.sorted() == ["1", "11"])
        #expect(cells.first?.state == .unknown)
    }

    @Test(arguments: [
        ("（一）予以公开", nil as String?),
        ("(一)予以公开", "编号印作「(一)」"),
        ("（一） 予以 公开", nil),
        ("予以公开", "没有印出编号"),
    ])
    func forgivingLabels(_ label: String, _ note: String?) {
        let report = Importer.importText("测试局2021年政府信息公开工作年度报告\n一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n\(label) 1 0 0 0 0 0 1\n（七）总计 1 0 0 0 0 0 1").report
        #expect(report.cells(.granted)?.printed == "1|0|0|0|0|0|1")
        if let note { #expect(report.approximation(.granted)?.contains(note) == true) } else { #expect(report.approximation(.granted) == nil) }
    }

    @Test func knownTypoAndSingleOtherRow() {
        // 洪泽区 2023: "2.其他法律行政止公开" and the 2019-style single （六）其他处理 row in a 2021 report.
        let text = """
            洪泽区人民政府2023年政府信息公开工作年度报告
            （三）不予公开 1.属于国家秘密 0 0 0 0 0 0 0
            2.其他法律行政止公开 2 0 0 0 0 0 2
            （六）其他处理 3 0 0 0 0 0 3
            （七）总计 5 0 0 0 0 0 5
            """
        let report = Importer.importText(text).report
        #expect(report.cells(.prohibited)?.printed == "2|0|0|0|0|0|2")
        #expect(report.approximation(.prohibited)?.contains("行政止公开") == true)
        #expect(report.printsSingleOtherRow)
        #expect(report.cells(.other)?.printed == "3|0|0|0|0|0|3")
    }
}

/// Rows the row equation leaves open are settled by the columns' (results = （七）总计, 一 + 二 = （七）+ 四).
@Suite struct ColumnEquationTests {
    @Test func crossRowSettlesWhatOneRowCannot() {
        // A whole 2021 table, every row printed apart except （一）予以公开, run together as "270020130".
        var lines = ["测试局2021年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况"]
        for row in ApplicationTableSpec.of(.y2021).rows {
            let values: String
            switch row {
            case .new, .total: values = " 27 0 0 2 0 1 30"
            case .granted: values = "270020130"
            default: values = " 0 0 0 0 0 0 0"
            }
            lines.append(row.label(.y2021) + values)
        }
        let report = Importer.importText(lines.joined(separator: "\n")).report
        #expect(report.cells(.granted)?.printed == "27|0|0|2|0|1|30")
        #expect(report.cells(.granted)?.allSatisfy(\.inferred) == true)
        #expect(report.cells(.partial)?.printed == "0|0|0|0|0|0|0")
    }
}

/// Titles as offices print them.
@Suite struct TitleTests {
    @Test(arguments: [
        ("青禾县示范局2021年政府信息公开工作年度报告", "青禾县示范局", 2021),
        ("青禾县示范局二〇二一年度政府信息公开工作年度报告", "青禾县示范局", 2021),
        ("青禾县示范局2022年政务公开工作年度报告", "青禾县示范局", 2022),
        ("青禾县示范局2023年政府信息公开年度工作报告", "青禾县示范局", 2023),
        ("青禾县示范局 2024 年政府信息公开年报", "青禾县示范局", 2024),
    ])
    func title(_ line: String, _ body: String, _ year: Int) {
        let report = Importer.importText(line + "\n一、总体情况\n正文。").report
        #expect(report.body == body && report.year == year, "\(line)")
    }
}

/// A row of digits too long to split every way is unknown with a warning, quickly — never a hang.
@Suite struct SplitLimitTests {
    @Test func longRunOfDigits() {
        let digits = String(repeating: "1234567890", count: 30)
        let report = Importer.importText("测试局2021年政府信息公开工作年度报告\n一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n（一）予以公开\(digits)\n（七）总计 1 0 0 0 0 0 1").report
        #expect(report.cells(.granted)?.allSatisfy { $0.state == .unknown } == true)
        #expect(report.warnings.contains { $0.contains("太多") })
    }
}

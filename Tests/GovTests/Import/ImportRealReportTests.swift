import Foundation
import Gov
import GovImport
import GovLanguage
import GovReport
import Testing

/// The real reports under shared/reference import to the cells given in reports/README.md. Cells the
/// README itself calls an inference the equations cannot settle (table 1 of the 平潭 archive text) must
/// come out unknown, with the README's reading among the candidates — never guessed.
@Suite struct ImportRealReportTests {
    static let reference = Paths.packageRoot.appendingPathComponent("Tests/GovTests/Fixtures/reference").path

    static func imported(_ relative: String) throws -> RecognizedReport {
        try Importer.importFile(at: "\(reference)/\(relative)").report
    }

    static func row(_ report: RecognizedReport, _ row: ApplicationRow) -> String { report.cells(row)?.printed ?? "missing" }

    static let zeroRow = "0|0|0|0|0|0|0"

    @Test func pingtan2021() throws {
        let report = try Self.imported("reports/pingtan_2021.txt")
        #expect(report.body == "平潭综合实验区")
        #expect(report.year == 2021)
        #expect(report.edition == .y2021)
        #expect(report.published == "2022-02-08")
        let expected: [ApplicationRow: String] = [
            .new: "64|0|0|2|0|4|70", .carried: Self.zeroRow, .granted: "27|0|0|2|0|1|30", .partial: "5|0|0|0|0|0|5",
            .internalAffairs: "1|0|0|0|0|0|1", .caseFile: "6|0|0|0|0|0|6", .inquiry: "1|0|0|0|0|0|1",
            .notHeld: "22|0|0|0|0|3|25", .other: "1|0|0|0|0|0|1", .total: "63|0|0|2|0|4|69", .forward: "1|0|0|0|0|0|1",
        ]
        for row in ApplicationTableSpec.of(.y2021).rows {
            #expect(Self.row(report, row) == expected[row] ?? Self.zeroRow, "\(row)")
        }
        #expect(report.appealCells?.printed == "1|0|2|0|3|12|0|0|0|12|0|0|0|0|0")
        #expect(report.cells(.regulations)?.printed == "0|0|0")
        #expect(report.cells(.licensing)?.printed == "2293")
        #expect(report.cells(.penalty)?.printed == "1282")
        #expect(report.cells(.coercion)?.printed == "42")
        #expect(report.cells(.fees)?.printed == "24252.311082")
        // 693665: ten splits, no equation to choose; the page's 69|3|665 is among them.
        let normative = try #require(report.cells(.normative))
        #expect(normative.allSatisfy { $0.state == .unknown })
        #expect(normative[0].candidates.contains("69") && normative[1].candidates.contains("3") && normative[2].candidates.contains("665"))
    }

    @Test func pingtan2020() throws {
        let report = try Self.imported("reports/pingtan_2020.txt")
        #expect(report.year == 2020)
        #expect(report.edition == .y2019)
        let expected: [ApplicationRow: String] = [
            .new: "20|0|0|0|0|1|21", .granted: "6|0|0|0|0|1|7", .partial: "6|0|0|0|0|0|6", .notHeld: "4|0|0|0|0|0|4",
            .unclear: "3|0|0|0|0|0|3", .repeated: "3|0|0|0|0|0|3", .other: "4|0|0|0|0|0|4", .total: "20|0|0|0|0|1|21",
        ]
        for row in ApplicationTableSpec.of(.y2019).rows {
            #expect(Self.row(report, row) == expected[row] ?? Self.zeroRow, "\(row)")
        }
        #expect(report.appealCells?.printed == Array(repeating: "0", count: 15).joined(separator: "|"))
        #expect(report.cells(.regulations)?.printed == "0|0|7")
        let normative = try #require(report.cells(.normative))
        #expect(normative[0].candidates.contains("77") && normative[2].candidates.contains("166"))
    }

    @Test func pingtan2019() throws {
        let report = try Self.imported("reports/pingtan_2019.txt")
        #expect(report.year == 2019)
        let expected: [ApplicationRow: String] = [
            .new: "23|0|0|0|0|0|23", .granted: "7|0|0|0|0|0|7", .partial: "1|0|0|0|0|0|1", .notHeld: "7|0|0|0|0|0|7",
            .unclear: "5|0|0|0|0|0|5", .repeated: "3|0|0|0|0|0|3", .total: "23|0|0|0|0|0|23",
        ]
        for row in ApplicationTableSpec.of(.y2019).rows {
            #expect(Self.row(report, row) == expected[row] ?? Self.zeroRow, "\(row)")
        }
        #expect(report.cells(.regulations)?.printed == "0|0|0")
        // "13575394432.52元": ten splits, undetermined (README).
        let procurement = try #require(report.cells(.procurement))
        #expect(procurement.allSatisfy { $0.state == .unknown })
        #expect(procurement[0].candidates.count == 10)
        let fees = try #require(report.cells(.fees))
        #expect(fees[0].candidates == ["3", "35"])
    }

    @Test(arguments: ["reports/huaian_2024.txt", "gov-annual-reports/huaian_2024.pdf"])
    func huaian2024(_ file: String) throws {
        let report = try Self.imported(file)
        #expect(report.body == "淮安市人民政府")
        #expect(report.year == 2024)
        #expect(report.title == "淮安市人民政府\n2024年政府信息公开工作年度报告")
        let expected: [ApplicationRow: String] = [
            .new: "3001|53|0|0|61|4|3119", .carried: "34|0|0|0|0|0|34", .granted: "1288|21|0|0|50|3|1362",
            .partial: "447|7|0|0|0|0|454", .secret: "2|0|0|0|0|0|2", .prohibited: "30|1|0|0|0|0|31",
            .security: "5|0|0|0|0|0|5", .thirdParty: "6|0|0|0|0|0|6", .internalAffairs: "7|1|0|0|0|0|8",
            .deliberative: "12|0|0|0|0|0|12", .caseFile: "9|0|0|0|0|0|9", .inquiry: "105|0|0|0|0|0|105",
            .notHeld: "746|12|0|0|10|1|769", .needsCreation: "11|0|0|0|0|0|11", .unclear: "1|0|0|0|0|0|1",
            .petition: "56|6|0|0|0|0|62", .repeated: "25|0|0|0|0|0|25", .reconfirm: "1|0|0|0|0|0|1",
            .overdueCorrection: "67|3|0|0|1|0|71", .overdueFee: "6|0|0|0|0|0|6", .other: "108|2|0|0|0|0|110",
            .total: "2932|53|0|0|61|4|3050", .forward: "103|0|0|0|0|0|103",
        ]
        for row in ApplicationTableSpec.of(.y2021).rows {
            #expect(Self.row(report, row) == expected[row] ?? Self.zeroRow, "\(row)")
        }
        #expect(report.appealCells?.printed == "72|64|178|37|351|13|4|8|1|26|12|1|1|6|20")
        #expect(report.cells(.regulations)?.printed == "1|0|11")
        #expect(report.cells(.normative)?.printed == "8|26|66")
        #expect(report.cells(.licensing)?.printed == "447228")
        #expect(report.cells(.penalty)?.printed == "3985758")
        #expect(report.cells(.coercion)?.printed == "88283")
        #expect(report.cells(.fees)?.printed == "96171.6")
        // 淮安 numbers （六）'s rows "1、2、3、": an approximate match, said.
        #expect(report.approximation(.overdueCorrection)?.contains("1、") == true)
        #expect(report.approximation(.granted) == nil)
        #expect(report.tally.unknown == 0)
    }

    @Test func dayin2020() throws {
        let report = try Self.imported("000_be82d8d7c5ac33b5.txt")
        #expect(report.body == "大隐镇人民政府")
        #expect(report.year == 2020)
        #expect(report.signoff?.name == "大隐镇人民政府")
        #expect(report.parts == 6)
        #expect(Self.row(report, .carried) == "1|空|空|空|空|空|1")
        #expect(Self.row(report, .granted) == "1|空|空|空|空|空|1")
        #expect(Self.row(report, .partial) == "空|空|空|空|空|空|0")
        #expect(Self.row(report, .forward) == "空|空|空|空|空|空|0")
        #expect(report.cells(.licensing)?.printed == "0|+9|5")
        #expect(report.cells(.services)?.printed == "0|+96|50")
        #expect(report.cells(.procurement)?.printed == "22|514.4")
        #expect(report.appealCells?.printed == Array(repeating: "0", count: 15).joined(separator: "|"))
        // The province's 表二 stays a local table in a local section.
        let local = try #require(report.sections.first { $0.kind == .local })
        #expect(local.printedTitle == "公开平台建设和信息发布情况")
        #expect(local.items.contains { if case .localTable(let title, let rows) = $0 { return title == "表二" && rows.count == 15 } else { return false } })
        #expect(report.tally.unknown == 0 && report.tally.inferred == 0)
    }
}

/// A government web page as sites publish them (a Word export inside site navigation: menus, breadcrumb,
/// an "发布时间" line, the applications table split by a page break with its header repeated, bold run-in
/// leads, a sign-off, a site footer), built from the 淮安 2024 report's numbers.
@Suite struct ImportWebPageTests {
    @Test func governmentPage() throws {
        let result = try Importer.importFile(at: ImportBadInputTests.fixtures.appendingPathComponent("huaian-2024-page.html").path)
        let report = result.report
        #expect(report.body == "淮安市人民政府")
        #expect(report.year == 2024 && report.edition == .y2021)
        #expect(report.published == "2025-01-20")
        #expect(report.signoff?.name == "淮安市人民政府办公室" && report.signoff?.date == "2025-01-20")
        #expect(result.tally.read == 200 && result.tally.unknown == 0 && result.tally.missingCells == 0)
        #expect(report.cells(.notHeld)?.printed == "746|12|0|0|10|1|769")
        #expect(report.cells(.other)?.printed == "108|2|0|0|0|0|110")
        #expect(report.appealCells?.printed == "72|64|178|37|351|13|4|8|1|26|12|1|1|6|20")
        #expect(report.preamble.contains { $0.contains("当前位置") } && report.preamble.contains { $0.hasPrefix("发布时间") })
        #expect(report.trailer.contains { $0.contains("ICP") })
        #expect(!result.script.contains("不是正文"))   // a <script>'s text is not the report's
        let overview = try #require(report.sections.first { $0.kind == .official(.overview) })
        #expect(overview.items.contains(.lead("（一）主动公开情况。")))
        let evaluation = Gov.evaluate(source: result.script, path: "page.gov")
        #expect(!evaluation.hasErrors, "\(Gov.diagnostics(evaluation))")
    }

    /// Older sites lay the whole page out in tables: the report's own tables sit inside a layout table's
    /// cell. The layout table is read as the page's flow, the tables inside as tables.
    @Test func pageLaidOutWithTables() throws {
        let page = try String(contentsOf: ImportBadInputTests.fixtures.appendingPathComponent("huaian-2024-page.html"), encoding: .utf8)
        let wrapped = page.replacingOccurrences(of: "<div class=\"article\">", with: "<table width=\"100%\"><tr><td width=\"200\">栏目导航</td><td><div class=\"article\">")
            .replacingOccurrences(of: "<div class=\"foot\">", with: "</td></tr></table><div class=\"foot\">")
        let result = try Importer.importDocument(HTMLReader.read(Data(wrapped.utf8), path: "layout.html"), name: "layout.html")
        #expect(result.tally.read == 200 && result.tally.unknown == 0)
        #expect(result.report.title == "淮安市人民政府2024年政府信息公开工作年度报告")
        #expect(result.report.preamble.contains("栏目导航"))
    }
}

/// Nothing is dropped: a row of an official table that matches no official row stays, as a comment where
/// the table was.
@Suite struct UnplacedRowTests {
    @Test func extraRowBecomesAComment() {
        func row(_ label: String, _ values: String) -> [DocumentTable.Cell] {
            [DocumentTable.Cell(label)] + values.split(separator: " ").map { DocumentTable.Cell(String($0)) }
        }
        let table = DocumentTable(rows: [
            row("一、本年新收政府信息公开申请数量", "2 0 0 0 0 0 2"), row("（一）予以公开", "2 0 0 0 0 0 2"),
            row("其中：网上申请", "1 0 0 0 0 0 1"), row("（七）总计", "2 0 0 0 0 0 2"),
        ])
        let document = ImportedDocument(blocks: [
            .paragraph(Paragraph("测试局2021年政府信息公开工作年度报告")),
            .paragraph(Paragraph("三、收到和处理政府信息公开申请情况")), .table(table),
        ])
        let result = Importer.importDocument(document, name: "t")
        #expect(result.report.cells(.granted)?.printed == "2|0|0|0|0|0|2")
        #expect(result.script.contains("# 原文表格中未能归入规定格式的一行：其中：网上申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1"))
    }
}

/// A blank cell merged across columns counts as one blank per column where the row needs it (a Word
/// table that merged two empty cells of 商业企业 and 科研机构), and as one value where the item has one
/// column (table 1's 本年处理决定数量 merged across the grid).
@Suite struct SpannedBlankTests {
    @Test func mergedBlankCells() {
        let table = DocumentTable(rows: [
            [DocumentTable.Cell("一、本年新收政府信息公开申请数量"), DocumentTable.Cell("2"), DocumentTable.Cell("", columnSpan: 2)]
                + "0 0 0 2".split(separator: " ").map { DocumentTable.Cell(String($0)) },
            [DocumentTable.Cell("（一）予以公开")] + "2 0 0 0 0 0 2".split(separator: " ").map { DocumentTable.Cell(String($0)) },
            [DocumentTable.Cell("（七）总计")] + "2 0 0 0 0 0 2".split(separator: " ").map { DocumentTable.Cell(String($0)) },
        ])
        let proactive = DocumentTable(rows: [
            [DocumentTable.Cell("第二十条第（五）项", columnSpan: 4)],
            [DocumentTable.Cell("行政许可"), DocumentTable.Cell("", columnSpan: 3)],
        ])
        let document = ImportedDocument(blocks: [
            .paragraph(Paragraph("测试局2021年政府信息公开工作年度报告")),
            .paragraph(Paragraph("二、主动公开政府信息情况")), .table(proactive),
            .paragraph(Paragraph("三、收到和处理政府信息公开申请情况")), .table(table),
        ])
        let report = Importer.importDocument(document, name: "t").report
        #expect(report.cells(.new)?.printed == "2|空|空|0|0|0|2")
        #expect(report.cells(.licensing)?.printed == "空")
    }
}

/// The importer against an independent transcription: `examples/published/` holds the reference reports
/// typed in by hand (issue 12). Every official cell the importer read (not left unknown) must have the
/// transcription's value.
@Suite struct ImportAgainstTranscriptionTests {
    @Test(arguments: [
        ("gov-annual-reports/huaian_2024.pdf", "huaian-2024"), ("reports/pingtan_2021.txt", "pingtan-2021"),
        ("reports/pingtan_2020.txt", "pingtan-2020"), ("reports/pingtan_2019.txt", "pingtan-2019"),
        ("000_be82d8d7c5ac33b5.txt", "dayin-2020"),
    ])
    func sameCellsAsTheTranscription(_ file: String, _ transcription: String) throws {
        let path = Paths.examples.appendingPathComponent("published/\(transcription).gov").path
        try #require(FileManager.default.fileExists(atPath: path), "examples/published comes with issue 12")
        let imported = try Importer.importFile(at: "\(ImportRealReportTests.reference)/\(file)")
        let ours = Gov.evaluate(source: imported.script, path: "imported.gov").report
        let theirs = Gov.evaluate(path: path).report
        var compared = 0
        for row in ApplicationTableSpec.of(ours.edition).rows {
            guard let cells = imported.report.cells(row) else { continue }
            for (applicant, cell) in zip(Applicant.counted + [.all], cells) where cell.state != .unknown {
                #expect(ours.count(.application(row, applicant)) == theirs.count(.application(row, applicant)), "\(row) \(applicant)")
                compared += 1
            }
        }
        if let appeals = imported.report.appealCells {
            for (index, cell) in appeals.enumerated() where cell.state != .unknown {
                let id = CellID.appeal(AppealBlock.allCases[index / 5], AppealOutcome.allCases[index % 5])
                #expect(ours.count(id) == theirs.count(id), "\(id)")
                compared += 1
            }
        }
        for group in DisclosureGroup.of(ours.edition) {
            for item in group.items {
                guard let cells = imported.report.cells(item) else { continue }
                // (The transcription leaves some run-together table-1 cells unknown that the importer reads:
                // "2648 -18538" is 2648 and something, the space being a hard boundary.)
                for (column, cell) in zip(group.columns, cells) where cell.state != .unknown && theirs.printed(.disclosure(item, column)) != Report.unknownMark {
                    #expect(ours[.disclosure(item, column)].integer == theirs[.disclosure(item, column)].integer, "\(item) \(column)")
                    compared += 1
                }
            }
        }
        #expect(compared >= 23 * 7 + 15 + 1)
        // And `gov check` of the imported script finds what it finds in the transcription (in the year:
        // the transcriptions also name last year's script, so D and S findings are theirs alone).
        let inYear = { (report: Evaluation) in
            report.findings.filter { $0.severity != .note && !$0.code.rawValue.hasPrefix("D") && !$0.code.rawValue.hasPrefix("S") }
                .map(\.code.rawValue).sorted()
        }
        #expect(inYear(Gov.evaluate(source: imported.script, path: "imported.gov")) == inYear(Gov.evaluate(path: path)))
    }
}

import Foundation
import Testing

@testable import GovLanguage
@testable import GovREPL
@testable import GovRender
@testable import GovReport

/// The layout carries its structure: sections as ranges over the blocks, tables with typed ids.
struct LayoutStructureTests {
    @Test func sectionsAndTableIdsAreStructure() {
        let evaluation = evaluate(script("""
            section overview
            text "概述"
            section "公开平台建设情况"
            table "表二"
            columns 指标 数量
            row 网站 3
            section proactive
            """))
        let document = LayoutBuilder.document(for: evaluation.report)
        #expect(document.sections.map(\.number) == Array(1...7))
        #expect(document.sections[1].kind == .local("公开平台建设情况"))
        for section in document.sections {
            guard case .heading(1, let text) = document.blocks[section.blocks.lowerBound] else {
                Issue.record("section \(section.number) does not start at its heading")
                continue
            }
            #expect(text == "\(ChineseNumeral.of(section.number))、\(section.title)")
        }
        #expect(document.sections.last?.blocks.upperBound == document.blocks.count)
        #expect(document.tables.map(\.id) == [.local(1), .official(.disclosure), .official(.applications), .official(.appeals)])
        #expect(document.tables.map(\.id.description) == ["local-1", "disclosure", "applications", "appeals"])
        let inSecondSection = document.blocks[document.sections[1].blocks].contains {
            if case .table(let table) = $0 { return table.id == .local(1) }
            return false
        }
        #expect(inSecondSection)
    }

    @Test func aReportWithoutSignoffKeepsItsSections() {
        let document = LayoutBuilder.document(for: evaluate(script("signoff none\nsection overview\ntext \"概述\"")).report)
        #expect(document.signoff.isEmpty)
        #expect(document.sections.count == 6)
        #expect(document.sections.first?.title == OfficialSection.overview.title)
        // The REPL's `:show 一` reads those sections (it found none before).
        let shown = PartRenderer.render("一", report: evaluate(script("signoff none\nsection overview\ntext \"概述\"")).report, width: 80)
        guard case .success(let text) = shown else {
            Issue.record("`:show 一` failed on a report without a sign-off")
            return
        }
        #expect(text.contains("概述"))
    }

    @Test func theLayoutCarriesTheDataFormatsFacts() {
        let evaluation = evaluate(script("""
            text "前言"
            section overview
            text "概述"
            table "表二"
            columns 指标 数量 备注
            row 网站 3
            row 公众号
            application new 3 granted 2
            """))
        let document = LayoutBuilder.document(for: evaluation.report)
        #expect(document.header.year == 2021)
        #expect(document.header.edition == .y2021)
        #expect(document.findings.count == evaluation.findings.count)
        guard case .paragraph("前言") = document.blocks[document.introduction].first else {
            Issue.record("the introduction does not start with its paragraph")
            return
        }
        let overview = document.sections[0]
        #expect(document.blocks[overview.written].count == 2)
        guard let local = document.table(.local(1)) else {
            Issue.record("no local table")
            return
        }
        // The grid pads the short rows; the padding is marked so the data formats leave it out.
        #expect(local.rows.map { $0.filter { !$0.isFiller }.count } == [3, 2, 1])
        let new = document.table(.official(.applications))?.rows.joined().first { $0.cell == .application(.new, .person) }
        #expect(new?.data?.origin == .stated)
        #expect(new?.data?.value == .integer(3))
        #expect(new?.data?.statedRange != nil)
        // The JSON gives the local table back as written: short rows short.
        let json = ReportJSON.render(document, sources: evaluation.sources)
        let root = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let sections = root?["sections"] as? [[String: Any]]
        let blocks = sections?.first?["blocks"] as? [[String: Any]]
        let table = blocks?.last?["table"] as? [String: Any]
        #expect(table?["columns"] as? [String] == ["指标", "数量", "备注"])
        #expect(table?["rows"] as? [[String]] == [["网站", "3"], ["公众号"]])
    }

    /// Tables 2 and 3 lay their heading rows out from the declared column headings: every slot of the grid
    /// is covered by exactly one cell, and the value cells follow the declared columns.
    @Test(arguments: [2019, 2021])
    func theHeadingGridsCoverEverySlotOnce(year: Int) {
        let document = LayoutBuilder.document(for: evaluate(script("application new 1", year: year)).report)
        for table in document.tables {
            var covered = Array(repeating: Array(repeating: 0, count: table.columnCount), count: table.rows.count)
            for (r, row) in table.placements().enumerated() {
                for (column, cell) in row {
                    for dr in 0..<cell.rowSpan where r + dr < table.rows.count {
                        for dc in 0..<cell.colSpan where column + dc < table.columnCount { covered[r + dr][column + dc] += 1 }
                    }
                }
            }
            #expect(covered.allSatisfy { $0.allSatisfy { $0 == 1 } }, "\(table.id)")
        }
        let appeals = document.table(.official(.appeals))
        #expect(appeals?.rows.last?.compactMap(\.cell) == AppealBlock.columns)
        #expect(AppealBlock.direct.headingPath == ["行政诉讼", "未经复议直接起诉"])
        let applicants = document.table(.official(.applications))?.rows[3].compactMap(\.cell).map { cell -> Applicant? in
            if case .application(_, let applicant) = cell { return applicant }
            return nil
        }
        #expect(applicants == Applicant.headings.columns)
    }
}

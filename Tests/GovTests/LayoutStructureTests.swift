import Testing

@testable import GovLanguage
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
}

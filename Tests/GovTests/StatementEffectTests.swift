import Testing
import GovRender

@testable import GovLanguage
@testable import GovReport

/// The evaluation says what each statement did: the REPL's echo reads it instead of parsing the entry again
/// or evaluating a probe paragraph.
struct StatementEffectTests {
    @Test func eachStatementSaysWhatItDid() {
        let evaluation = evaluate(script("""
            application new 3 granted 1
            let 平台 = application.new * 2
            section applications
            text \"\"\"
            第一段{平台}
            第二段
            \"\"\"
            assert application.new > 0 "有申请"
            assert application.new > 5 "申请很多"
            include "part.gov"
            """), files: ["part.gov": "review upheld 2\n"])
        let effects = evaluation.effects
        #expect(effects.map(\.keyword) == [.body, .year, .application, .let, .section, .text, .assert, .assert, .include, .review])
        #expect(effects[2].cells == [.application(.new, .person), .application(.granted, .person)])
        #expect(effects[3].binding == StatementEffect.Binding(name: "平台", value: "6"))
        #expect(effects[4].section == 2 && evaluation.report.sections[2].kind == .official(.applications))
        #expect(effects[5].paragraphs == 2)
        #expect(effects[6].assertionHolds == true && effects[7].assertionHolds == false)
        #expect(effects[9].cells == [.appeal(.review, .upheld)], "a statement of an included file")
        #expect(effects[0].cells.isEmpty && effects[0].binding == nil && effects[0].section == nil)
    }

    @Test func aCellTheFormatRefusesIsNotStated() {
        let evaluation = evaluate(script("application overdue_fee 1 new 2", year: 2020))
        #expect(evaluation.effects.last?.cells == [.application(.new, .person)])
    }
}

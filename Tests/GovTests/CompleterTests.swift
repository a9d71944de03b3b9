import Foundation
import Gov
import GovLanguage
import GovRender
import GovReport
import Testing

@testable import GovREPL

/// Tab completion: what the text before the cursor can become.
struct CompleterTests {
    let completer: Completer = {
        var vocabulary = SessionVocabulary()
        vocabulary.channels = ["微博", "微信公众号", "政府网站"]
        vocabulary.categories = ["政府网站": ["政策文件", "公示公告"]]
        vocabulary.bindings = ["平台"]
        let files = FileCompletion { directory in
            directory == "." ? [("examples", true), ("report.gov", false), ("report-2020.gov", false), (".hidden", false)]
                : directory == "examples/" ? [("dayin-2020.gov", false)] : []
        }
        return Completer(vocabulary: vocabulary, files: files)
    }()

    @Test func aUniqueKeywordIsInsertedWithASpace() {
        #expect(completer.complete("appl").insertion == "ication ")
        #expect(completer.complete("渠").insertion == "道 ")
        #expect(completer.complete("year").insertion == " ")
    }

    @Test func severalCandidatesShareAPrefixOrAreListed() {
        let p = completer.complete("p")
        #expect(p.candidates == ["published", "parts", "previous", "proactive"])
        #expect(p.insertion == "" && p.shouldList)
        let ch = completer.complete("c")
        #expect(ch.candidates == ["columns", "channel", "category"])
        #expect(completer.complete("ca").insertion == "tegory ")
        #expect(completer.complete("   se").insertion == "ction ")
    }

    @Test func commandsAndTheirArguments() {
        #expect(completer.complete(":sa").insertion == "ve ")
        #expect(completer.complete(":s").candidates == [":show", ":save"])
        #expect(completer.complete(":render ").candidates == Gov.OutputFormat.allCases.map(\.rawValue))
        #expect(completer.complete(":help appli").insertion == "cation ")
        #expect(completer.complete(":show 总体").insertion == "情况 ")
        // Each official table by the keyword of its statement, in both languages, as `:show` reads it.
        let parts = completer.complete(":show ").candidates
        for keyword in ["proactive", "主动公开", "application", "申请", "review", "复议"] { #expect(parts.contains(keyword)) }
        #expect(!parts.contains("lawsuit"))
        for keyword in TableStatement.namingTables.map(\.keyword) {
            #expect(PartRenderer.table(keyword.english, in: LayoutBuilder.document(for: Gov.evaluate(source: "year 2021").report)) != nil)
        }
        #expect(completer.complete(":check ").candidates.isEmpty)
    }

    @Test func filePathsAfterLoadSaveAndRender() {
        let report = completer.complete(":load rep")
        #expect(report.candidates == ["report.gov", "report-2020.gov"])
        #expect(report.insertion == "ort")
        #expect(completer.complete(":save ex").insertion == "amples/")
        #expect(completer.complete(":load examples/d").insertion == "ayin-2020.gov")
        #expect(completer.complete(":render text examples/").listing == ["dayin-2020.gov"])
        #expect(!completer.complete(":load ").candidates.contains(".hidden"))
    }

    @Test func fileNamesInsideIncludeAndPrevious() {
        #expect(completer.complete("include \"rep").candidates == ["report.gov", "report-2020.gov"])
        #expect(completer.complete("上年报告 \"examples/d").insertion == "ayin-2020.gov")
        #expect(completer.complete("引用 \"").candidates == ["examples", "report.gov", "report-2020.gov"])
        #expect(completer.complete("include \"report.gov\" ").candidates.isEmpty)  // the string is closed
        #expect(completer.complete("text \"rep").candidates.isEmpty)  // other strings are text
    }

    @Test func namesAStatementTakes() {
        #expect(completer.complete("application bus").insertion == "iness ")
        #expect(completer.complete("申请 本年").insertion == "新收 ")
        #expect(completer.complete("application new 3 gra").insertion == "nted ")
        #expect(completer.complete("proactive reg").insertion == "ulations ")
        #expect(completer.complete("proactive regulations iss").insertion == "ued ")
        #expect(completer.complete("review pen").insertion == "ding ")
        #expect(completer.complete("lawsuit af").insertion == "ter_review ")
        #expect(completer.complete("section appl").insertion == "ications ")
        #expect(completer.complete("section app").candidates == ["applications", "appeals"])
        #expect(completer.complete("text \"abc").candidates.isEmpty)
    }

    @Test func theSessionsChannelsAndCategories() {
        #expect(completer.complete("channel 政").insertion == "府网站 ")
        let wei = completer.complete("channel 微")
        #expect(wei.candidates == ["微博", "微信公众号"])
        #expect(completer.complete("category 政策").insertion == "文件 ")
    }

    @Test func pathsInExpressionsAndInterpolations() {
        #expect(completer.complete("text \"共{channel.微博").insertion == "")
        #expect(completer.complete("text \"共{channel.微").candidates == ["channel.微博", "channel.微信公众号"])
        #expect(completer.complete("text \"共{channel.微").listing == ["微博", "微信公众号"])
        #expect(completer.complete("text \"共{channel.政").insertion == "府网站")
        #expect(completer.complete("assert channel.政府网站.公").insertion == "示公告")
        #expect(completer.complete("assert application.new.busi").insertion == "ness")
        #expect(completer.complete("let x = 平").insertion == "台")
        #expect(completer.complete("application new (平").insertion == "台")
        #expect(completer.complete("assert 申请.重复").insertion == "申请")
    }

    @Test func commonPrefixNeverSplitsACharacter() {
        #expect(Completion.commonPrefix(["微博", "微信"]) == "微")
        #expect(Completion.commonPrefix(["abc", "abd", "ab"]) == "ab")
        #expect(Completion.commonPrefix([]) == "")
    }

    @Test func candidatesAreListedInAlignedColumns() {
        let text = CandidateList.text(["微博", "微信公众号", "政府网站", "a"], width: 30)
        #expect(text == "微博        政府网站\n微信公众号  a\n")
    }

    @Test func theVocabularyComesFromTheSession() {
        let source = "body 甲\nyear 2021\nchannel 微博 3\ncategory 通知 3\nlet 平台 = 1\nsection \"本地\"\ntable \"表二\"\n"
        let evaluation = Gov.evaluate(source: source, path: "x.gov")
        let vocabulary = SessionVocabulary(sessionText: source, report: evaluation.report)
        #expect(vocabulary.channels == ["微博"] && vocabulary.allCategories == ["通知"])
        #expect(vocabulary.bindings == ["平台"] && vocabulary.localSections == ["本地"] && vocabulary.localTables == ["表二"])
    }
}

import Foundation
import Testing

@testable import Gov
@testable import GovIDE
import GovLanguage

/// The analysis under `gov lsp`, called directly: plain values in byte offsets.
@Suite struct IDEAnalysisTests {
    private func checked(_ text: String, path: String = "/virtual/ide.gov", files: [String: String] = [:]) -> (CheckedDocument, Snapshot) {
        var snapshot = Snapshot()
        snapshot[path: path] = Array(text.utf8)
        for (name, content) in files { snapshot[path: name] = Array(content.utf8) }
        return (DocumentCheck.run(path: path, snapshot: snapshot), snapshot)
    }

    private func offset(of needle: String, in text: String) -> Int {
        guard let range = text.range(of: needle) else { return -1 }
        return text.utf8.distance(from: text.startIndex, to: range.lowerBound)
    }

    @Test func didYouMeanFindingsCarryTheirRepair() throws {
        let text = "body 某\nyear 2021\nsection overveiw\nchanel 微博 3\n"
        let (document, _) = checked(text)
        let section = try #require(document.findings.first { $0.code == "E044" })
        #expect(section.fixes.first?.edits == [Edit(range: offset(of: "overveiw", in: text)..<offset(of: "overveiw", in: text) + 8, newText: "overview")])
        let keyword = try #require(document.findings.first { $0.code == "E010" })
        #expect(keyword.fixes.first?.title == "改为 “channel”")
        let actions = CodeActions.actions(for: offset(of: "chanel", in: text)..<offset(of: "chanel", in: text), in: document)
        #expect(actions.map(\.title) == ["改为 “channel”"])
    }

    /// Every finding that says "did you mean" offers the repair too, wherever it is made.
    @Test(arguments: [
        ("chanel 微博 3", "channel"),                                  // a statement keyword (E010)
        ("section overveiw", "overview"),                              // an official section (E044)
        ("application grantd 3", "granted"),                           // a row of table 2 (E052)
        ("text \"{application.grantd}\"", "granted"),                 // a term in a path (E035)
        ("let 平台 = 3\ntext \"{平太}\"", "平台"),                       // an unknown name (E035)
        ("let 平台 = 3\nparts (平太)", "平台"),                             // a name where a constant is needed (E032)
    ])
    func everyDidYouMeanOffersItsRepair(line: String, replacement: String) throws {
        let (document, _) = checked("body 某\nyear 2021\n" + line + "\n")
        let hinted = document.findings.filter { $0.message.contains("是不是想写") }
        #expect(!hinted.isEmpty)
        for finding in hinted {
            #expect(finding.fixes.first?.edits.first?.newText == replacement, "\(finding.code) \(finding.message)")
        }
    }

    /// Issue 12's fix-it in the editor: a literal that agrees with the table becomes `{…}`, as
    /// `gov fmt --interpolate` would write it; a literal that disagrees is not offered.
    @Test func anAgreeingLiteralCanBecomeAnInterpolation() throws {
        let text = "body 某县\nyear 2021\napplication new 120 granted 120\ntext \"全年新收政府信息公开申请120件。\"\n"
        let (document, snapshot) = checked(text)
        let at = offset(of: "120件", in: text)
        let actions = CodeActions.actions(for: at..<at, in: document, snapshot: snapshot)
        let rewrite = try #require(actions.first { $0.finding == nil })
        #expect(rewrite.edits == [Edit(range: at..<at + 3, newText: "{application.new}")])
        let wrong = text.replacingOccurrences(of: "申请120件", with: "申请121件")
        let (other, otherSnapshot) = checked(wrong)
        #expect(CodeActions.actions(for: at..<at, in: other, snapshot: otherSnapshot).allSatisfy { $0.finding != nil })
    }

    /// The hook for any later repair (issue 12's "this literal agrees with the table: write {…}"): a check
    /// attaches a `FixIt` to its finding and the editor offers it, with nothing else to change.
    @Test func anyFixItAFindingCarriesBecomesAnEdit() {
        let sources = SourceManager()
        let file = sources.add(SourceFile(path: "/virtual/ide.gov", text: "text \"新收申请40件\"\n"))
        let literal = SourceRange(file: file, start: 18, end: 20)
        let diagnostic = Diagnostic(
            code: "E010", severity: .note, message: "40 与表中本年新收一致", range: literal,
            fixIts: [FixIt(title: "改为 {application.new}", range: literal, replacement: "{application.new}")])
        let finding = DocumentCheck.place(diagnostic, main: file, sources: sources, anchors: FileAnchors())
        #expect(finding.fixes == [Finding.Fix(title: "改为 {application.new}", edits: [Edit(range: 18..<20, newText: "{application.new}")])])
    }

    @Test func anUnsavedBufferIsCheckedToo() {
        let (document, _) = checked("body 某\nyear 2021\nchanel 微博 3\n", path: "untitled:Untitled-1")
        #expect(document.findings.map(\.code) == ["E010"])
    }

    @Test func anErrorInAnIncludedFileIsShownOnTheInclude() throws {
        let text = "body 某\nyear 2021\ninclude \"common.gov\"\n"
        let (document, _) = checked(text, files: ["/virtual/common.gov": "chanel 微博 3\n"])
        let finding = try #require(document.findings.first { $0.code == "E010" })
        #expect(finding.range == offset(of: "\"common.gov\"", in: text)..<offset(of: "\"common.gov\"", in: text) + 12)
        #expect(finding.related.first?.place.path == "/virtual/common.gov")
        #expect(finding.fixes.isEmpty)  // the repair is in another file
    }

    @Test func definitionsOfLetNamesAndIncludedFiles() throws {
        let text = "body 某\nyear 2021\nlet 平台 = 3\ninclude \"common.gov\"\ntext \"有{平台}个，{共用}个\"\n"
        let (document, _) = checked(text, files: ["/virtual/common.gov": "let 共用 = 4\n"])
        #expect(Definition.target(at: offset(of: "平台}", in: text) + 1, in: document) == Place(path: "/virtual/ide.gov", range: offset(of: "平台 =", in: text)..<offset(of: "平台 =", in: text) + 6))
        #expect(Definition.target(at: offset(of: "共用}", in: text), in: document) == Place(path: "/virtual/common.gov", range: 4..<10))
        #expect(Definition.target(at: offset(of: "common", in: text), in: document) == Place(path: "/virtual/common.gov", range: 0..<0))
        #expect(Definition.target(at: offset(of: "body", in: text), in: document) == nil)

        // `application new 40` states the 自然人 cell; `application.new` alone is the 总计 column, derived.
        let cells = "body 某\nyear 2021\napplication new 40\ntext \"{application.new.person}，{application.new}\"\n"
        let (cellDocument, _) = checked(cells)
        #expect(Definition.target(at: offset(of: "person}", in: cells), in: cellDocument) == Place(path: "/virtual/ide.gov", range: offset(of: "40", in: cells)..<offset(of: "40", in: cells) + 2))
        #expect(Definition.target(at: offset(of: "new}", in: cells), in: cellDocument) == nil)  // derived: stated nowhere
    }

    @Test func hoverExplainsKeywordsCellsAndNames() throws {
        let text = "body 某\nyear 2021\nlet 平台 = 2 + 3\napplication new 4 granted 2\ntext \"{application.total} {平台}\"\n"
        let (document, _) = checked(text)
        let keyword = try #require(Hover.info(at: offset(of: "application new", in: text) + 2, in: document))
        #expect(keyword.text.contains("application · 申请"))
        #expect(keyword.text.contains("申请 上年结转 1 予以公开 1"))  // the example in Chinese too
        let stated = try #require(Hover.info(at: offset(of: "granted", in: text), in: document))
        #expect(stated.text.contains("予以公开") && stated.text.contains("**2**") && stated.text.contains("第 4 行"))
        let derived = try #require(Hover.info(at: offset(of: "total}", in: text), in: document))
        #expect(derived.text.contains("（七）总计") && derived.text.contains("derived") && derived.text.contains("A2"))
        let name = try #require(Hover.info(at: offset(of: "平台}", in: text), in: document))
        #expect(name.text.contains("**5**"))

        let selectorText = "body 某\nyear 2021\napplication business new 3\ntext \"{申请.本年新收.商业企业}\"\n"
        let (selectorDocument, _) = checked(selectorText)
        let selector = try #require(Hover.info(at: offset(of: "business", in: selectorText), in: selectorDocument))
        #expect(selector.text.contains("商业企业") && selector.text.contains("申请人类别"))
        let chinesePath = try #require(Hover.info(at: offset(of: "本年新收.商业企业", in: selectorText), in: selectorDocument))
        #expect(chinesePath.text.contains("`application.new.business` = **3**"))

        let marks = "body 某\nyear 2021\napplication new 3 granted unknown\napplication all total blank\n"
        let (markDocument, _) = checked(marks)
        let unknown = try #require(Hover.info(at: offset(of: "unknown", in: marks), in: markDocument))
        #expect(unknown.text.contains("不详") && unknown.text.contains("stated unknown"))

        let withPrevious = "body 某\nyear 2021\nprevious \"2020.gov\"\napplication carried 1\n"
        let (series, _) = checked(withPrevious, files: ["/virtual/2020.gov": "body 某\nyear 2020\napplication new 1 forward 1\n"])
        let carried = try #require(Hover.info(at: offset(of: "carried", in: withPrevious), in: series))
        #expect(carried.text.contains("D1"))

        let more = "body 某\nyear 2021\nchannel 微博 5\ncategory 动态 3\ncategory 公告 2\nsection applications\n"
        let (other, _) = checked(more)
        let channel = try #require(Hover.info(at: offset(of: "微博", in: more), in: other))
        #expect(channel.text.contains("**5**") && channel.text.contains("合计 5"))
        let category = try #require(Hover.info(at: offset(of: "公告", in: more), in: other))
        #expect(category.text.contains("**2**") && category.text.contains("微博"))
        let section = try #require(Hover.info(at: offset(of: "applications", in: more), in: other))
        #expect(section.text.contains("三、收到和处理政府信息公开申请情况"))
    }

    @Test func theOutlineHasSectionsWithTheirHeadingsAndTables() {
        let text = """
            body 某
            year 2021
            section overview
            heading "（一）概况"
            section "本地章节"
            table "表二"
            columns 指标 数
            row "网站" 3
            section applications

            """
        let outline = DocumentSymbols.outline(text: Array(text.utf8), path: "/virtual/ide.gov")
        #expect(outline.map(\.name) == ["某", "2021", "一、总体情况", "本地章节", "三、收到和处理政府信息公开申请情况"])
        #expect(outline[2].children.map(\.name) == ["（一）概况"])
        let table = outline[3].children.first
        #expect(table?.name == "表二")
        #expect(table?.range.upperBound == offset(of: "section applications", in: text) - 1)  // through its rows
    }

    @Test func formattingEditsOnlyWhatChangesAndNeverSplitsACharacter() {
        let text = "body 某\nyear   2021\nchannel 微博 3\nchannel 政府网站 12\n"
        let edits = Formatting.edits(text: Array(text.utf8), path: "/virtual/ide.gov")
        var bytes = Array(text.utf8)
        for edit in edits.reversed() { bytes.replaceSubrange(edit.range, with: Array(edit.newText.utf8)) }
        #expect(String(decoding: bytes, as: UTF8.self) == Gov.format(source: text))
        #expect(edits.first.map { $0.range.lowerBound > 0 } == true)
        #expect(Formatting.edits(text: Array(Gov.format(source: text).utf8), path: "/virtual/ide.gov").isEmpty)
    }

    @Test func completionOffersFilesInsideIncludeAndPreviousRelativeToTheScript() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gov-ide-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("共用"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["2020.gov", "2021.gov", "共用/表头.gov"] {
            try "".write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let path = directory.appendingPathComponent("2021.gov").path
        let text = "body 某\nyear 2021\nprevious \"20\n引用 \"共用/表"
        let (document, _) = checked(text, path: path)
        let previous = Completions.at(offset(of: "\n引用", in: text), in: document)
        #expect(previous.items.map(\.insertText) == ["2020.gov", "2021.gov"])
        #expect(previous.items.first?.kind == .file)
        let nested = Completions.at(text.utf8.count, in: document)
        #expect(nested.items.map(\.insertText) == ["共用/表头.gov"])
        #expect(nested.items.map(\.label) == ["表头.gov"])
    }

    @Test func completionOffersKeywordsNamesAndPaths() {
        let text = "body 某\nyear 2021\nchannel 微博 3\ntext \"{channel.微\"\nappl"
        let (document, _) = checked(text)
        let keywords = Completions.at(text.utf8.count, in: document)
        #expect(keywords.items.map(\.insertText) == ["application"])
        #expect(keywords.items.first?.kind == .keyword)
        #expect(keywords.replacing == text.utf8.count - 4..<text.utf8.count)
        #expect(Completions.termDetail("granted", keyword: .application) == "granted · 予以公开 — 申请表的行")
        let path = Completions.at(offset(of: "\"\nappl", in: text), in: document)
        #expect(path.items.map(\.insertText) == ["channel.微博"])
    }
}

/// Every question an editor can ask, at every byte of a script with every kind of finding: each is
/// answered (or declined) without a trap, and every range answered lies inside the document.
@Suite struct IDEEveryOffsetTests {
    @Test func everyOffsetOfTheErrorsExample() throws {
        let path = Paths.examples.appendingPathComponent("fictional-2021-errors.gov").path
        var snapshot = Snapshot()
        let text = try #require(FileManager.default.contents(atPath: path).map { [UInt8]($0) })
        snapshot[path: path] = text
        let document = DocumentCheck.run(path: path, snapshot: snapshot)
        #expect(!document.findings.isEmpty)
        var answered = 0
        for offset in 0...text.count {
            if let hover = Hover.info(at: offset, in: document) {
                #expect(hover.range.upperBound <= text.count)
                answered += 1
            }
            _ = Definition.target(at: offset, in: document)
            let completion = Completions.at(offset, in: document)
            #expect(completion.replacing.lowerBound >= 0 && completion.replacing.upperBound <= text.count)
            for action in CodeActions.actions(for: offset..<offset, in: document) {
                #expect(action.edits.allSatisfy { $0.range.upperBound <= text.count })
            }
        }
        #expect(answered > text.count / 10)
    }
}

import Foundation
import GovLanguage

/// The quality checks evaluators apply to a published report (codes and sources in `AuditRules`): the
/// deadline (Q1), stray years (Q3), section 五's two halves (Q4), section 六's statement on 信息处理费 in
/// the 2021 format (Q5). Q2 (paragraphs copied from last year's report) needs last year's report and is
/// made by `copiedParagraphs`. All are warnings, worded as things to look at.
enum QualityChecker {
    static func check(_ report: Report, narratives: [NarrativeText]) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        if let late = deadline(report) { findings.append(late) }
        findings += strayYears(report, narratives: narratives)
        if let problems = problemsAndImprovements(report) { findings.append(problems) }
        if let fees = processingFees(report) { findings.append(fees) }
        return findings
    }

    static func warning(_ id: String, _ message: String, at range: SourceRange?, notes: [Diagnostic.Note] = []) -> Diagnostic {
        Diagnostic(code: DiagnosticCode(id), severity: .warning, message: "请核对“\(AuditRules.rule(id)?.title ?? id)”：\(message)", range: range, notes: notes)
    }

    // MARK: - Q1

    static func deadline(_ report: Report) -> Diagnostic? {
        guard let published = report.header.published, report.header.year > 0 else { return nil }
        let kind = report.header.kind
        let limit = (year: report.header.year + 1, month: kind.deadline.month, day: kind.deadline.day)
        guard (published.year, published.month, published.day) > limit else { return nil }
        let how = report.header.statedKind == nil ? "按机关名称推定为\(kind.chinese)；不是的话请写 kind \(kind == .department ? "government" : "department")" : "机关类型为\(kind.chinese)"
        return warning(
            "Q1", "发布日期 \(published.chinese)晚于条例第四十九条的期限 \(limit.year)年\(limit.month)月\(limit.day)日（\(how)）",
            at: published.range)
    }

    // MARK: - Q3

    /// A year in the text other than the report's, the one before, or the publication's: often a sentence
    /// carried over from an old report. Years in titles (《…》, “…”), ranges and plans (到2025年, 2019年以来)
    /// are left alone, and only years before the one before are reported — the text may well plan ahead.
    static func strayYears(_ report: Report, narratives: [NarrativeText]) -> [Diagnostic] {
        let year = report.header.year
        guard year > 0 else { return [] }
        var findings: [Diagnostic] = []
        for text in narratives {
            let s = text.scalars
            var quoteDepth = 0
            var i = 0
            while i < s.count {
                let c = s[i]
                // Most scalars are Chinese characters, neither a digit nor a bracket: passed with one test.
                if c.value > 0x39, c.value < 0x2000 || c.value > 0x301F, c != "[", c != "]" {
                    i += 1
                    continue
                }
                if c == "《" || c == "“" || c == "〔" || c == "[" { quoteDepth += 1 }
                if c == "》" || c == "”" || c == "〕" || c == "]" { quoteDepth = max(0, quoteDepth - 1) }
                guard quoteDepth == 0, i + 4 < s.count, (0..<4).allSatisfy({ isDigit(s[i + $0]) }), s[i + 4] == "年",
                    i == 0 || !isDigit(s[i - 1]) && s[i - 1] != "-" && s[i - 1] != "—"
                else {
                    i += 1
                    continue
                }
                let mentioned = (0..<4).reduce(0) { $0 * 10 + Int(s[i + $1].value - 48) }
                let before = i > 0 ? s[i - 1] : " "
                let after = text.string((i + 5)..<min(s.count, i + 7))
                let isPlanOrRange = "到至自从于截迄".unicodeScalars.contains(before) || after.hasPrefix("以来") || after.hasPrefix("起")
                    || after.hasPrefix("以前") || after.hasPrefix("前")
                if mentioned >= year - 6, mentioned < year - 1, !isPlanOrRange {
                    findings.append(
                        warning(
                            "Q3", "正文提到 \(mentioned) 年，而这是 \(year) 年的报告（上一年度是 \(year - 1) 年）；请核对是否沿用了旧报告的文字",
                            at: text.sourceRange(i..<(i + 4))))
                }
                i += 5
            }
        }
        return findings
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    // MARK: - Q4, Q5

    static func text(of section: Section) -> String {
        section.blocks.map { block -> String in
            switch block {
            case .heading(let text), .paragraph(let text): return text
            case .leadParagraph(let lead, let text): return lead + text
            case .table(let table): return table.title
            }
        }.joined(separator: "\n")
    }

    /// Whether `text` holds `word`, compared as UTF-8 bytes: `memchr` finds each candidate and `memcmp`
    /// compares the whole word there. (`String.contains` from Foundation compares through `CFStringFind`
    /// with character folding: 430,000 instructions a report for these word lists, more than lexing, parsing
    /// and checking the whole report. With a byte loop in Swift, Q4 took 20,600 instructions a report; with
    /// these, 9,700 — callgrind, 300 corpus scripts.) `memmem` would do, but it is not in Swift's Glibc module.
    ///
    /// The byte searched for is the word's third, not its first: a Chinese character's first byte is one of
    /// six (E4–E9) and starts nearly every character of the text, its last byte one of 64. The quality
    /// checks went from 6.5 M to 5.2 M instructions in 300 scripts (callgrind).
    static func mentions(_ text: String, _ word: String) -> Bool {
        var text = text, word = word
        return text.withUTF8 { haystack in word.withUTF8 { holds(haystack, $0) } }
    }

    /// Whether `text` holds any of `words` (their UTF-8 bytes): the text's bytes read once for all of them
    /// (read for each word, the text and the word were retained and released each time: 25 words a report;
    /// 85.58 → 85.16 M instructions for 300 corpus scripts).
    static func mentions(_ text: String, anyOf words: [[UInt8]]) -> Bool {
        var text = text
        return text.withUTF8 { haystack in words.contains { word in word.withUnsafeBufferPointer { holds(haystack, $0) } } }
    }

    private static func holds(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let n = needle.baseAddress, needle.count > 0 else { return true }
        guard let h = haystack.baseAddress, haystack.count >= needle.count else { return false }
        let key = min(2, needle.count - 1)
        // A candidate's key byte lies in key...(haystack.count - needle.count + key).
        let lastKey = haystack.count - needle.count + key
        var start = key
        while start <= lastKey, let found = memchr(h + start, Int32(n[key]), lastKey - start + 1) {
            let offset = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - h - key
            if memcmp(h + offset, n, needle.count) == 0 { return true }
            start = offset + key + 1
        }
        return false
    }

    static let problemWords = ["问题", "不足", "差距", "薄弱", "短板", "有待", "不够", "不到位", "欠缺", "单一", "滞后", "仍需", "还需", "尚需", "不高", "不强"]
    static let improvementWords = ["改进", "措施", "下一步", "整改", "加强", "提升", "完善", "推进", "将"]
    private static let problemWordBytes = problemWords.map { Array($0.utf8) }
    private static let improvementWordBytes = improvementWords.map { Array($0.utf8) }

    /// Whether a check reads the text of a section (Q4 and Q5): a check that prints findings only builds
    /// no other section's paragraphs (`Evaluator.Prose.findingsOnly`).
    static func readsText(of section: Section.Kind) -> Bool {
        section == .official(.problems) || section == .official(.other)
    }

    /// Where the official section `wanted` is among the report's sections, found field by field: asked with
    /// `first(where:)`, each section before it was copied (its blocks and title retained) to be compared.
    private static func official(_ wanted: OfficialSection, in report: Report) -> Int? {
        for index in report.sections.indices {
            if case .official(let official) = report.sections[index].kind, official == wanted { return index }
        }
        return nil
    }

    static func problemsAndImprovements(_ report: Report) -> Diagnostic? {
        // Only a section the script opens and writes: a draft (gov new) or a script of tables alone is not
        // judged on prose it does not have yet.
        guard let index = official(.problems, in: report), report.sections[index].range != nil, !report.sections[index].blocks.isEmpty else {
            return nil
        }
        let section = report.sections[index]
        let text = self.text(of: section)
        let problems = mentions(text, anyOf: problemWordBytes)
        let improvements = mentions(text, anyOf: improvementWordBytes)
        guard !problems || !improvements else { return nil }
        let missing = !problems && !improvements ? "既没有写存在的主要问题，也没有写改进情况" : !problems ? "没有写存在的主要问题" : "没有写改进情况"
        return warning("Q4", "「\(section.title)」\(missing)（条例第五十条第（四）项要求两者都写）", at: section.range ?? report.header.yearRange)
    }

    static func processingFees(_ report: Report) -> Diagnostic? {
        guard report.edition == .y2021, let index = official(.other, in: report), report.sections[index].range != nil,
            !report.sections[index].blocks.isEmpty
        else {
            return nil
        }
        let section = report.sections[index]
        guard !mentions(text(of: section), "处理费") else { return nil }
        let overdue = report.count(.application(.overdueFee, .all))
        let why = overdue > 0 ? "；申请表里有 \(overdue) 件因逾期未缴费不再处理，说明本年发出过收费通知" : ""
        return warning(
            "Q5", "「\(section.title)」没有说明信息处理费的收取情况（30号文的格式要求写明，未收取也应写“未收取”）\(why)",
            at: section.range)
    }

    // MARK: - Q2

    /// Paragraphs of this year's report that are last year's, word for word or nearly (≥ 90% of their
    /// character pairs shared). The introduction and short paragraphs (under 40 characters) are boilerplate
    /// and left alone. Work is bounded: paragraphs are compared only with ones of similar length, and at
    /// most `maximumComparisons` pairs per report.
    static let maximumComparisons = 20_000

    static func copiedParagraphs(last: Report, this: Report, lastPath: String) -> [Diagnostic] {
        func paragraphs(_ report: Report) -> [(section: Section, text: String)] {
            report.sections.flatMap { section in
                section.blocks.compactMap { block -> (Section, String)? in
                    switch block {
                    case .paragraph(let text): return text.count >= 40 ? (section, text) : nil
                    case .leadParagraph(let lead, let text): return (lead + text).count >= 40 ? (section, lead + text) : nil
                    default: return nil
                    }
                }
            }
        }
        let old = paragraphs(last).map { (text: $0.text, pairs: bigrams($0.text)) }
        let exact = Set(old.map(\.text))
        var findings: [Diagnostic] = []
        var comparisons = 0
        for (section, text) in paragraphs(this) {
            var similarity: Double?
            if exact.contains(text) {
                similarity = 1
            } else {
                let mine = bigrams(text)
                for other in old where abs(other.text.count - text.count) * 10 <= text.count && comparisons < maximumComparisons {
                    comparisons += 1
                    let shared = mine.intersection(other.pairs).count
                    let dice = Double(2 * shared) / Double(max(1, mine.count + other.pairs.count))
                    if dice >= 0.9 { similarity = max(similarity ?? 0, dice) }
                }
            }
            guard let similarity else { continue }
            let percent = Int((similarity * 100).rounded(.down))
            let opening = String(text.prefix(24))
            findings.append(
                warning(
                    "Q2", "「\(section.title)」中的一段与 \(last.header.year) 年报告（\(lastPath)）\(percent == 100 ? "完全相同" : "相似度 \(percent)%")：“\(opening)…”",
                    at: section.range ?? this.header.yearRange))
        }
        return findings
    }

    private static func bigrams(_ text: String) -> Set<String> {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 1 else { return [] }
        var result = Set<String>()
        for i in 0..<(scalars.count - 1) {
            var pair = ""
            pair.unicodeScalars.append(scalars[i])
            pair.unicodeScalars.append(scalars[i + 1])
            result.insert(pair)
        }
        return result
    }
}

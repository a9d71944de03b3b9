/// Where a number sits in its paragraph: its sentence (to 。！？ or a line break), its clause (to ，；：
/// or a bracket), and the words just before and just after it, up to the neighbouring numbers. All ranges
/// are scalar offsets into a `NarrativeText`.
struct TextClauses {
    let scalars: [Unicode.Scalar]
    let numbers: [TextNumber]
    /// Whether the paragraph is about requests for disclosure at all (依申请, 公开申请, 申请公开): only then
    /// does a bare 申请 make a sentence about the applications table — 低保申请 and 许可申请 are not.
    let mentionsDisclosureRequests: Bool

    init(scalars: [Unicode.Scalar], numbers: [TextNumber]) {
        self.scalars = scalars
        self.numbers = numbers
        var found = false
        for i in scalars.indices where scalars[i] == "申" {
            if TextNumberScanner.startsWith(scalars, at: i - 1, "依申请") || TextNumberScanner.startsWith(scalars, at: i - 2, "公开申请")
                || TextNumberScanner.startsWith(scalars, at: i, "申请公开")
            {
                found = true
                break
            }
        }
        mentionsDisclosureRequests = found
    }

    static let topicInitials: Set<Unicode.Scalar> = Set(PhraseTable.topics.compactMap { $0.word.unicodeScalars.first })

    static let sentenceEnds: Set<Unicode.Scalar> = ["。", "！", "？", "!", "?", "\n"]
    static let clauseEnds: Set<Unicode.Scalar> = ["，", ",", "；", ";", "：", ":", "（", "）", "(", ")", "。", "！", "？", "!", "?", "\n"]

    func sentence(of number: TextNumber) -> Range<Int> {
        bounded(number.span, by: TextClauses.sentenceEnds)
    }

    func clause(of number: TextNumber) -> Range<Int> {
        bounded(number.span, by: TextClauses.clauseEnds)
    }

    /// A sentence longer than this is read only this far either side of the number: the words that link a
    /// number are near it, and a paragraph with no full stop must not make the work quadratic.
    static let reach = 240

    private func bounded(_ span: Range<Int>, by ends: Set<Unicode.Scalar>) -> Range<Int> {
        var start = span.lowerBound
        let lowest = max(0, span.lowerBound - TextClauses.reach)
        while start > lowest, !ends.contains(scalars[start - 1]) { start -= 1 }
        var end = span.upperBound
        let highest = min(scalars.count, span.upperBound + TextClauses.reach)
        while end < highest, !ends.contains(scalars[end]) { end += 1 }
        return start..<end
    }

    /// The words before the number in its clause, after any number before it; and after it, up to the next.
    func window(of index: Int) -> (before: String, after: String, beforeRange: Range<Int>) {
        let number = numbers[index]
        let clause = self.clause(of: number)
        var start = clause.lowerBound
        if index > 0, numbers[index - 1].span.upperBound > start, numbers[index - 1].span.upperBound <= number.span.lowerBound {
            start = numbers[index - 1].span.upperBound
        }
        var end = clause.upperBound
        if index + 1 < numbers.count, numbers[index + 1].span.lowerBound < end { end = numbers[index + 1].span.lowerBound }
        return (text(start..<number.span.lowerBound), text(number.span.upperBound..<max(number.span.upperBound, end)), start..<number.span.lowerBound)
    }

    func text(_ range: Range<Int>) -> String {
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[max(0, range.lowerBound)..<min(scalars.count, max(range.lowerBound, range.upperBound))])
        return result
    }

    /// The topic of a number: the nearest topic word before it in its sentence, else the first one after
    /// it in its clause. 申请 right after 复议 or 诉讼 (行政复议申请) is the appeal's, not an application.
    func topic(of index: Int) -> TextTopic? {
        let number = numbers[index]
        let sentence = self.sentence(of: number)
        let before = Array(scalars[sentence.lowerBound..<number.span.lowerBound])
        if let found = lastTopic(in: before) { return found }
        let clause = self.clause(of: number)
        let after = Array(scalars[number.span.upperBound..<max(number.span.upperBound, clause.upperBound)])
        return firstTopic(in: after)
    }

    private func matches(_ s: [Unicode.Scalar], at i: Int) -> TextTopic? {
        // Every topic word starts with one of a few characters: most positions are rejected at once.
        guard TextClauses.topicInitials.contains(s[i]) else { return nil }
        for (word, topic) in PhraseTable.topics where TextNumberScanner.startsWith(s, at: i, word) {
            if topic == .applications, word == "申请" {
                // 行政复议申请, 行政许可申请: the other subject's; and a bare 申请 only in a paragraph about requests.
                let owner = i >= 2 ? String(String.UnicodeScalarView(s[(i - 2)..<i])) : ""
                if ["复议", "诉讼", "许可", "处罚", "强制"].contains(owner) || !mentionsDisclosureRequests { continue }
            }
            return topic
        }
        return nil
    }

    private func lastTopic(in s: [Unicode.Scalar]) -> TextTopic? {
        var i = s.count - 1
        while i >= 0 {
            if let topic = matches(s, at: i) { return topic }
            i -= 1
        }
        return nil
    }

    private func firstTopic(in s: [Unicode.Scalar]) -> TextTopic? {
        for i in s.indices { if let topic = matches(s, at: i) { return topic } }
        return nil
    }
}

import Foundation
import GovLanguage

/// Links each text quantity of one paragraph to the report quantity its clause states, through the phrase
/// table, and judges whether the two agree. It never guesses: a number that no pattern, or more than one,
/// claims — or whose clause names two applicants or two table-1 items — is left alone, with the reason.
struct TextLinker {
    /// The report, shared by the linkers of all its paragraphs.
    private let shared: ReportSnapshot
    var report: Report { shared.report }
    let text: NarrativeText
    let numbers: [TextNumber]
    let clauses: TextClauses
    /// Literals the clerk marked deliberate in this statement: value → reason.
    let deliberate: [(value: Decimal, reason: String)]

    init(report: ReportSnapshot, text: NarrativeText, deliberate: [(value: Decimal, reason: String)]) {
        self.shared = report
        self.text = text
        self.numbers = TextNumberScanner.scan(text)
        self.clauses = TextClauses(scalars: text.scalars, numbers: numbers)
        self.deliberate = deliberate
    }

    /// Every quantity of the paragraph, linked or not; plus "all upheld" claims (均维持) that do not hold.
    func run() -> (quantities: [TextQuantity], claims: [Diagnostic]) {
        var result: [TextQuantity] = []
        var linkedInSentence: [(index: Int, sentence: Range<Int>, resolved: Resolved)] = []
        var claims: [Diagnostic] = []
        for index in numbers.indices {
            let number = numbers[index]
            var quantity = TextQuantity(
                range: text.sourceRange(number.digits), spanRange: text.sourceRange(number.span), written: number.written,
                unit: (number.isApproximate && text.string(number.digits.upperBound..<number.span.upperBound).contains("余") ? "余" : "") + number.unit.rawValue, value: number.value, outcome: .unlinked(""))
            let sentence = clauses.sentence(of: number)
            // Only the current sentence's links are ever looked back at: keep no others (linear work).
            if let last = linkedInSentence.last, last.sentence != sentence { linkedInSentence.removeAll(keepingCapacity: true) }
            if number.isApproximate {
                quantity.outcome = .unlinked("约数（余、多、近、以上…），不核对")
            } else if number.isPercent {
                let earlier = linkedInSentence.last { $0.sentence == sentence }
                quantity.outcome = share(number, index: index, of: earlier?.resolved)
            } else {
                let earlier = linkedInSentence.last { $0.sentence == sentence }?.resolved
                switch resolve(index, after: earlier) {
                case .success(let resolved):
                    quantity.outcome = .linked(judge(number, resolved, sentence: sentence))
                    linkedInSentence.append((index, sentence, resolved))
                    if let claim = allUpheldClaim(after: index, in: sentence, resolved) { claims.append(claim) }
                case .failure(let reason):
                    quantity.outcome = .unlinked(reason.text)
                }
            }
            result.append(quantity)
        }
        return (result, claims)
    }

    // MARK: - Which quantity

    struct Reason: Error { let text: String }

    /// A quantity a pattern resolved to: its cells (with signs all +) and how to say and interpolate it.
    struct Resolved {
        let pattern: PhrasePattern
        let cells: [CellID]
        let alternatives: [[CellID]]
        let words: String
        let interpolation: String?
        /// For a channel or category: its count, which is not a table cell.
        var channelCount: (name: String, count: Int, range: SourceRange, path: String)?
    }

    /// `earlier` is the quantity linked last in the same sentence: a clause that names only an applicant
    /// (新收申请120件，其中自然人100件) counts the same rows in that column.
    func resolve(_ index: Int, after earlier: Resolved? = nil) -> Result<Resolved, Reason> {
        let number = numbers[index]
        let window = clauses.window(of: index)
        if [.entry, .article, .piece, .times].contains(number.unit), let channel = channelMention(window.before) {
            let pattern = PhraseTable.patterns[PhraseTable.patterns.count - 1]
            return .success(Resolved(pattern: pattern, cells: [], alternatives: [], words: channel.name, interpolation: "channel.\(channel.path)", channelCount: channel))
        }
        if let word = PhraseTable.comparisonWords.first(where: { TextSearch.contains(window.before, $0) }) {
            return .failure(Reason(text: "“\(word)”：说的是增减或比较，不是表中的数"))
        }
        if let other = otherYear(before: number) {
            return .failure(Reason(text: "句中说的是 \(other) 年，不是本报告年度"))
        }
        guard let topic = clauses.topic(of: index) else { return .failure(Reason(text: "句中没有申请、复议、诉讼或主动公开表的用语")) }
        let patternTopic: TextTopic = topic == .lawsuit ? .review : topic
        func candidates(in words: String) -> [PhrasePattern] {
            PhraseTable.patterns.filter { pattern in
                pattern.topic == patternTopic && pattern.units.contains(number.unit)
                    && pattern.words.contains(where: { TextSearch.contains(words, $0) }) && !pattern.unless.contains(where: { TextSearch.contains(words, $0) })
            }
        }
        var matched = candidates(in: window.before)
        if matched.isEmpty { matched = candidates(in: window.after) }
        if matched.isEmpty, patternTopic == .applications, let columns = applicantColumns(window.before), columns != [.all] {
            // Only an applicant: the rows of the count before it in the sentence, or the requests received.
            if let earlier, case .applicationRows = earlier.pattern.target {
                matched = [earlier.pattern]
            } else if TextSearch.contains(window.before, "申请"), let received = PhraseTable.patterns.first(where: { $0.id == "application.received" }) {
                matched = [received]
            }
        }
        guard let pattern = matched.first else { return .failure(Reason(text: "没有与“\(window.before)\(number.written)\(number.unit.rawValue)”相符的用语")) }
        guard matched.count == 1 else {
            return .failure(Reason(text: "用语可指多个数：" + matched.map(\.id).joined(separator: "、")))
        }
        switch pattern.target {
        case .applicationRows(let rows):
            guard let columns = applicantColumns(window.before) else { return .failure(Reason(text: "同一分句提到了多类申请人")) }
            let alternatives: [[CellID]]
            if case .loose(let others, _) = pattern.certainty {
                alternatives = others.compactMap { other in
                    guard case .applicationRows(let more) = other else { return nil }
                    return cells(more, columns)
                }
            } else {
                alternatives = []
            }
            let all = cells(rows, columns)
            let words = TextLinker.describe(rows, columns, edition: report.edition)
            return .success(Resolved(pattern: pattern, cells: all, alternatives: alternatives, words: words, interpolation: interpolation(all)))
        case .appeal(let outcome):
            let blocks: [AppealBlock] = topic == .review ? [.review] : [.direct, .afterReview]
            let all = blocks.map { CellID.appeal($0, outcome) }
            let words = "「" + all.map { $0.label(report.edition) }.joined(separator: " + ") + "」"
            return .success(Resolved(pattern: pattern, cells: all, alternatives: [], words: words, interpolation: interpolation(all)))
        case .disclosure(let column):
            let sentence = clauses.sentence(of: number)
            let prefix = clauses.text(sentence.lowerBound..<number.span.lowerBound)
            guard let item = self.item(in: window.before) ?? self.lastItem(in: prefix) else {
                return .failure(Reason(text: "分句没有说是主动公开表的哪一项"))
            }
            guard let columns = DisclosureGroup.columns(of: item, in: report.edition), columns.contains(column) else {
                return .failure(Reason(text: "\(report.edition.rawValue) 格式的主动公开表没有「\(item.label(report.edition))」的这一列"))
            }
            let cell = CellID.disclosure(item, column)
            return .success(Resolved(pattern: pattern, cells: [cell], alternatives: [], words: "「\(cell.label(report.edition))」", interpolation: column == .amount ? nil : cell.path))
        case .channel:
            return .failure(Reason(text: "没有提到渠道名称"))
        }
    }

    /// An application quantity in the words of the table: 「（四）无法提供 / 总计」, 「（一）予以公开 + （二）部分公开 / 自然人」.
    static func describe(_ rows: [ApplicationRow], _ columns: [Applicant], edition: FormatEdition) -> String {
        let groups: [(rows: [ApplicationRow], name: String)] = [
            (PhraseTable.withheld, "（三）不予公开"), (PhraseTable.unable, "（四）无法提供"), (PhraseTable.notProcessed, "（五）不予处理"),
            ([.other, .overdueCorrection, .overdueFee], "（六）其他处理"),
        ]
        let rowWords = groups.first { $0.rows == rows }?.name
            ?? rows.map { $0.label(edition).replacingOccurrences(of: "（区分处理的，只计这一情形，不计其他情形）", with: "") }.joined(separator: " + ")
        let columnWords = columns == [.all] ? "总计" : columns == Applicant.organizations ? "法人或其他组织" : columns.map(\.label).joined(separator: " + ")
        return "「\(rowWords) / \(columnWords)」"
    }

    /// The year the sentence speaks of before the number (the last 2020年 in it), when it is not the
    /// report's: 2020年收到申请50件 in a 2021 report is last year's figure.
    private func otherYear(before number: TextNumber) -> Int? {
        let sentence = clauses.sentence(of: number)
        let s = text.scalars
        var i = number.span.lowerBound - 5
        while i >= sentence.lowerBound {
            if s[i + 4] == "年", (0..<4).allSatisfy({ s[i + $0].value >= 0x30 && s[i + $0].value <= 0x39 }),
                i == 0 || !(s[i - 1].value >= 0x30 && s[i - 1].value <= 0x39)
            {
                let year = (0..<4).reduce(0) { $0 * 10 + Int(s[i + $1].value - 0x30) }
                return year == report.header.year ? nil : year
            }
            i -= 1
        }
        return nil
    }

    private func cells(_ rows: [ApplicationRow], _ columns: [Applicant]) -> [CellID] {
        let spec = report.applicationSpec
        var mapped: [ApplicationRow] = []
        for row in rows where spec.rows.contains(row) || row == .other && spec.otherAsOneRow {
            if row == .other, spec.otherAsOneRow { mapped.append(.otherTotal) } else { mapped.append(row) }
        }
        return mapped.flatMap { row in columns.map { CellID.application(row, $0) } }
    }

    private func interpolation(_ cells: [CellID]) -> String? {
        let paths = cells.map { cell -> String in
            if case .application(let row, .all) = cell { return "application.\(row.english)" }
            return cell.path
        }
        return paths.isEmpty ? nil : paths.joined(separator: " + ")
    }

    /// The applicant column(s) a clause names; nil when it names two different ones.
    private func applicantColumns(_ words: String) -> [Applicant]? {
        var found: [[Applicant]] = []
        var remaining = words
        for (spellings, columns) in PhraseTable.applicants {
            if let spelling = spellings.first(where: { TextSearch.contains(remaining, $0) }) {
                found.append(columns)
                remaining = remaining.replacingOccurrences(of: spelling, with: "")
            }
        }
        if found.count > 1 { return nil }
        return found.first ?? [.all]
    }

    private func item(in words: String) -> DisclosureItem? {
        let found = PhraseTable.items.filter { entry in
            entry.words.contains(where: { TextSearch.contains(words, $0) }) && !entry.unless.contains(where: { TextSearch.contains(words, $0) })
        }
        return found.count == 1 ? found[0].item : nil
    }

    /// The table-1 item named last before the number in its sentence (制发规范性文件5件，废止2件).
    private func lastItem(in prefix: String) -> DisclosureItem? {
        var best: (position: String.Index, item: DisclosureItem)?
        for entry in PhraseTable.items {
            for word in entry.words {
                guard let found = prefix.range(of: word, options: .backwards) else { continue }
                if entry.unless.contains(where: { prefix[found.lowerBound...].hasPrefix($0) }) { continue }
                if let current = best, found.lowerBound <= current.position { continue }
                best = (found.lowerBound, entry.item)
            }
        }
        return best?.item
    }

    static let maximumChannels = 64

    /// The channel or category named last in the clause before the number (the longest name on a tie).
    private func channelMention(_ words: String) -> (name: String, count: Int, range: SourceRange, path: String)? {
        var best: (end: Int, length: Int, found: (name: String, count: Int, range: SourceRange, path: String))?
        let haystack = TextSearch.Haystack(words)
        // The path is spelled only for a name that is found (most numbers mention no channel).
        func consider(_ name: String, _ count: Int, _ range: SourceRange, _ path: () -> String) {
            guard !name.isEmpty, let end = haystack.lastEnd(of: name) else { return }
            if let current = best, end < current.end || end == current.end && name.count <= current.length { return }
            best = (end, name.count, (name, count, range, path()))
        }
        // Bounded: a report has a handful of channels; a script with thousands is not searched past these.
        for channel in report.channels.prefix(TextLinker.maximumChannels) {
            consider(channel.name, channel.count, channel.range) { ScriptLiteral.name(channel.name) }
            for category in channel.categories.prefix(TextLinker.maximumChannels) {
                consider(category.name, category.count, category.range) { "\(ScriptLiteral.name(channel.name)).\(ScriptLiteral.name(category.name))" }
            }
        }
        return best?.found
    }
}

import Foundation
import GovLanguage

/// Reads every literal number of the report's text (text, lead and heading statements), links it through
/// the phrase table and turns each disagreement into a finding: C1 (a count), C2 (a percentage), C5 (a
/// table-1 figure), C6 (the sentence counts for another scope). The caret is under the number; the cells
/// and their values are named.
enum TextChecker {
    /// A literal of text, lead or heading: where it lies (its text is read from its file's bytes), and the
    /// numbers marked deliberate after it. Not the literal itself: the block it prints in holds that, and a
    /// second holder copied every such statement as it was collected (callgrind).
    struct Narrative {
        let range: SourceRange
        let isBlock: Bool
        var deliberate: [(value: Decimal, reason: String)] = []

        init(_ literal: borrowing StringLiteral) {
            range = literal.range
            isBlock = literal.isBlock
        }
    }

    static func check(_ narratives: [Narrative], report shared: ReportSnapshot, sources: SourceManager)
        -> (quantities: [TextQuantity], findings: [Diagnostic], texts: [NarrativeText])
    {
        var quantities: [TextQuantity] = []
        var findings: [Diagnostic] = []
        var texts: [NarrativeText] = []
        texts.reserveCapacity(narratives.count)
        // Each literal is read where it lies, and its file is taken once for each run of literals in one
        // file, its bytes read through one buffer: a copy of every literal and of its file (most literals
        // hold no number) retained and released four arrays a literal (callgrind).
        var index = narratives.startIndex
        while index < narratives.endIndex {
            let id = narratives[index].range.file
            let file = sources.file(id)
            file.bytes.withUnsafeBufferPointer { bytes in
                while index < narratives.endIndex, narratives[index].range.file == id {
                    defer { index += 1 }
                    let range = narratives[index].range
                    guard range.start <= range.end, range.end <= bytes.count, NarrativeText.mayHoldNumbers(bytes, range.start..<range.end) else {
                        continue
                    }
                    let text = NarrativeText(source: file, range: range, isBlock: narratives[index].isBlock)
                    texts.append(text)
                    let linker = TextLinker(report: shared, text: text, deliberate: narratives[index].deliberate)
                    let (found, claims) = linker.run()
                    quantities += found
                    findings += claims
                    for quantity in found { if let finding = finding(for: quantity, in: shared.report) { findings.append(finding) } }
                }
            }
        }
        return (quantities, findings, texts)
    }

    /// A linked number as a rule instance: it agrees (pass), differs (fail, also when marked deliberate), or
    /// needs an unknown cell.
    static func instance(_ quantity: TextQuantity) -> RuleInstance? {
        guard let link = quantity.link else { return nil }
        let rule = PhraseTable.patterns.first { $0.id == link.pattern }?.rule ?? (link.pattern == "share" ? "C2" : "C1")
        let subject = "text “\(quantity.written)\(quantity.unit)” = \(link.quantity)"
        switch link.verdict {
        case .agrees, .agreesOtherwise: return RuleInstance(rule: rule, subject: subject, status: .pass, range: quantity.range)
        case .differs(let code, _): return RuleInstance(rule: code, subject: subject, status: .fail, range: quantity.range)
        case .deliberate: return RuleInstance(rule: rule, subject: subject, status: .fail, range: quantity.range)
        case .notAssessable: return RuleInstance(rule: rule, subject: subject, status: .notAssessable, range: quantity.range)
        }
    }

    static func finding(for quantity: TextQuantity, in report: Report) -> Diagnostic? {
        guard let link = quantity.link else { return nil }
        let printed = quantity.written + quantity.unit
        let notes = link.cells.compactMap { cell -> Diagnostic.Note? in
            guard let range = cell.range else { return nil }
            return Diagnostic.Note("「\(cell.label)」= \(cell.value)", at: range)
        }
        switch link.verdict {
        case .agrees, .agreesOtherwise, .deliberate:
            return nil
        case .notAssessable:
            let unknown = link.cells.filter { $0.value == CellMark.unknown.rawValue }.map { "「\($0.label)」" }.joined(separator: "、")
            return Diagnostic(
                code: link.pattern.hasPrefix("proactive") ? "C5" : "C1", severity: .note,
                message: "无法核对正文的“\(printed)”：它说的是\(link.quantity)，但\(unknown)不详",
                range: quantity.range, notes: notes)
        case .differs(let code, let severity):
            let expected = link.expected ?? "?"
            var message: String
            switch code {
            case "C2":
                message = "正文的百分比“\(printed)”与表格算得的不符：\(link.quantity)"
            case "C6":
                message = "正文的“\(printed)”与表格不符（表中\(link.quantity)为 \(expected)）；这句话可能说的是另一范围（本机关与全辖区），请核对"
            default:
                message = "正文的“\(printed)”与表格不符：表中\(link.quantity)为 \(expected)\(terms(link))"
                if severity == .warning, let reason = looseReason(link.pattern) {
                    let others = link.otherCounts.isEmpty ? "" : "；按另一口径 " + link.otherCounts.joined(separator: "，")
                    message += "（\(reason)\(others)，也不相符，请核对）"
                }
            }
            return Diagnostic(
                code: DiagnosticCode(code), severity: severity, message: message, range: quantity.range, notes: notes,
                arithmetic: .init(
                    stated: quantity.value.plainString, computed: expected, difference: differenceText(quantity.value, expected),
                    cells: link.cells))
        }
    }

    /// "（50 + 11）" for a quantity that adds several cells, listing the non-zero ones.
    private static func terms(_ link: TextQuantity.Link) -> String {
        guard link.cells.count > 1 else { return "" }
        let shown = link.cells.map(\.value).filter { $0 != "0" }
        guard shown.count > 1 else { return "" }
        return "（" + shown.joined(separator: " + ") + "）"
    }

    private static func looseReason(_ pattern: String) -> String? {
        guard let found = PhraseTable.patterns.first(where: { $0.id == pattern }) else { return pattern == "channel" ? "这句话说的可能不是该渠道的全部条数" : nil }
        if case .loose(_, let reason) = found.certainty { return reason }
        return nil
    }

    private static func differenceText(_ stated: Decimal, _ expected: String) -> String {
        guard let value = Decimal(string: expected, locale: Locale(identifier: "en_US_POSIX")) else { return "" }
        return (stated - value).plainString
    }
}

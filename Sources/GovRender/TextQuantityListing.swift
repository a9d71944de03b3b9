import GovLanguage
import GovReport

/// `gov check --explain-text`: every literal number of the text with its unit, and what the phrase table
/// linked it to — the cells and their value, and whether the text agrees — or why it was left alone.
package enum TextQuantityListing {
    package static func lines(_ report: Report, sources: SourceManager) -> [String] {
        report.textQuantities.map { quantity in
            let place = sources.location(quantity.range)
            let printed = "“\(quantity.written)\(quantity.unit)”"
            switch quantity.outcome {
            case .unlinked(let reason):
                return "\(place) \(printed) 未关联：\(reason)"
            case .linked(let link):
                let value = link.expected.map { "= \($0)" } ?? "= 不详"
                return "\(place) \(printed) → \(link.quantity) \(value) [\(link.pattern)] \(verdict(link))"
            }
        }
    }

    static func verdict(_ link: TextQuantity.Link) -> String {
        switch link.verdict {
        case .agrees:
            return link.interpolation.map { "一致（可写成 {\($0)}）" } ?? "一致"
        case .agreesOtherwise(let how): return "一致（\(how)）"
        case .differs(let code, let severity): return "不符：\(severity.rawValue)[\(code)]"
        case .notAssessable: return "无法核对：单元格不详"
        case .deliberate(let reason): return "不符，但已注明如实：\(reason)"
        }
    }
}

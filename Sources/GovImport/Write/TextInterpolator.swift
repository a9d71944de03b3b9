import GovReport

/// `gov import --interpolate`: a number in the text that agrees with one table cell, named by the words
/// around it ("受理政府信息公开申请 3119 件" → `{application.new}`), becomes that cell's path. A number that
/// agrees with no cell, or with several the words cannot tell apart, stays literal — the text then says
/// exactly what was published, and `gov check` still compares nothing it should not.
struct TextInterpolator {
    struct Quantity {
        let path: String
        let value: String
        /// Words one of which must stand within a few characters before (or just after) the number.
        let hints: [String]
    }

    let quantities: [Quantity]

    init(_ report: RecognizedReport) {
        var list: [Quantity] = []
        func add(_ path: String, _ cell: CellReading?, _ hints: [String]) {
            guard let cell, case .number(let value) = cell.state, !value.hasPrefix("+"), !value.hasPrefix("-") else { return }
            list.append(Quantity(path: path, value: value, hints: hints))
        }
        let all = 6
        add("application.new", report.cells(.new)?[all], ["收到", "新收", "受理", "共收", "接收"])
        add("application.carried", report.cells(.carried)?[all], ["上年结转", "上年度结转", "上一年度结转", "上年度"])
        add("application.total", report.cells(.total)?[all], ["办结", "答复", "办理", "处理"])
        add("application.forward", report.cells(.forward)?[all], ["结转下年", "结转至下年", "顺延", "转入下年", "下年度"])
        add("application.granted", report.cells(.granted)?[all], ["予以公开"])
        add("application.partial", report.cells(.partial)?[all], ["部分公开"])
        if let appeals = report.appealCells, appeals.count == 15 {
            add("review.total", appeals[4], ["行政复议", "复议"])
            add("review.upheld", appeals[0], ["复议结果维持", "维持"])
            add("review.corrected", appeals[1], ["复议结果纠正", "纠正"])
            add("review.pending", appeals[3], ["尚未审结", "未审结"])
            add("lawsuit.direct.total", appeals[9], ["行政诉讼", "诉讼", "起诉"])
            add("lawsuit.after_review.total", appeals[14], ["复议后起诉"])
        }
        let disclosure: [(DisclosureItem, String, [String])] = [
            (.regulations, "规章", ["规章"]), (.normative, "规范性文件", ["规范性文件"]), (.licensing, "行政许可", ["许可"]),
            (.penalty, "行政处罚", ["处罚"]), (.coercion, "行政强制", ["强制"]), (.fees, "收费", ["收费"]),
        ]
        for (item, _, hints) in disclosure {
            guard let cells = report.cells(item), let columns = DisclosureGroup.columns(of: item, in: report.edition) else { continue }
            for (column, cell) in zip(columns, cells) where column == .issued || column == .decisions || column == .amount || column == .made {
                add("proactive.\(item.english).\(column.english)", cell, hints)
            }
        }
        quantities = list
    }

    /// The paragraph with agreeing numbers replaced by `{path}`, already escaped for a text block.
    func interpolate(_ text: String, escape: (String) -> String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        var literal = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard ValueLexer.digit(scalars[index]), index == 0 || !ValueLexer.digit(scalars[index - 1]) && scalars[index - 1] != "." else {
                literal.append(scalars[index])
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, ValueLexer.digit(scalars[end]) || (scalars[end] == "." && end + 1 < scalars.count && ValueLexer.digit(scalars[end + 1])) {
                end += 1
            }
            let number = String(String.UnicodeScalarView(scalars[index..<end]))
            if let path = path(for: number, before: context(scalars, from: max(0, index - 14), to: index), after: context(scalars, from: end, to: min(scalars.count, end + 8))) {
                out += escape(String(literal)) + "{\(path)}"
                literal = String.UnicodeScalarView()
            } else {
                literal.append(contentsOf: scalars[index..<end])
            }
            index = end
        }
        return out + escape(String(literal))
    }

    private func context(_ scalars: [Unicode.Scalar], from: Int, to: Int) -> String {
        String(String.UnicodeScalarView(scalars[from..<to]))
    }

    private func path(for number: String, before: String, after: String) -> String? {
        // A count needs its unit right after it; a year, a date or a phone number is not a quantity.
        let unit = after.trimmingSpaces
        guard ["件", "条", "个", "项", "次", "万元", "元"].contains(where: { unit.hasPrefix($0) }) else { return nil }
        // Only the words of this clause count.
        let clause = before.split(whereSeparator: { "。；;".contains($0) }).last.map(String.init) ?? ""
        let matching = quantities.filter { quantity in
            quantity.value == number && quantity.hints.contains { clause.contains($0) || unit.dropFirst().contains($0) }
        }
        return matching.count == 1 ? matching[0].path : nil
    }
}

import GovReport

/// One official row as the recognizer looks for it: the label the format prints (numbering and body), the
/// distinctive words that find it however a report prints the rest (brackets, spaces, `1、`, known typos),
/// and the kinds of its value columns.
struct OfficialRowSpec {
    enum ID: Hashable {
        case disclosure(DisclosureItem)
        case application(ApplicationRow)
        /// Table 3 is one row of fifteen cells.
        case appeals
    }

    let id: ID
    /// "1." "（一）" "一、" or "" — what the format prints before the body.
    let numbering: String
    let body: String
    /// Words that identify the row, most specific first; the first found counts.
    let keys: [String]
    /// Keys that only a misprint uses: a row found by one is an approximate match.
    let typoKeys: [String]
    let kinds: [RunTogetherSplitter.ColumnKind]

    var officialLabel: String { numbering + body }

    /// Table 1 of a format: its items in printed order.
    static func disclosure(_ edition: FormatEdition) -> [OfficialRowSpec] {
        DisclosureGroup.of(edition).flatMap { group in
            group.items.map { item in
                let label = item.label(edition)
                let kinds: [RunTogetherSplitter.ColumnKind] = group.columns.map {
                    switch $0.kind {
                    case .count: return .count
                    case .change: return .change
                    case .amount: return .amount
                    }
                }
                let keys = item == .services ? ["对外管理服务", "管理服务事项"] : [item == .normative ? "规范性文件" : label]
                return OfficialRowSpec(id: .disclosure(item), numbering: "", body: label, keys: keys, typoKeys: [], kinds: kinds)
            }
        }
    }

    /// Table 2 of a format. `singleOther` reads a 2021 report that still prints the 2019 single
    /// （六）其他处理 row instead of its three sub-rows.
    static func applications(_ edition: FormatEdition, singleOther: Bool = false) -> [OfficialRowSpec] {
        var rows = ApplicationTableSpec.of(edition).rows
        if singleOther { rows.removeAll { $0 == .overdueCorrection || $0 == .overdueFee } }
        return rows.map { row in
            var label = row.label(edition)
            if singleOther && row == .other { label = "（六）其他处理" }
            let (numbering, body) = splitNumbering(label)
            var keys = applicationKeys[row] ?? [body]
            if row == .other { keys = (edition == .y2019 || singleOther) ? ["其他处理"] : ["其他"] }
            return OfficialRowSpec(
                id: .application(row), numbering: numbering, body: body, keys: keys,
                typoKeys: applicationTypoKeys[row] ?? [], kinds: Array(repeating: .count, count: 7))
        }
    }

    static let appeals = OfficialRowSpec(
        id: .appeals, numbering: "", body: "", keys: [], typoKeys: [], kinds: Array(repeating: .count, count: 15))

    /// Distinctive words of each row: short enough to survive a label broken over lines or misprinted
    /// around them, long enough not to occur in another row's label.
    private static let applicationKeys: [ApplicationRow: [String]] = [
        .new: ["本年新收", "新收政府信息公开申请"], .carried: ["上年结转"], .granted: ["予以公开"], .partial: ["部分公开"],
        .secret: ["国家秘密"], .prohibited: ["法规禁止公开", "法规禁止"], .security: ["三安全一稳定", "三安全"],
        .thirdParty: ["第三方合法权益", "第三方"], .internalAffairs: ["内部事务"], .deliberative: ["过程性信息", "过程性"],
        .caseFile: ["执法案卷"], .inquiry: ["查询事项"], .notHeld: ["不掌握"], .needsCreation: ["另行制作", "现成信息"],
        .unclear: ["仍不明确", "不明确"], .petition: ["信访"], .repeated: ["重复申请"], .publication: ["出版物"],
        .excessive: ["反复申请"], .reconfirm: ["重新出具", "确认或"], .overdueCorrection: ["逾期不补"],
        .overdueFee: ["缴纳费用", "收费通知"], .total: ["总计"], .forward: ["结转下年度", "结转下一年度"],
    ]

    /// Misprints seen in published reports (洪泽区 2023/2024: "2.其他法律行政止公开").
    private static let applicationTypoKeys: [ApplicationRow: [String]] = [
        .prohibited: ["行政止公开", "禁止公开"],
    ]

    /// "1.属于国家秘密" → ("1.", "属于国家秘密"); "（一）予以公开" → ("（一）", "予以公开"); "一、本年…" → ("一、", "本年…").
    static func splitNumbering(_ label: String) -> (String, String) {
        let scalars = Array(label.unicodeScalars)
        var end = 0
        if scalars.first == "（", let close = scalars.firstIndex(of: "）"), close <= 4 {
            end = close + 1
        } else if let mark = scalars.firstIndex(where: { $0 == "." || $0 == "、" }), mark <= 2 {
            end = mark + 1
        }
        var numbering = String.UnicodeScalarView()
        numbering.append(contentsOf: scalars[0..<end])
        var body = String.UnicodeScalarView()
        body.append(contentsOf: scalars[end...])
        return (String(numbering), String(body))
    }
}

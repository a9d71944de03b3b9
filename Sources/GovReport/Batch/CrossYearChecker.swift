import GovLanguage

/// Applies the cross-year table to a pair of reports of one body: last year's and this year's. A finding
/// points at this year's stated value and has a note at last year's, so it names both files and lines.
package enum CrossYearChecker {
    /// A report and the path that names it in messages.
    package struct Year: Sendable {
        package let report: Report
        package let path: String

        package init(report: Report, path: String) {
            self.report = report
            self.path = path
        }
    }

    package static func check(last: Year, this: Year) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for rule in CrossYearTable.rules {
            for equation in rule.equations(last.report.edition, this.report.edition) {
                if let finding = check(equation, rule: rule, last: last, this: this) { findings.append(finding) }
            }
        }
        return findings
    }

    /// The value a cell of this year's report must have by the equation, from last year's report and the
    /// other cells of this year's (blank = 0); nil when the sum does not fit in an `Int`.
    package static func expected(_ equation: YearEquation, last: Report, this: Report?) -> Int? {
        var sum = 0
        for term in equation.terms {
            let value = term.year == .last ? last.count(term.cell) : (this?.count(term.cell) ?? 0)
            let (product, o1) = value.multipliedReportingOverflow(by: term.sign)
            let (next, o2) = sum.addingReportingOverflow(product)
            guard !o1, !o2 else { return nil }
            sum = next
        }
        return sum
    }

    private static func check(_ equation: YearEquation, rule: CrossYearRule, last: Year, this: Year) -> Diagnostic? {
        let target = this.report.cells[equation.target]
        // A derived total (the 总计 column of 上年结转) only echoes the columns it is the sum of.
        if target?.isDerived == true { return nil }
        let edition = this.report.edition
        let lastYear = last.report.header.year
        let anchor = target?.statedRange ?? this.report.header.previous?.range ?? this.report.header.yearRange
        // An unreadable cell on either side: the pair cannot be compared; a note says which cell.
        let unknownHere = ([equation.target] + equation.terms.filter { $0.year == .this }.map(\.cell)).filter { this.report.cells.isUnknown($0) }
        let unknownThere = equation.terms.filter { $0.year == .last }.map(\.cell).filter { last.report.cells.isUnknown($0) }
        if !unknownHere.isEmpty || !unknownThere.isEmpty {
            let names = (unknownHere.map { "本年「\($0.label(edition))」" } + unknownThere.map { "\(lastYear) 年「\($0.label(last.report.edition))」" })
                .joined(separator: "、")
            return Diagnostic(
                code: rule.id, severity: .note, message: "无法判断“\(rule.title)”（\(equation.target.label(edition))）：\(names)不详",
                range: unknownHere.first.flatMap { this.report.cells[$0]?.statedRange } ?? anchor)
        }
        guard let computed = expected(equation, last: last.report, this: this.report) else {
            return Diagnostic(code: "E016", message: "「\(equation.target.label(edition))」的跨年合计超出了可计算的范围", range: anchor)
        }
        let stated = this.report.count(equation.target)
        guard stated != computed else { return nil }

        let values = equation.terms.map { term in
            (sign: term.sign, value: term.year == .last ? last.report.count(term.cell) : this.report.count(term.cell))
        }
        let expression = values.count > 1 ? "（" + RuleChecker.signedSum(values) + "）" : ""
        let statedText = target == nil ? "没有填写（按 0 计）" : "写的是 \(stated)"
        var notes: [Diagnostic.Note] = []
        for term in equation.terms {
            if term.year == .last {
                let cell = last.report.cells[term.cell]
                let how = cell?.isDerived == true ? "（由该表算得）" : cell == nil ? "（未填写，按 0 计）" : ""
                notes.append(
                    .init(
                        "\(lastYear) 年报告的「\(term.cell.label(last.report.edition))」为 \(last.report.count(term.cell))\(how)",
                        at: sourceAnchor(of: term.cell, in: last.report) ?? last.report.header.yearRange))
            } else if let cell = this.report.cells[term.cell], let range = cell.statedRange, cell.value != .integer(0) {
                notes.append(.init("「\(term.cell.label(edition))」= \(cell.value)", at: range))
            }
        }
        let difference = ExactDifference.text(stated, computed)
        return Diagnostic(
            code: rule.id, severity: rule.severity,
            message: "不符合“\(rule.title)”：「\(equation.target.label(edition))」\(statedText)，"
                + "按 \(lastYear) 年报告（\(last.path)）\(rule.parts)应为 \(computed)\(expression)，相差 \(difference)",
            range: anchor,
            notes: notes,
            arithmetic: .init(
                stated: String(stated), computed: String(computed), difference: difference,
                cells: equation.terms.map { term in
                    let report = term.year == .last ? last.report : this.report
                    let year = term.year == .last ? lastYear : this.report.header.year
                    return .init(
                        label: "\(year) 年 \(term.cell.label(report.edition))", value: String(report.count(term.cell)),
                        range: report.cells[term.cell]?.statedRange)
                }))
    }


    /// Where a cell's number comes from in the script: where it was stated, or — for a derived total such
    /// as a 结转下年度 — the last stated value that went into it. Nil for a blank cell. The derivation
    /// graph is a few levels deep; the depth guard only makes that a fact.
    static func sourceAnchor(of cell: CellID, in report: Report, depth: Int = 0) -> SourceRange? {
        guard let found = report.cells[cell] else { return nil }
        switch found.origin {
        case .stated(let range):
            return range
        case .derived(let ruleID):
            guard depth < 8 else { return nil }
            let instantiated = RuleTable.instantiated(report.applicationSpec)
            for (index, rule) in RuleTable.rules.enumerated() where rule.id == ruleID && index < instantiated.count {
                for equation in instantiated[index] where equation.total == cell {
                    return equation.terms.compactMap { sourceAnchor(of: $0.cell, in: report, depth: depth + 1) }
                        .max { ($0.file.index, $0.start) < ($1.file.index, $1.start) }
                }
            }
            return nil
        }
    }
}

import GovLanguage

/// One line of a script that states cells of an official table — its statement, its selector and the names
/// it writes, each naming one cell — found by one walk over the `TableStatement` declarations and the
/// table's cells. `gov new` and `gov sum` write their table lines from these, so a row or item declared
/// once appears in both with no edit here.
package struct StatementLine: Sendable {
    /// One name the line writes, and the cell it states.
    package struct Name: Sendable {
        package let term: TermSlot.Choice
        package let cell: CellDeclaration
    }

    package let statement: TableStatement
    /// The selector's term; nil for a statement without one (`review`).
    package let selector: TermSlot.Choice?
    package let names: [Name]

    /// The cells the line states, in order.
    package var cells: [CellDeclaration] { names.map(\.cell) }
}

extension OfficialTable {
    /// Every cell a script states in a format, as statement lines: grouped by statement and selector in the
    /// order the groups first appear in the printed table, each group's cells in printed order, one line a
    /// group or one line a cell as the statement declares (`TableStatement.Lines`). A stated cell no
    /// statement can write is not lost silently: a test checks every stated cell is on a line.
    package func statementLines(_ edition: FormatEdition) -> [StatementLine] {
        let writers = statementWriters(edition)
        var groups: [GroupKey: Int] = [:]
        var grouped: [(statement: TableStatement, selector: TermSlot.Choice?, names: [StatementLine.Name])] = []
        for cell in cells(edition) where cell.isStated {
            guard let writer = writers[cell.id] else { continue }
            let key = GroupKey(statement: ObjectIdentifier(writer.statement), selector: writer.selector?.rawValue)
            let name = StatementLine.Name(term: writer.name, cell: cell)
            if let index = groups[key] {
                grouped[index].names.append(name)
            } else {
                groups[key] = grouped.count
                grouped.append((writer.statement, writer.selector, [name]))
            }
        }
        return grouped.flatMap { group -> [StatementLine] in
            switch group.statement.lines {
            case .oneBySelector: return [StatementLine(statement: group.statement, selector: group.selector, names: group.names)]
            case .oneByCell: return group.names.map { StatementLine(statement: group.statement, selector: group.selector, names: [$0]) }
            }
        }
    }

    private struct GroupKey: Hashable {
        let statement: ObjectIdentifier
        let selector: Int?
    }

    /// For each cell of this table a statement can state in the format: the statement, selector and name
    /// that state it. Only the terms a statement offers, and no selector the format refuses (a lawsuit's
    /// `review` block is the `review` statement's; an item of the other format is not written).
    private func statementWriters(_ edition: FormatEdition)
        -> [CellID: (statement: TableStatement, selector: TermSlot.Choice?, name: TermSlot.Choice)]
    {
        var writers: [CellID: (statement: TableStatement, selector: TermSlot.Choice?, name: TermSlot.Choice)] = [:]
        for statement in TableStatement.all where statement.table == self {
            let selectors: [TermSlot.Choice?] = statement.selector.slot.map { $0.offered.map { $0 } } ?? [nil]
            for selector in selectors {
                if let selector, statement.selectorProblem(selector.rawValue, edition) != nil { continue }
                for name in statement.name.offered {
                    guard let cell = statement.cell(selector: selector?.rawValue, name: name.rawValue), writers[cell] == nil,
                        statement.cellProblem(cell, edition) == nil
                    else { continue }
                    writers[cell] = (statement, selector, name)
                }
            }
        }
        return writers
    }
}

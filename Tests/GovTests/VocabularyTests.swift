import Testing
import GovRender

@testable import GovLanguage
@testable import GovReport

/// The vocabulary is declared once: every case of every term has one declaration, the table-2 spec is read
/// from the row declarations, and every cell a format has can be stated through its statement's declaration
/// and read back through its path — in English and in Chinese.
struct VocabularyTests {
    func declaredOnce<T: DeclaredTerm>(_ type: T.Type) -> Bool {
        let raws = T.declarations.map(\.term.rawValue)
        return raws.sorted() == T.allCases.map(\.rawValue).sorted() && Set(raws).count == raws.count
    }

    @Test func everyCaseIsDeclaredOnce() {
        #expect(declaredOnce(Applicant.self))
        #expect(declaredOnce(ApplicationRow.self))
        #expect(declaredOnce(DisclosureItem.self))
        #expect(declaredOnce(DisclosureColumn.self))
        #expect(declaredOnce(AppealBlock.self))
        #expect(declaredOnce(AppealOutcome.self))
        #expect(declaredOnce(OfficialSection.self))
    }

    @Test func table1DeclaredFormatsAgreeWithItsBands() {
        for edition in FormatEdition.allCases {
            let groups = DisclosureGroup.of(edition)
            for item in DisclosureItem.allCases {
                #expect(item.exists(in: edition) == groups.contains { $0.items.contains(item) }, "\(item) \(edition)")
            }
            for column in DisclosureColumn.allCases {
                #expect(column.exists(in: edition) == groups.contains { $0.columns.contains(column) }, "\(column) \(edition)")
            }
        }
    }

    /// The bit table of table 1's cells answers what the column lists do, for every item, column and format.
    @Test func table1BitsAgreeWithTheColumnLists() {
        for edition in FormatEdition.allCases {
            for item in DisclosureItem.allCases {
                let columns = DisclosureGroup.columns(of: item, in: edition)
                #expect(DisclosureGroup.has(item, in: edition) == (columns != nil), "\(item) \(edition)")
                for column in DisclosureColumn.allCases {
                    #expect(DisclosureGroup.has(item, column, in: edition) == (columns?.contains(column) == true), "\(item) \(column) \(edition)")
                }
            }
        }
    }

    @Test func theApplicationSpecIsReadFromTheRowDeclarations() {
        let y2019 = ApplicationTableSpec.of(.y2019)
        let y2021 = ApplicationTableSpec.of(.y2021)
        #expect(y2019.rows.count == 23 && y2021.rows.count == 25)
        #expect(y2019.resultRows.count == 19 && y2021.resultRows.count == 21)
        #expect(y2019.groups.map(\.label) == ["（三）不予公开", "（四）无法提供", "（五）不予处理"])
        #expect(y2021.groups.map(\.label) == ["（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"])
        #expect(y2021.groups.last?.rows == [.overdueCorrection, .overdueFee, .other])
        #expect(!ApplicationTableSpec.has(.overdueFee, in: .y2019) && ApplicationTableSpec.has(.overdueFee, in: .y2021))
        #expect(ApplicationRow.other.label(.y2019) == "（六）其他处理" && ApplicationRow.other.label(.y2021) == "3.其他")
    }

    /// The statement that states a cell, spelt from its declaration.
    func statement(for cell: CellID, chinese: Bool) -> String? {
        guard let declaration = TableStatement.all.first(where: { $0.table == table(of: cell) && matches($0, cell) }) else { return nil }
        func spell(_ slot: TermSlot, _ raw: Int) -> String {
            let choice = slot.all.first { $0.rawValue == raw }
            return (chinese ? choice?.chinese.first : choice?.english) ?? "?"
        }
        let (selector, name) = parts(of: cell)
        var words = [chinese ? declaration.keyword.chinese : declaration.keyword.english]
        if let slot = declaration.selector.slot, let selector { words.append(spell(slot, selector)) }
        words.append(spell(declaration.name, name))
        return words.joined(separator: " ") + " 7"
    }

    func table(of cell: CellID) -> OfficialTable {
        switch cell {
        case .disclosure: return .disclosure
        case .application: return .applications
        case .appeal: return .appeals
        }
    }

    func matches(_ statement: TableStatement, _ cell: CellID) -> Bool {
        if case .appeal(let block, _) = cell { return (block == .review) == (statement.keyword == .review) }
        return true
    }

    func parts(of cell: CellID) -> (Int?, Int) {
        switch cell {
        case .application(let row, let column): return (column.rawValue, row.rawValue)
        case .disclosure(let item, let column): return (item.rawValue, column.rawValue)
        case .appeal(.review, let outcome): return (nil, outcome.rawValue)
        case .appeal(let block, let outcome): return (block.rawValue, outcome.rawValue)
        }
    }

    @Test(arguments: [(2020, false), (2020, true), (2021, false), (2021, true)])
    func everyStatedCellIsWrittenAndReadBackThroughItsDeclaration(year: Int, chinese: Bool) {
        let edition = FormatEdition.forYear(year)
        for table in OfficialTable.allCases {
            for cell in table.cells(edition) where cell.isStated {
                guard let line = statement(for: cell.id, chinese: chinese) else {
                    Issue.record("no statement for \(cell.id.path)")
                    continue
                }
                let evaluation = evaluate(script("\(line)\nassert \(cell.id.path) == 7 \"read back\"", year: year))
                #expect(evaluation.report.cells[cell.id]?.value.description == "7", "\(line) → \(cell.id.path)")
                #expect(!codes(evaluation).contains { $0.hasPrefix("E") || $0 == "ASSERT" }, "\(line): \(evaluation.findings.map(\.message))")
            }
        }
    }

    @Test func aCellTheFormatLacksIsRefusedBothWays() {
        let written = evaluate(script("application overdue_fee 1", year: 2020))
        #expect(codes(written) == ["E051"])
        let read = evaluate(script("text \"{application.overdue_fee}\"", year: 2020))
        #expect(codes(read) == ["E051"])
        let column = evaluate(script("proactive licensing previous 1", year: 2021))
        #expect(codes(column) == ["E051"])
    }
}

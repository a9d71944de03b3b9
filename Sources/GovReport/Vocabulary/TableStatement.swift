import GovLanguage

/// One table statement of the language, declared once: its keyword (with its Chinese alias, from
/// `Keyword`), the official table its cells belong to, the selector it takes before the cell names, the
/// names it states, and the order of its path in `{…}` and asserts. The resolver, the final scope,
/// completion, help, the Chinese spelling of examples, the REPL's `:show` and the scaffold's statement
/// lines (`StatementLine`) all read these four declarations; the cells themselves, with their labels and
/// formats, are `OfficialTable`'s.
/// A class, looked up for every cell a script states and every path it reads: one retain per lookup.
package final class TableStatement: Sendable {
    /// What may come between the keyword and the first cell name.
    package enum Selector: Sendable {
        /// Nothing: a selector is extra (`E015`, with this message).
        case none(extra: String)
        /// One term, optional (when absent: `absent`'s raw value); a second is extra.
        case optional(TermSlot, absent: Int, extra: String)
        /// One term, required (`E012` with `missing` when absent); a second is extra.
        case required(TermSlot, missing: String, extra: String)

        package var slot: TermSlot? {
            switch self {
            case .none: return nil
            case .optional(let slot, _, _), .required(let slot, _, _): return slot
            }
        }

        /// The message for a selector too many.
        var extra: String {
            switch self {
            case .none(let extra), .optional(_, _, let extra), .required(_, _, let extra): return extra
            }
        }

        /// The message for a required selector left out (nil when none is required).
        var missing: String? {
            if case .required(_, let missing, _) = self { return missing }
            return nil
        }
    }

    /// How a script written for the table (`gov new`, `gov sum`) lays out the statement's cells.
    package enum Lines: Sendable {
        /// One line per selector, stating every name it takes (`proactive regulations made 0 repealed 0 …`).
        case oneBySelector
        /// One line per cell (`application person new 0`), the lines grouped by selector.
        case oneByCell
    }

    package let keyword: Keyword
    package let table: OfficialTable
    package let lines: Lines
    package let selector: Selector
    /// The cell names, each followed by its value.
    package let name: TermSlot
    /// The segments of a path after the keyword (`application.ROW.APPLICANT`), in order; the first
    /// `requiredSegments` must be written.
    package let path: [TermSlot]
    package let requiredSegments: Int
    /// `selector`'s slot, and whether it must be written, kept apart: the resolver asks for every cell a
    /// script states, and matching on `selector` copied its two messages each time (callgrind).
    let selectorSlot: TermSlot?
    let selectorIsRequired: Bool
    /// The cell a statement names: the selector's raw value (nil when absent and optional) and the name's.
    let statementCell: @Sendable (_ selector: Int?, _ name: Int) -> CellID?
    /// The cell a path names: a raw value per segment (a path has one or two), nil for a segment not
    /// written. Two values, not an array: the final scope asks for every `{…}` of every paragraph, and an
    /// array was an allocation each time (callgrind).
    let pathCell: @Sendable (Int?, Int?) -> CellID?
    /// A selector the format or the language refuses: a code and a message (at the selector).
    let selectorProblem: @Sendable (_ selector: Int, FormatEdition) -> (DiagnosticCode, String)?
    /// A cell the report's format does not have: a message (at the cell name), `E051`.
    let cellProblem: @Sendable (CellID, FormatEdition) -> String?

    init(
        keyword: Keyword, table: OfficialTable, lines: Lines = .oneBySelector, selector: Selector, name: TermSlot, path: [TermSlot], requiredSegments: Int,
        statementCell: @escaping @Sendable (Int?, Int) -> CellID?, pathCell: @escaping @Sendable (Int?, Int?) -> CellID?,
        selectorProblem: @escaping @Sendable (Int, FormatEdition) -> (DiagnosticCode, String)?,
        cellProblem: @escaping @Sendable (CellID, FormatEdition) -> String?
    ) {
        self.keyword = keyword
        self.table = table
        self.lines = lines
        self.selector = selector
        self.selectorSlot = selector.slot
        self.selectorIsRequired = selector.missing != nil
        self.name = name
        self.path = path
        self.requiredSegments = requiredSegments
        self.statementCell = statementCell
        self.pathCell = pathCell
        self.selectorProblem = selectorProblem
        self.cellProblem = cellProblem
    }

    /// The table statements, in the order completion offers their paths.
    package static let all: [TableStatement] = [application, proactive, review, lawsuit]

    /// The declaration of a keyword's statement. A switch, not a search of `all`: the resolver asks for one
    /// per cell statement (searching, when declarations were structs copied per look, cost 1,500
    /// instructions a call, a tenth of evaluating a report).
    package static func of(_ keyword: Keyword) -> TableStatement? { ByKeyword.shared[keyword] }

    /// The four declarations held together, found by keyword: the one switch `of` reads, and a copy for a
    /// caller that asks for one per cell (the cell resolver), so that it does not pass through the statics'
    /// one-time-initialisation check each time (120 instructions a cell; callgrind).
    package struct ByKeyword: Sendable {
        private let application = TableStatement.application, proactive = TableStatement.proactive
        private let review = TableStatement.review, lawsuit = TableStatement.lawsuit
        package static let shared = ByKeyword()

        package subscript(_ keyword: Keyword) -> TableStatement? {
            switch keyword {
            case .application: return application
            case .proactive: return proactive
            case .review: return review
            case .lawsuit: return lawsuit
            default: return nil
            }
        }
    }

    /// The statement that names each official table where a table is asked for by keyword (the REPL's
    /// `:show application`): the first declared for it, so table 3 is `review`.
    package static var namingTables: [TableStatement] {
        OfficialTable.allCases.compactMap { table in all.first { $0.table == table } }
    }

    /// The cell a statement names, or nil when the raw values name no term.
    package func cell(selector: Int?, name: Int) -> CellID? { statementCell(selector, name) }
    /// The cell a path names, or nil when the raw values name no term.
    package func cell(path: [Int?]) -> CellID? {
        guard path.count <= 2 else { return nil }
        return pathCell(path.first ?? nil, path.count > 1 ? path[1] : nil)
    }

    /// The same for a path of one or two segments, without an array.
    package func cell(_ first: Int?, _ second: Int?) -> CellID? { pathCell(first, second) }
}

extension TableStatement {
    static let applicants = TermSlot.of(Applicant.self, what: "申请人类别", help: "applicant columns · 申请人（optional; person 自然人 when absent）")
    static let applicationRows = TermSlot.of(ApplicationRow.self, what: "申请表的行", help: "rows · 行")
    static let items = TermSlot.of(DisclosureItem.self, what: "主动公开事项", help: "items · 事项")
    static let disclosureColumns = TermSlot.of(DisclosureColumn.self, what: "主动公开表的列", help: "columns · 栏目（\(columnsByFormat)）")
    static let reviewOutcomes = TermSlot.of(AppealOutcome.self, what: "复议结果", help: "outcomes · 结果")
    static let lawsuitOutcomes = TermSlot.of(AppealOutcome.self, what: "诉讼结果", help: "outcomes · 结果")
    static let blocks = TermSlot.of(AppealBlock.self, what: "诉讼类别", help: "blocks · 类别", offering: [.direct, .afterReview])

    /// `2019: made published …; 2021: issued repealed …`: each format's table 1 columns, in printed order.
    static var columnsByFormat: String {
        FormatEdition.allCases.map { edition in
            var seen = Set<DisclosureColumn>()
            let columns = DisclosureGroup.of(edition).flatMap(\.columns).filter { seen.insert($0).inserted }
            return "\(edition.rawValue): " + columns.map(\.english).joined(separator: " ")
        }.joined(separator: "; ")
    }

    static let application = TableStatement(
        keyword: .application, table: .applications, lines: .oneByCell,
        selector: .optional(applicants, absent: Applicant.person.rawValue, extra: "申请人类别只写一个"),
        name: applicationRows, path: [applicationRows, applicants], requiredSegments: 1,
        statementCell: { selector, name in
            guard let row = ApplicationRow(rawValue: name), let column = Applicant(rawValue: selector ?? Applicant.person.rawValue) else { return nil }
            return .application(row, column)
        },
        pathCell: { first, second in
            guard let row = first.flatMap(ApplicationRow.init(rawValue:)) else { return nil }
            let column = second.flatMap(Applicant.init(rawValue:)) ?? .all
            return .application(row, column)
        },
        selectorProblem: { _, _ in nil },
        cellProblem: { cell, edition in
            guard case .application(let row, _) = cell, !ApplicationTableSpec.has(row, in: edition) else { return nil }
            return "\(edition.rawValue) 格式的申请表没有「\(row.label(.y2021))」这一行（它属于 \(edition == .y2019 ? 2021 : 2019) 格式）"
        })

    static let proactive = TableStatement(
        keyword: .proactive, table: .disclosure,
        selector: .required(items, missing: "主动公开要先写事项名称，例如：\(Keyword.proactive.example)", extra: "事项只写一个"),
        name: disclosureColumns, path: [items, disclosureColumns], requiredSegments: 2,
        statementCell: { selector, name in
            guard let item = selector.flatMap(DisclosureItem.init(rawValue:)), let column = DisclosureColumn(rawValue: name) else { return nil }
            return .disclosure(item, column)
        },
        pathCell: { first, second in
            guard let item = first.flatMap(DisclosureItem.init(rawValue:)), let column = second.flatMap(DisclosureColumn.init(rawValue:)) else { return nil }
            return .disclosure(item, column)
        },
        selectorProblem: { selector, edition in
            guard let item = DisclosureItem(rawValue: selector), !DisclosureGroup.has(item, in: edition) else { return nil }
            return ("E051", "\(edition.rawValue) 格式的主动公开表没有「\(item.chinese[0])」")
        },
        cellProblem: { cell, edition in
            guard case .disclosure(let item, let column) = cell, !DisclosureGroup.has(item, column, in: edition),
                let columns = DisclosureGroup.columns(of: item, in: edition)
            else { return nil }
            let names = columns.map { "\($0.english)（\($0.label(edition))）" }.joined(separator: "、")
            return "\(edition.rawValue) 格式中「\(item.label(edition))」没有「\(column.label(edition))」列；它的列是：\(names)"
        })

    static let review = TableStatement(
        keyword: .review, table: .appeals, selector: .none(extra: "复议不分类别"),
        name: reviewOutcomes, path: [reviewOutcomes], requiredSegments: 1,
        statementCell: { _, name in AppealOutcome(rawValue: name).map { .appeal(.review, $0) } },
        pathCell: { first, _ in first.flatMap(AppealOutcome.init(rawValue:)).map { .appeal(.review, $0) } },
        selectorProblem: { _, _ in nil }, cellProblem: { _, _ in nil })

    static let lawsuit = TableStatement(
        keyword: .lawsuit, table: .appeals,
        selector: .required(
            blocks, missing: "诉讼要先写 direct（未经复议直接起诉）或 after_review（复议后起诉），例如：\(Keyword.lawsuit.example)",
            extra: "诉讼类别只写一个"),
        name: lawsuitOutcomes, path: [blocks, lawsuitOutcomes], requiredSegments: 2,
        statementCell: { selector, name in
            guard let block = selector.flatMap(AppealBlock.init(rawValue:)), let outcome = AppealOutcome(rawValue: name) else { return nil }
            return .appeal(block, outcome)
        },
        pathCell: { first, second in
            guard let block = first.flatMap(AppealBlock.init(rawValue:)), let outcome = second.flatMap(AppealOutcome.init(rawValue:)) else { return nil }
            return .appeal(block, outcome)
        },
        selectorProblem: { selector, _ in selector == AppealBlock.review.rawValue ? ("E050", "行政复议请用 review 语句") : nil },
        cellProblem: { _, _ in nil })
}

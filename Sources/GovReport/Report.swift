import Foundation
import GovLanguage

/// The checked report: what the official format says, filled from a script. It is a different type from
/// the syntax tree (a script is what the clerk wrote; a report is what the format prints), but every value
/// in it keeps the source range it came from.
public struct Report: Sendable {
    public package(set) var header: Header
    public package(set) var edition: FormatEdition
    /// The introduction: paragraphs before the first section.
    public package(set) var introduction: [Block]
    /// Sections in printed order: the six official ones, with any local ones where the script put them.
    public package(set) var sections: [Section]
    /// Every stated or derived cell of the three official tables; a missing cell is blank, printed as 0.
    package var cells: CellStore
    public package(set) var channels: [Channel]
    /// All findings of the language, the rules and the user's own asserts, in source order.
    public package(set) var findings: [Diagnostic]
    /// Every literal number of the text with its unit, and what it was linked to (or why not).
    package var textQuantities: [TextQuantity] = []
    /// Every rule instance that was judged: checked totals, soft rules, channels and the text's numbers.
    /// Empty when they are not recorded (`recordsRuleInstances`).
    package var ruleInstances: [RuleInstance] = []
    /// Whether the rules record each instance they judge (`Evaluator.Prose.findingsOnly` does not).
    package var recordsRuleInstances = true

    public init(header: Header, edition: FormatEdition) {
        self.header = header
        self.edition = edition
        self.introduction = []
        self.sections = []
        self.cells = CellStore()
        self.channels = []
        self.findings = []
    }

    /// The number in a cell; a blank cell is zero.
    public subscript(_ id: CellID) -> Number {
        if let cell = cells[id] { return cell.value }
        if case .disclosure(_, let column) = id, column.kind == .amount { return .amount(0, "0") }
        return .integer(0)
    }

    /// The mark printed for an unknown (unreadable) cell; every format explains it in a footnote.
    public static let unknownMark = "※"

    /// A cell as printed: a never-written cell as 0, a stated blank empty, an unknown one as `※`, amounts
    /// as written, and a positive 本年增/减 with its sign (+9).
    public func printed(_ id: CellID) -> String {
        switch cells[id]?.mark {
        case .blank?: return ""
        case .unknown?: return Report.unknownMark
        case nil: break
        }
        return id.printed(self[id])
    }

    /// The whole-number value of a count cell (0 when blank).
    public func count(_ id: CellID) -> Int { cells.integer(id) ?? 0 }

    /// Table 2's shape: the format's, with （六）其他处理 as one row when the script states `other_total`.
    package var applicationSpec: ApplicationTableSpec { .of(edition, otherAsOneRow: otherPrintedAsOneRow) }

    /// Whether the script states the single （六）其他处理 row (2021 format).
    public var otherPrintedAsOneRow: Bool {
        edition == .y2021 && Applicant.allCases.contains { cells[.application(.otherTotal, $0)]?.statedRange != nil }
    }
    package var disclosureGroups: [DisclosureGroup] { DisclosureGroup.of(edition) }

    public var errorCount: Int { findings.errorCount }
    public var warningCount: Int { findings.warningCount }
}

public struct Header: Sendable {
    public package(set) var body: String = ""
    public package(set) var year: Int = 0
    /// The title as the script gave it; nil means the standard title.
    public package(set) var customTitle: String?
    public package(set) var published: DateLiteral?
    public package(set) var signoffBody: String?
    public package(set) var signoffDate: DateLiteral?
    /// False for `signoff none`: the report as published has no sign-off.
    public var hasSignoff = true
    /// The body's kind as the script states it (`kind`); nil means guessed from the name (`kind`).
    public package(set) var statedKind: BodyKind?
    /// The number of parts the introduction announces (rule C3), and where.
    public package(set) var announcedParts: Int?
    public package(set) var announcedPartsRange: SourceRange?
    /// Where `year` was written: findings about the report as a whole (a gap between years) point here.
    public package(set) var yearRange: SourceRange?
    /// Last year's script, when the script names it with `previous`.
    public package(set) var previous: PreviousScript?

    public init() {}

    /// 大隐镇人民政府2020年政府信息公开工作年度报告, unless the script gave its own title.
    public var title: String { customTitle ?? "\(body)\(year)年政府信息公开工作年度报告" }

    /// The title's printed lines (a `\n` in `title` separates them).
    public var titleLines: [String] { title.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }

    /// The body's kind: as stated, else guessed from its name.
    public var kind: BodyKind { statedKind ?? BodyKind.guess(from: body) }
}

/// `previous "2020.gov"`: the path as written, the path it resolves to (relative to the script that wrote
/// it), and where it was written.
public struct PreviousScript: Sendable, Equatable {
    public package(set) var written: String
    public package(set) var path: String
    public package(set) var range: SourceRange

    public init(written: String, path: String, range: SourceRange) {
        self.written = written
        self.path = path
        self.range = range
    }
}

public struct Section: Sendable {
    public enum Kind: Sendable, Equatable {
        case official(OfficialSection)
        /// A local section (e.g. a province's 公开平台建设和信息发布情况), with its title.
        case local(String)
    }

    public package(set) var kind: Kind
    public package(set) var blocks: [Block]
    /// Where the script opened it; nil for an official section the script never mentioned.
    public package(set) var range: SourceRange?
    /// The title as the report printed it (`section applications "…"`), typos kept.
    public package(set) var printedTitle: String?

    public init(kind: Kind, blocks: [Block] = [], range: SourceRange? = nil, printedTitle: String? = nil) {
        self.kind = kind
        self.blocks = blocks
        self.range = range
        self.printedTitle = printedTitle
    }

    public var title: String {
        if let printedTitle { return printedTitle }
        switch kind {
        case .official(let section): return section.title
        case .local(let title): return title
        }
    }
}

/// What a section holds, in order. The official table of a section follows its blocks.
public enum Block: Sendable {
    case heading(String)
    case paragraph(String)
    /// A paragraph that starts with a run-in sub-heading printed bold: （一）主动公开情况。全年…
    case leadParagraph(lead: String, text: String)
    case table(LocalTable)
}

/// A simple table a script declares itself (`table`, `columns`, `row`), printed in place.
public struct LocalTable: Sendable {
    public package(set) var title: String
    public package(set) var columns: [String]
    public package(set) var rows: [[String]]

    public init(title: String, columns: [String] = [], rows: [[String]] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}

/// A disclosure channel (政府网站, 微博, …) and the categories its items break down into.
public struct Channel: Sendable {
    public package(set) var name: String
    public package(set) var count: Int
    public package(set) var range: SourceRange
    public package(set) var categories: [Category]

    public struct Category: Sendable {
        public package(set) var name: String
        public package(set) var count: Int
        public package(set) var range: SourceRange
    }
}

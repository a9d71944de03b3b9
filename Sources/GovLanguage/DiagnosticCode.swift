/// A diagnostic's stable code (`E012`, `A1`, `D1`, `ASSERT`). Written as a string literal where a finding
/// is made (`Diagnostic(code: "E012", …)`); compared through the named constants below, never as bare
/// strings. Every code a finding can carry is registered in `DiagnosticCode.registry`, with its kind,
/// default severity and one-line description (what `gov help codes` and docs/language.md §7 list).
public struct DiagnosticCode: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public var description: String { rawValue }
    public static func < (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue < b.rawValue }

    /// The registry entry of this code; nil only for a code nobody registered (a test forbids that).
    public var entry: DiagnosticCodeEntry? { DiagnosticCode.index[self] }
    public var kind: DiagnosticKind? { entry?.kind }
    public var isRegistered: Bool { entry != nil }

    // Codes that code outside the place that makes them asks about.
    public static let fileNotUTF8: DiagnosticCode = "E007"
    public static let missingYear: DiagnosticCode = "E040"
    public static let missingBody: DiagnosticCode = "E041"
    public static let unreadableFile: DiagnosticCode = "E060"
    public static let negativeCount: DiagnosticCode = "A4"
    public static let assertion: DiagnosticCode = "ASSERT"
    /// The count of findings left out (DiagnosticLimit): about others, never a reason of its own.
    public static let moreFindings: DiagnosticCode = "E009"
}

/// What a code is about, so tools can sort findings without lists of code strings.
public enum DiagnosticKind: String, Sendable, CaseIterable {
    /// The language could not accept a statement: lexing, parsing, names, value kinds (E000–E052).
    case syntax
    /// A file could not be read, decoded, included or laid out (E007, E060–E062, E070).
    case input
    /// The report is not finished: `year` or `body` missing (E040, E041).
    case incomplete
    /// A rule of the official format, within one report (A, B, C).
    case rule
    /// Across years and series of reports (D, S).
    case crossYear = "cross-year"
    /// The script's own `assert`.
    case assert
    /// Soft findings about the report's quality (added by later work).
    case quality
}

/// One registered code.
public struct DiagnosticCodeEntry: Sendable {
    public let code: DiagnosticCode
    public let kind: DiagnosticKind
    public let severity: Severity
    /// One line, as docs/language.md §7 gives it.
    public let summary: String

    public init(_ code: DiagnosticCode, _ kind: DiagnosticKind, _ severity: Severity, _ summary: String) {
        self.code = code
        self.kind = kind
        self.severity = severity
        self.summary = summary
    }
}

extension DiagnosticCode {
    /// Every code, in the order `gov help codes` and the docs list them. Adding a code is one line here (and a
    /// row in docs/language.md §7 and a triggering case in DiagnosticCodeTests, which a test checks).
    public static let registry: [DiagnosticCodeEntry] = [
        .init("E000", .syntax, .error, "a line starts with an unreadable character (in a whole file the lexer's E003 is reported instead)"),
        .init("E001", .syntax, .error, "string not closed on its line"),
        .init("E002", .syntax, .error, "text block \"\"\" not closed"),
        .init("E003", .syntax, .error, "a character the language does not use (outside strings, or inside an interpolation)"),
        .init("E004", .syntax, .error, "unknown escape in a string"),
        .init("E005", .input, .error, "a line longer than 100,000 bytes (the file is not read further)"),
        .init("E006", .syntax, .error, "{ without } on the same line, or empty {}"),
        .init("E007", .input, .error, "file is not UTF-8"),
        .init("E008", .syntax, .error, "a control character (NUL, ESC, DEL…; not tab, CR, LF) inside a string; it is shown as U+FFFD"),
        .init("E009", .input, .error, "more language findings and asserts than are listed: at most 3 per line, 100 per file, 200 in all (as severe as the worst one left out)"),
        .init("E010", .syntax, .error, "line does not start with a statement keyword, or unknown keyword"),
        .init("E011", .syntax, .error, "let NAME without ="),
        .init("E012", .syntax, .error, "something missing or of the wrong kind: a name (an empty \"\" one too), value, string, date; a cell name without a value; missing item/lawsuit block; empty columns/row"),
        .init("E013", .syntax, .error, "interpolation in a name or include path"),
        .init("E014", .syntax, .error, "date that does not exist, or a year outside 2000–2101"),
        .init("E015", .syntax, .error, "extra tokens at the end of a line or interpolation; a second selector"),
        .init("E016", .syntax, .error, "number, amount or result too large, or decimal with too many digits"),
        .init("E017", .syntax, .error, ". not followed by a name"),
        .init("E018", .syntax, .error, "missing )"),
        .init("E019", .syntax, .error, "an operand expected (number, name, string, ()"),
        .init("E020", .syntax, .error, "expression nested more than 64 levels, or with more than 256 operators"),
        .init("E030", .syntax, .error, "header statement written twice, or a cell stated twice with different values"),
        .init("E031", .syntax, .error, "wrong value kind (whole number / amount) or out of range for year, format, parts, channel, category, or a cell"),
        .init("E032", .syntax, .error, "a name that is not an earlier let (e.g. a table path) in a header, channel or cell value"),
        .init("E033", .syntax, .error, "a let that refers to itself"),
        .init("E034", .syntax, .error, "let name bound twice"),
        .init("E035", .syntax, .error, "unknown name or malformed path in text/assert"),
        .init("E036", .syntax, .error, "operation or comparison on incompatible values; assert condition not a comparison"),
        .init("E037", .syntax, .error, "division by zero"),
        .init("E038", .syntax, .error, "a chain of lets, each read from the next, longer than 64 (only where a chain is followed lazily, in text and asserts)"),
        .init("E039", .syntax, .error, "a text joined with + longer than 100,000 bytes (a line's length)"),
        .init("E040", .incomplete, .error, "no year (2021 assumed)"),
        .init("E041", .incomplete, .error, "no body"),
        .init("E042", .syntax, .error, "format other than 2019 or 2021"),
        .init("E044", .syntax, .error, "bare section name that is not an official section"),
        .init("E045", .syntax, .error, "official section repeated or out of order"),
        .init("E046", .syntax, .error, "columns/row not directly after a table"),
        .init("E047", .syntax, .error, "category before any channel"),
        .init("E050", .syntax, .error, "lawsuit 行政复议: use review"),
        .init("E051", .syntax, .error, "row, item or column not in this report's format"),
        .init("E052", .syntax, .error, "unknown applicant, row, item, column, block or outcome"),
        .init("E060", .input, .error, "file cannot be read (exit status 2)"),
        .init("E061", .input, .error, "include cycle"),
        .init("E062", .input, .error, "includes nested deeper than 16"),
        .init("E063", .input, .error, "file larger than 2 MiB (not read)"),
        .init("E064", .input, .error, "more than 64 includes read for one report"),
        .init("E065", .input, .error, "include or previous naming a file that is not .gov (its content is never read, so never quoted)"),
        .init("E070", .input, .error, "gov fmt could not lay a file out without changing it (never expected; the file is left alone)"),
        .init("A1", .rule, .error, "二、上年结转 + 一、本年新收 = （七）总计 + 四、结转下年度继续办理, per applicant column"),
        .init("A2", .rule, .error, "（七）总计 equals the sum of the results under 三、本年度办理结果"),
        .init("A3", .rule, .error, "each row's 总计 equals the sum of its applicant columns"),
        .init("A4", .rule, .error, "a negative count or amount, stated or derived"),
        .init("B1", .rule, .error, "行政复议: 总计 equals the sum of its outcomes"),
        .init("B2", .rule, .error, "行政诉讼 (direct): 总计 equals the sum of its outcomes"),
        .init("B3", .rule, .error, "行政诉讼 (after_review): 总计 equals the sum of its outcomes"),
        .init("B5", .rule, .warning, "2021: 现行有效件数 is not less than 本年制发件数"),
        .init("C3", .rule, .warning, "parts equals the number of sections in the report"),
        .init("C4", .rule, .warning, "a channel's categories add up to its count"),
        .init("C1", .rule, .error, "a count in the text differs from the table (a warning when the words may count otherwise)"),
        .init("C2", .rule, .error, "a percentage in the text differs from the ratio of the counts it links (a warning when the denominator is unsure)"),
        .init("C5", .rule, .error, "a table-1 figure in the text differs from table 1"),
        .init("C6", .rule, .warning, "a number in the text counts for another scope (本机关 / the whole area) and differs"),
        .init("Q1", .quality, .warning, "published after the deadline of 条例第四十九条 (部门 1月31日, 政府 3月31日)"),
        .init("Q2", .quality, .warning, "a paragraph is copied from last year's report (identical or nearly)"),
        .init("Q3", .quality, .warning, "a year in the text older than the year before the report's"),
        .init("Q4", .quality, .warning, "section 五 states the problems but not the improvements, or the reverse"),
        .init("Q5", .quality, .warning, "2021 format: section 六 does not say whether 信息处理费 was charged"),
        .init("ASSERT", .assert, .error, "a failed assert; the message is yours"),
        .init("D1", .crossYear, .error, "across years: 上年结转 differs from last year's 结转下年度继续办理"),
        .init("D2", .crossYear, .warning, "across years: 上一年项目数量 does not chain from last year's"),
        .init("D3", .crossYear, .warning, "across years: 对外公开总数量 does not chain from last year's"),
        .init("D4", .crossYear, .warning, "across years: 现行有效件数 does not chain from last year's"),
        .init("S1", .crossYear, .note, "the years of one body's reports are not consecutive; that pair is not compared"),
        .init("S2", .crossYear, .warning, "one body has two reports of one year; that year is not compared"),
        .init("S3", .crossYear, .error, "previous names a script that cannot be last year's"),
        .init("S4", .crossYear, .warning, "previous names another body's script (still compared)"),
        .init("S5", .crossYear, .note, "the script previous names has errors of its own"),
    ]

    private static let index: [DiagnosticCode: DiagnosticCodeEntry] = Dictionary(
        registry.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
}

import Foundation

/// The syntax tree: what the clerk wrote, with a source range on every node. It says nothing yet about
/// the official format; the evaluator in GovReport turns it into a report.
package struct Script: Sendable {
    package let file: FileID
    package let statements: [Statement]

    package init(file: FileID, statements: [Statement]) {
        self.file = file
        self.statements = statements
    }
}

package struct Statement: Sendable {
    package let keyword: Keyword
    /// The keyword as written (English or Chinese), kept so tools can answer in the user's language.
    package let keywordRange: SourceRange
    package let kind: Kind
    /// The whole statement, keyword to last token.
    package let range: SourceRange

    package init(keyword: Keyword, keywordRange: SourceRange, kind: Kind, range: SourceRange) {
        self.keyword = keyword
        self.keywordRange = keywordRange
        self.kind = kind
        self.range = range
    }

    package enum Kind: Sendable {
        case body(Name)
        case year(Expr)
        case format(Expr)
        case title(StringLiteral)
        case published(DateLiteral)
        case signoff(Name, DateLiteral?)
        case parts(Expr)
        /// Last year's script, so the numbers carried from it can be checked (cross-year rules D1–D4).
        case previous(StringLiteral)
        /// An official section by its name (`overview`, `总体情况`, …) or a local one by its quoted title; an
        /// official one may carry its title as printed (`section applications "收到和处理政府信息公开申请情况"`).
        case section(Name, StringLiteral?)
        case heading(StringLiteral)
        case text(StringLiteral)
        /// A run-in sub-heading: a bold lead that starts the next `text` paragraph.
        case lead(StringLiteral)
        /// A literal number of the text just before, written deliberately: its findings are silenced, and
        /// the reason says why (`deliberate 120 "含上年结转的 2 件"`).
        case deliberate(Expr, StringLiteral)
        /// The body's kind (`department` / `government`), which sets its publication deadline.
        case kind(Name)
        case table(StringLiteral)
        case columns([Expr])
        case row([Expr])
        case channel(Name, Expr)
        case category(Name, Expr)
        /// `proactive`, `application`, `review`, `lawsuit`: selector words, then name–value pairs.
        case cells(CellStatement)
        case binding(Name, Expr)
        case include(StringLiteral)
        case assertion(Expr, StringLiteral?)
    }
}

/// A name: a bare word (`微博`, `carried`) or a quoted string where the name has spaces or punctuation.
package struct Name: Sendable, Equatable {
    package let text: String
    package let range: SourceRange
    package let isQuoted: Bool

    package init(text: String, range: SourceRange, isQuoted: Bool = false) {
        self.text = text
        self.range = range
        self.isQuoted = isQuoted
    }
}

/// `application business carried 1 granted 1`: selectors (`business`) pick the row or column the pairs
/// are about; each pair names a cell and gives its value.
package struct CellStatement: Sendable {
    /// The first selector, in place: a statement has one or none (a second is an error), and an array for
    /// it was an allocation a statement.
    package let selector: Name?
    /// Any selectors after the first.
    package let moreSelectors: [Name]
    package let entries: [Entry]

    package init(selector: Name?, moreSelectors: [Name] = [], entries: [Entry]) {
        self.selector = selector
        self.moreSelectors = selector == nil ? [] : moreSelectors
        self.entries = entries
    }

    /// Every selector, in order.
    package var selectors: [Name] { selector.map { [$0] + moreSelectors } ?? [] }

    package struct Entry: Sendable {
        package let name: Name
        package let value: CellValue
        /// The unit printed after an amount (`元`, `万元`), when the script keeps it.
        package let unit: Name?
        package init(name: Name, value: CellValue, unit: Name? = nil) {
            self.name = name
            self.value = value
            self.unit = unit
        }
    }
}

/// What a cell holds as printed: a number (or expression), or one of the two states a published table has
/// besides numbers.
package enum CellValue: Sendable {
    case expression(Expr)
    /// `blank` / `空白` (printed empty) or `unknown` / `不详` (unreadable).
    case mark(CellMark, SourceRange)

    package var range: SourceRange {
        switch self {
        case .expression(let expression): return expression.range
        case .mark(_, let range): return range
        }
    }
}

/// A cell stated without a number: printed empty (blank counts as 0), or unreadable (unknown is never 0:
/// every rule that needs it is not assessable).
public enum CellMark: String, Sendable, Equatable, CaseIterable {
    case blank, unknown

    public var chinese: String { self == .blank ? "空白" : "不详" }

    /// The words that state a mark; they are values, never selectors or cell names.
    package static func named(_ word: String) -> CellMark? {
        switch word {
        case "blank", "空白": return .blank
        case "unknown", "不详": return .unknown
        default: return nil
        }
    }
}

/// The units an amount may carry as printed, and their size in 万元 (the format's unit for fees).
package enum AmountUnit: String, Sendable, Equatable, CaseIterable {
    case yuan = "元"
    case tenThousandYuan = "万元"

    package static func named(_ word: String) -> AmountUnit? { AmountUnit(rawValue: word) }
}

/// A string or text block, split into literal text and `{expression}` interpolations.
///
/// One read from a script keeps its interpolations and the script's bytes, and decodes the text between
/// them only when it is asked for (`parts`, `text(interpolating:)`): checking a script reads only the
/// interpolations (and the text checker the bytes), and decoding every literal as it was parsed made a
/// string a run of text and an array of parts a literal, most of them never read (callgrind, checking 300
/// corpus scripts: 51,136 → 42,936 allocations, 139.0 → 136.5 M instructions).
package struct StringLiteral: Sendable {
    package enum Part: Sendable {
        case text(String)
        case interpolation(Expr)
    }

    private let storage: Storage
    package let range: SourceRange
    package let isBlock: Bool

    private enum Storage: Sendable {
        /// Parts as given (a word in a table's row).
        case parts([Part])
        /// A string token of a script: its bytes, and its interpolations in order.
        case source(StringLiteralContent.Source, interpolations: [Interpolation])
    }

    /// A `{…}` of a string read from a script: the bytes between its braces, and its expression — nil for
    /// a dotted path of words (`{application.new}`, nearly every one), made from those bytes when it is
    /// asked for (`interpolation(at:)`). A check answers most paths from their bytes (`path(at:)`), and
    /// never makes their names: parsed as they were read, they were a fifth of reading a script's text,
    /// and their names and arrays were freed again unread (callgrind).
    struct Interpolation: Sendable {
        let content: Range<Int>
        let expression: Expr?
    }

    package init(parts: [Part], range: SourceRange, isBlock: Bool) {
        storage = .parts(parts)
        self.range = range
        self.isBlock = isBlock
    }

    /// A string token (quotes included in `range`) of the script whose bytes `source` holds, its
    /// interpolations read.
    init(source: StringLiteralContent.Source, interpolations: [Interpolation], range: SourceRange, isBlock: Bool) {
        storage = .source(source, interpolations: interpolations)
        self.range = range
        self.isBlock = isBlock
    }

    /// The bytes between the quotes.
    private var content: Range<Int> {
        let quote = isBlock ? 3 : 1
        let lower = range.start + quote
        return lower..<max(lower, range.end - quote)
    }

    /// The literal text runs (escapes decoded, runs between interpolations joined) and interpolations, in order.
    package var parts: [Part] {
        switch storage {
        case .parts(let parts):
            return parts
        case .source(let source, let interpolations):
            var parts: [Part] = []
            var pending = ""
            var next = 0
            source.decode(content) { piece in
                switch piece {
                case .text(let text):
                    pending += text
                case .interpolation:
                    if !pending.isEmpty { parts.append(.text(pending)) }
                    pending = ""
                    if next < interpolations.count { parts.append(.interpolation(expression(interpolations[next], source))) }
                    next += 1
                }
            }
            if !pending.isEmpty { parts.append(.text(pending)) }
            return parts
        }
    }

    /// How many `{…}` the literal holds.
    package var interpolationCount: Int {
        switch storage {
        case .parts(let parts):
            return parts.reduce(0) { count, part in if case .interpolation = part { count + 1 } else { count } }
        case .source(_, let interpolations):
            return interpolations.count
        }
    }

    /// The expression of the `index`th `{…}` (0 ≤ `index` < `interpolationCount`).
    package func interpolation(at index: Int) -> Expr {
        switch storage {
        case .parts(let parts):
            var seen = 0
            for part in parts {
                guard case .interpolation(let expression) = part else { continue }
                if seen == index { return expression }
                seen += 1
            }
            // Not reached (callers ask for 0..<interpolationCount); an empty text, where an empty reference
            // would trap wherever its first name was read.
            return .string(StringLiteral(parts: [], range: range, isBlock: false))
        case .source(let source, let interpolations):
            return expression(interpolations[index], source)
        }
    }

    /// The script's bytes and where between them the `index`th `{…}` lies, when it is a dotted path of
    /// words (`{application.new}`) in a script that is valid UTF-8; nil for any other `{…}`, whose
    /// expression `interpolation(at:)` gives. (A path's expression is made from the same bytes: a reader
    /// that answers from them must answer as for that expression, or not at all.) Not generic: called from
    /// another module, a generic method looked up its types' metadata at every call (callgrind).
    package func path(at index: Int) -> (bytes: [UInt8], content: Range<Int>)? {
        guard case .source(let source, let interpolations) = storage,
            let content = StringLiteral.pathContent(interpolations[index], in: source, count: source.bytes.count)
        else { return nil }
        return (source.bytes, content)
    }

    /// Where a `{…}`'s bytes are, when it is a dotted path of words read from a valid UTF-8 script of
    /// `count` bytes (`path(at:)`, `forEachPath`).
    private static func pathContent(_ interpolation: Interpolation, in source: StringLiteralContent.Source, count: Int) -> Range<Int>? {
        let content = interpolation.content
        guard source.isValidUTF8, interpolation.expression == nil, content.lowerBound >= 0, content.upperBound <= count else { return nil }
        return content
    }

    /// Calls `body` with the place of each `{…}`, in order, and its bytes when `path(at:)` would give them
    /// (nil otherwise): read in place, the literal and its bytes not copied for each (a check asks this of
    /// every paragraph it does not build).
    package func forEachPath(_ body: (_ index: Int, _ path: UnsafeBufferPointer<UInt8>?) throws -> Void) rethrows {
        switch storage {
        case .parts:
            for index in 0..<interpolationCount { try body(index, nil) }
        case .source(let source, let interpolations):
            try source.bytes.withUnsafeBufferPointer { bytes in
                for index in interpolations.indices {
                    let content = StringLiteral.pathContent(interpolations[index], in: source, count: bytes.count)
                    try body(index, content.map { UnsafeBufferPointer(rebasing: bytes[$0]) })
                }
            }
        }
    }

    private func expression(_ interpolation: Interpolation, _ source: StringLiteralContent.Source) -> Expr {
        interpolation.expression ?? Parser.path(source.bytes, interpolation.content, file: range.file, isValidUTF8: source.isValidUTF8)
    }

    /// Calls `body` with each `{…}` expression, in order, without decoding the text around them.
    package func forEachInterpolation(_ body: (Expr) throws -> Void) rethrows {
        switch storage {
        case .parts(let parts):
            for part in parts { if case .interpolation(let expression) = part { try body(expression) } }
        case .source(let source, let interpolations):
            for index in interpolations.indices { try body(expression(interpolations[index], source)) }
        }
    }

    /// The text with each interpolation replaced by `value`'s text for it, made in one string (the
    /// interpolations evaluated in order; the first that throws ends it).
    package func text(interpolating value: (Expr) throws -> String) rethrows -> String {
        // A literal of parts hands each expression over as it walks them: by place, each would be searched
        // for from the first part (`interpolation(at:)`), a quadratic walk.
        if case .parts(let parts) = storage {
            if parts.count == 1, case .text(let text) = parts[0] { return text }
            var result = ""
            for part in parts {
                switch part {
                case .text(let text): result += text
                case .interpolation(let expression): result += try value(expression)
                }
            }
            return result
        }
        return try text(interpolatingEach: { try value(interpolation(at: $0)) })
    }

    /// The same, `value` given each interpolation's place (`interpolation(at:)`, `path(at:)`).
    package func text(interpolatingEach value: (_ index: Int) throws -> String) rethrows -> String {
        switch storage {
        case .parts(let parts):
            if parts.count == 1, case .text(let text) = parts[0] { return text }
            var result = ""
            var next = 0
            for part in parts {
                switch part {
                case .text(let text): result += text
                case .interpolation:
                    result += try value(next)
                    next += 1
                }
            }
            return result
        case .source(let source, let interpolations):
            // Room for the text and a number per `{…}`, so a paragraph is not copied as it grows; a text
            // without one is its one run, taken as it is.
            var result = ""
            if !interpolations.isEmpty { result.reserveCapacity(content.count + 8 * interpolations.count) }
            var next = 0
            try source.decode(content) { piece in
                switch piece {
                case .text(let text):
                    result += text
                case .interpolation:
                    if next < interpolations.count { result += try value(next) }
                    next += 1
                }
            }
            return result
        }
    }

    /// The text when there is no interpolation (file names, table titles).
    package var plainText: String? {
        if case .source(_, let interpolations) = storage {
            guard interpolations.isEmpty else { return nil }
            // Its runs joined in one string (through `parts`, an array of them was made first).
            return text(interpolatingEach: { _ in "" })
        }
        var result = ""
        for part in parts {
            guard case .text(let text) = part else { return nil }
            result += text
        }
        return result
    }
}

public struct DateLiteral: Sendable, Equatable {
    public let year: Int
    public let month: Int
    public let day: Int
    public let range: SourceRange

    public var iso: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }

    /// 2021年1月20日, the way a Chinese report writes a date.
    public var chinese: String { "\(year)年\(month)月\(day)日" }
}

package enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
}

/// Only the recursive cases and the large, rare decimal are boxed: an integer — most cells — is stored in
/// place, not in a heap box of its own (one allocation and one release fewer per cell value).
package enum Expr: Sendable {
    case integer(Int, SourceRange)
    /// An exact decimal amount such as 514.4; the text is kept so the amount prints as written.
    indirect case decimal(Decimal, String, SourceRange)
    case string(StringLiteral)
    /// A name (`平台`) or a path into the report (`application.carried.person`).
    case reference([Name])
    indirect case negate(Expr, SourceRange)
    indirect case binary(BinaryOperator, Expr, Expr, SourceRange)

    package var range: SourceRange {
        switch self {
        case .integer(_, let range), .decimal(_, _, let range), .negate(_, let range), .binary(_, _, _, let range):
            return range
        case .string(let literal):
            return literal.range
        case .reference(let names):
            return names[0].range.union(names[names.count - 1].range)
        }
    }
}

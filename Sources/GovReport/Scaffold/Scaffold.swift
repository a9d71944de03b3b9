import Foundation
import GovLanguage

/// `gov new`: a complete script for one year in that year's format — every section, every cell of the
/// official tables written out with its official label — so the clerk only changes numbers and writes
/// text. From last year's script it carries what must carry: the body and sign-off, the numbers the
/// cross-year rules chain (上年结转 from 结转下年度; 2019 format 上一年项目数量; starting values for
/// 对外公开总数量 and 现行有效件数), the channels' names, and the narrative as commented-out text.
public enum Scaffold {
    /// Last year's checked script, and how the new script will name it in `previous`.
    public struct LastYear: Sendable {
        public let evaluation: Evaluation
        public let path: String
        public let link: String

        public init(evaluation: Evaluation, path: String, link: String) {
            self.evaluation = evaluation
            self.path = path
            self.link = link
        }
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case yearOutOfRange(Int)
        case emptyBody
        case lastYearHasErrors(path: String, count: Int)
        case notTheNextYear(lastYear: Int, requested: Int)

        public var description: String {
            switch self {
            case .yearOutOfRange(let year): return "年度 \(year) 不在允许范围（2000–2100）"
            case .emptyBody: return "机关名称不能为空"
            case .lastYearHasErrors(let path, let count):
                return "上年报告 \(path) 有 \(count) 个错误：先改正它，再生成下一年的底稿（否则结转的数字也是错的）"
            case .notTheNextYear(let last, let requested):
                return "上年报告是 \(last) 年的，下一年应是 \(last + 1) 年，不是 \(requested) 年"
            }
        }
    }

    /// A new script with every cell 0.
    public static func script(year: Int, body: String, language: KeywordLanguage = .english) throws -> String {
        guard (2000...2100).contains(year) else { throw Failure.yearOutOfRange(year) }
        guard !body.isEmpty else { throw Failure.emptyBody }
        return ScaffoldWriter(year: year, body: body, language: language).text()
    }

    /// Next year's script from last year's. `year` defaults to the year after; `body` and `language` to
    /// last year's.
    public static func script(after last: LastYear, year: Int? = nil, body: String? = nil, language: KeywordLanguage? = nil) throws -> String {
        let report = last.evaluation.report
        let errors = report.errorCount
        guard errors == 0 else { throw Failure.lastYearHasErrors(path: last.path, count: errors) }
        let year = year ?? report.header.year + 1
        guard (2000...2100).contains(year) else { throw Failure.yearOutOfRange(year) }
        guard year == report.header.year + 1 else { throw Failure.notTheNextYear(lastYear: report.header.year, requested: year) }
        let body = body ?? report.header.body
        guard !body.isEmpty else { throw Failure.emptyBody }

        var narrative = CarriedNarrative()
        var dominant = KeywordLanguage.english
        if let main = last.evaluation.sources.files.firstIndex(where: { $0.path == last.path }) {
            let source = last.evaluation.sources.files[main]
            let script = Parser.parse(source, file: FileID(main)).script
            narrative = CarriedNarrative(script: script, source: source)
            dominant = KeywordLanguage.dominant(in: script, source: source)
        }
        var writer = ScaffoldWriter(year: year, body: body, language: language ?? dominant)
        writer.last = (report, last.path, last.link)
        writer.narrative = narrative
        if body == report.header.body, let signoff = report.header.signoffBody { writer.signoff = signoff }
        writer.announcesParts = report.header.announcedParts != nil
        writer.carried = carried(from: report, into: FormatEdition.forYear(year))
        return writer.text()
    }

    /// The numbers the cross-year rules carry from last year into a format, with the rule that carries
    /// each. This year's own terms (本年新公开, 本年制发, …) count as 0: the clerk adds them.
    static func carried(from last: Report, into edition: FormatEdition) -> [CellID: (value: Int, rule: CrossYearRule)] {
        var carried: [CellID: (value: Int, rule: CrossYearRule)] = [:]
        for rule in CrossYearTable.rules {
            for equation in rule.equations(last.edition, edition) {
                // Nothing is carried from a cell last year's report could not read: the clerk fills it in,
                // and the cross-year rule says it could not judge it.
                if equation.terms.contains(where: { $0.year == .last && last.cells[$0.cell]?.isUnknown == true }) { continue }
                guard let value = CrossYearChecker.expected(equation, last: last, this: nil) else { continue }
                carried[equation.target] = (value, rule)
            }
        }
        return carried
    }

    /// The path to write in `previous`: `target` relative to the directory of the new script.
    public static func link(to target: String, from newScript: String) -> String {
        let from = URL(fileURLWithPath: newScript).standardizedFileURL.deletingLastPathComponent().pathComponents
        let to = URL(fileURLWithPath: target).standardizedFileURL.pathComponents
        var common = 0
        while common < min(from.count, to.count - 1), from[common] == to[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        return (up + to[common...]).joined(separator: "/")
    }
}

import Foundation
import GovLanguage

/// `gov sum`: the tables of several bodies' reports of one year and one format added into one script — a
/// county's 汇总 report — every stated cell the sum of that cell in every input. Totals are not copied but
/// derived again from the sums, so the roll-up checks clean whenever its inputs do.
public enum RollUp {
    public struct Input: Sendable {
        public let path: String
        public let evaluation: Evaluation

        public init(path: String, evaluation: Evaluation) {
            self.path = path
            self.evaluation = evaluation
        }
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case noInputs
        case emptyBody
        case inputsHaveErrors([String])
        case mixedYears([String])
        case mixedFormats([String])
        case sameBody(String, [String])
        case tooLarge(String)
        /// A cell some input could not read (`unknown`): its sum cannot be known either.
        case unknownCell(String, String)

        public var description: String {
            switch self {
            case .noInputs: return "没有要汇总的报告"
            case .emptyBody: return "汇总报告的机关名称不能为空"
            case .inputsHaveErrors(let paths): return "这些报告有错误，先改正再汇总：\(paths.joined(separator: "、"))"
            case .mixedYears(let lines): return "只能汇总同一年度的报告，这些报告的年度不同：\(lines.joined(separator: "；"))"
            case .mixedFormats(let lines): return "只能汇总同一格式的报告，这些报告的格式不同：\(lines.joined(separator: "；"))"
            case .sameBody(let body, let paths): return "「\(body)」的报告出现了不止一次（\(paths.joined(separator: "、"))），汇总会重复计算"
            case .tooLarge(let label): return "「\(label)」的合计超出了可计算的范围"
            case .unknownCell(let label, let path): return "\(path) 的「\(label)」不详（unknown），无法汇总；先补上这个数再汇总"
            }
        }
    }

    public static func script(of inputs: [Input], body: String, language: KeywordLanguage? = nil) throws -> String {
        guard let first = inputs.first else { throw Failure.noInputs }
        guard !body.isEmpty else { throw Failure.emptyBody }
        let failing = inputs.filter { $0.evaluation.hasErrors }.map(\.path)
        guard failing.isEmpty else { throw Failure.inputsHaveErrors(failing) }
        let year = first.evaluation.report.header.year
        guard inputs.allSatisfy({ $0.evaluation.report.header.year == year }) else {
            throw Failure.mixedYears(inputs.map { "\($0.path)：\($0.evaluation.report.header.year) 年" })
        }
        let edition = first.evaluation.report.edition
        guard inputs.allSatisfy({ $0.evaluation.report.edition == edition }) else {
            throw Failure.mixedFormats(inputs.map { "\($0.path)：\($0.evaluation.report.edition.rawValue) 格式" })
        }
        var seen: [String: [String]] = [:]
        for input in inputs { seen[input.evaluation.report.header.body, default: []].append(input.path) }
        for input in inputs {
            let body = input.evaluation.report.header.body
            if let paths = seen[body], paths.count > 1 { throw Failure.sameBody(body, paths) }
        }

        let sums = try sum(inputs.map(\.evaluation.report), edition: edition)
        let language = language ?? dominantLanguage(inputs)
        let tables = OfficialTableLines(
            edition: edition, language: language, value: { sums[$0] ?? .integer(0) }, remark: { _ in nil })

        var lines = [
            "# \(body)\(year)年政府信息公开工作年度报告（汇总）",
            "# 由 gov sum 生成：表中每个数字是下列 \(inputs.count) 份报告（\(year) 年，\(edition.rawValue) 格式）对应数字之和。",
        ]
        lines += inputs.map { "#   \($0.path)  \($0.evaluation.report.header.body)" }
        lines += [
            "# 各行的“总计”列、（七）总计、四、结转下年度继续办理和复议、诉讼的总计由 gov 推算。",
            "",
            "\(language.spell(.body)) \(ScriptLiteral.name(body))",
            "\(language.spell(.year)) \(year)",
        ]
        if edition != .forYear(year) { lines.append("\(language.spell(.format)) \(edition.rawValue)") }
        for section in OfficialSection.allCases {
            lines += ["", "\(language.spell(.section)) \(language == .english ? section.english : section.title)"]
            lines += tables.lines(for: section)
        }
        return ScriptPrinter.format(source: SourceFile(path: "sum.gov", text: lines.joined(separator: "\n") + "\n"))
    }

    /// Every stated cell of the format, summed over the reports (blank = 0); amounts exactly.
    static func sum(_ reports: [Report], edition: FormatEdition) throws -> [CellID: Number] {
        var sums: [CellID: Number] = [:]
        for cell in OfficialTableLines.statedCells(edition) {
            var count = 0
            var amount = Decimal(0)
            var isAmount = false
            for report in reports {
                if report.cells[cell]?.isUnknown == true { throw Failure.unknownCell(cell.label(edition), report.header.body) }
                switch report[cell] {
                case .integer(let value):
                    let (next, overflow) = count.addingReportingOverflow(value)
                    guard !overflow else { throw Failure.tooLarge(cell.label(edition)) }
                    count = next
                case .amount(let value, _):
                    isAmount = true
                    amount += value
                }
            }
            sums[cell] = isAmount ? .amount(amount, amount.plainString) : .integer(count)
        }
        return sums
    }

    private static func dominantLanguage(_ inputs: [Input]) -> KeywordLanguage {
        var chinese = 0
        for input in inputs {
            let sources = input.evaluation.sources
            guard let main = sources.files.firstIndex(where: { $0.path == input.path }) else { continue }
            let script = Parser.parse(sources.files[main], file: FileID(main)).script
            if KeywordLanguage.dominant(in: script, source: sources.files[main]) == .chinese { chinese += 1 }
        }
        return chinese * 2 > inputs.count ? .chinese : .english
    }
}

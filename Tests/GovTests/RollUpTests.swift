import Foundation
import Testing
import GovRender

@testable import Gov
@testable import GovLanguage
@testable import GovReport

/// `gov sum`: several bodies' reports of one year added into one summary script.
struct RollUpTests {
    static let twoBodies = ["fictional-2021.gov", "fictional-2021-culture.gov"]

    static func inputs(_ names: [String]) -> [RollUp.Input] {
        names.map { RollUp.Input(path: "examples/\($0)", evaluation: GoldenTests.evaluateExample($0)) }
    }

    @Test func theSumOfTwoExamplesIsTheCellWiseSumAndChecksClean() throws {
        let inputs = RollUpTests.inputs(RollUpTests.twoBodies)
        #expect(inputs.allSatisfy { $0.evaluation.findings.isEmpty }, "the inputs check clean")
        let text = try RollUp.script(of: inputs, body: "青禾县（虚构）")
        let summary = Gov.evaluate(source: text, path: "sum.gov")
        #expect(summary.findings.isEmpty, "\(summary.findings.map(\.message))")
        let report = summary.report
        #expect(report.header.body == "青禾县（虚构）" && report.header.year == 2021 && report.edition == .y2021)
        // Every cell of the three tables — stated, and the totals derived from them.
        for cell in CellStore.ids {
            let parts = inputs.map { $0.evaluation.report[cell] }
            switch report[cell] {
            case .integer(let value):
                #expect(value == parts.reduce(0) { $0 + ($1.integer ?? 0) }, "\(cell.path)")
            case .amount(let value, _):
                let expected = parts.reduce(Decimal(0)) { total, part in
                    if case .amount(let amount, _) = part { return total + amount }
                    return total
                }
                #expect(value == expected, "\(cell.path)")
            }
        }
        #expect(report.count(.application(.new, .all)) == 44 + 12)
        #expect(report[.disclosure(.fees, .amount)].description == "108.75")
        for input in inputs { #expect(text.contains("#   \(input.path)  \(input.evaluation.report.header.body)")) }
        #expect(Gov.format(source: text) == text, "already in the canonical layout")
    }

    @Test func theSumOfA2019FormatSeriesYearKeepsItsFormat() throws {
        let a = Gov.evaluate(source: "body 甲\nyear 2020\nproactive procurement projects 2 amount 1.5\nproactive licensing change -3\n", path: "a.gov")
        let b = Gov.evaluate(source: "body 乙\nyear 2020\nproactive procurement projects 1 amount 2.25\napplication new 4 granted 4\n", path: "b.gov")
        let text = try RollUp.script(of: [.init(path: "a.gov", evaluation: a), .init(path: "b.gov", evaluation: b)], body: "甲乙汇总")
        let report = Gov.evaluate(source: text).report
        #expect(report.edition == .y2019)
        #expect(report[.disclosure(.procurement, .amount)].description == "3.75")
        #expect(report.count(.disclosure(.licensing, .change)) == -3)
        #expect(report.count(.application(.total, .all)) == 4)
    }

    @Test func refusals() {
        let year2021 = RollUpTests.inputs(["fictional-2021.gov"])
        let series2022 = [RollUp.Input(path: "examples/series/2022.gov", evaluation: GoldenTests.evaluateExample("series/2022.gov"))]
        #expect(throws: RollUp.Failure.mixedYears(["examples/fictional-2021.gov：2021 年", "examples/series/2022.gov：2022 年"])) {
            try RollUp.script(of: year2021 + series2022, body: "县")
        }
        let forced = Gov.evaluate(source: "body 乙\nyear 2021\nformat 2019\n", path: "f.gov")
        #expect(throws: RollUp.Failure.mixedFormats(["examples/fictional-2021.gov：2021 格式", "f.gov：2019 格式"])) {
            try RollUp.script(of: year2021 + [.init(path: "f.gov", evaluation: forced)], body: "县")
        }
        #expect(throws: RollUp.Failure.sameBody("青禾县示范局（虚构）", ["examples/fictional-2021.gov", "examples/fictional-2021.gov"])) {
            try RollUp.script(of: year2021 + year2021, body: "县")
        }
        let errors = RollUpTests.inputs(["fictional-2021-errors.gov"])
        #expect(throws: RollUp.Failure.inputsHaveErrors(["examples/fictional-2021-errors.gov"])) {
            try RollUp.script(of: errors, body: "县")
        }
        #expect(throws: RollUp.Failure.noInputs) { try RollUp.script(of: [], body: "县") }
    }

    @Test func countsThatWouldOverflowAreRefused() {
        let big = "body 甲\nyear 2021\nproactive licensing decisions 9223372036854775807\n"
        let a = Gov.evaluate(source: big, path: "a.gov")
        let b = Gov.evaluate(source: big.replacingOccurrences(of: "甲", with: "乙"), path: "b.gov")
        #expect(throws: RollUp.Failure.self) { try RollUp.script(of: [.init(path: "a.gov", evaluation: a), .init(path: "b.gov", evaluation: b)], body: "县") }
    }
}

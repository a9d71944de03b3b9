import Foundation
import Gov

// Measures the pipeline on a large deterministic corpus of valid scripts: lines per second for lexing,
// parsing, and evaluation with every check, text rendering per script, and peak memory. Optionally times
// the real `gov` binary checking and rendering one script, process start included.
//
//   swift run -c release GovBench [--scripts N] [--gov PATH-TO-gov] [--example FILE]

struct Options {
    var scripts = 2000
    var gov: String?
    var example = "examples/dayin-2020.gov"

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--scripts": scripts = iterator.next().flatMap(Int.init) ?? scripts
            case "--gov": gov = iterator.next()
            case "--example": example = iterator.next() ?? example
            default: print("unknown option \(argument)"); exit(2)
            }
        }
    }
}

/// A small linear congruential generator: the same corpus on every run and machine.
struct Generator {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }
}

/// One valid 2021-format script of about 120 lines with varied numbers: every table, channels, text.
func makeScript(_ index: Int, _ random: inout Generator) -> String {
    var lines = ["# generated script \(index)", "body 基准测试机关\(index)", "year \(2021 + index % 4)", "parts 6", ""]
    lines.append("channel 政府网站 \(300 + random.next(50))")
    lines.append("channel 政务微信 \(random.next(200))")
    lines.append("section overview")
    for paragraph in 0..<6 {
        lines.append("heading \"（\(paragraph + 1)）小标题\"")
        lines.append("text \"\"\"")
        for sentence in 0..<8 { lines.append("第\(sentence)句：全年新收申请{application.new}件，办结{application.total}件，结转{application.forward}件。") }
        lines.append("\"\"\"")
    }
    lines.append("section proactive")
    let issued = random.next(30)
    lines.append("proactive regulations issued 0 repealed 0 effective \(random.next(5))")
    lines.append("proactive normative issued \(issued) repealed \(random.next(3)) effective \(issued + random.next(100))")
    lines.append("proactive licensing decisions \(random.next(5000))")
    lines.append("proactive penalty decisions \(random.next(900))")
    lines.append("proactive coercion decisions \(random.next(50))")
    lines.append("proactive fees amount \(random.next(9999)).\(random.next(100))")
    lines.append("section applications")
    var handled = 0
    let rows = ["granted", "partial", "third_party", "deliberative", "not_held", "unclear", "repeated", "overdue_correction", "other"]
    var pairs: [String] = []
    for row in rows {
        let value = random.next(12)
        handled += value
        pairs.append("\(row) \(value)")
    }
    let carried = random.next(4)
    lines.append("application new \(handled + random.next(5)) carried \(carried)")
    lines.append("application " + pairs.joined(separator: " "))
    lines.append("application business new 2 granted 1 not_held 1")
    lines.append("section appeals")
    lines.append("review upheld \(random.next(3)) corrected \(random.next(2)) pending 1")
    lines.append("lawsuit direct upheld \(random.next(3))")
    lines.append("section problems")
    lines.append("text \"存在的主要问题及改进情况。\"")
    lines.append("section other")
    lines.append("text \"无。\"")
    lines.append("assert application.forward >= 0 \"结转不能为负\"")
    return lines.joined(separator: "\n") + "\n"
}

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func format(_ value: Double) -> String { String(format: "%.0f", value) }

let options = Options(CommandLine.arguments)
var random = Generator(state: 2021)
let corpus = (0..<options.scripts).map { makeScript($0, &random) }
let files = corpus.enumerated().map { SourceFile(path: "bench-\($0.offset).gov", text: $0.element) }
let totalLines = files.reduce(0) { $0 + $1.lineStarts.count - 1 }
let totalBytes = files.reduce(0) { $0 + $1.bytes.count }
print("corpus: \(options.scripts) scripts, \(totalLines) lines, \(totalBytes / 1024) KiB")

// Sanity: the corpus is valid, so the numbers below measure the real path, not error recovery.
let sample = Gov.evaluate(source: corpus[0], path: "sample.gov")
if sample.hasErrors {
    print(Gov.diagnostics(sample))
    exit(1)
}

var tokenCount = 0
let lexTime = seconds {
    for file in files { tokenCount += Lexer.tokenize(file, file: FileID(0)).tokens.count }
}
var statementCount = 0
let parseTime = seconds {
    for file in files { statementCount += Parser.parse(file, file: FileID(0)).script.statements.count }
}
var findingCount = 0
let evaluateTime = seconds {
    for text in corpus { findingCount += Gov.evaluate(source: text).findings.count }
}
var renderedBytes = 0
let renderTime = seconds {
    for text in corpus.prefix(200) { renderedBytes += Gov.render(Gov.evaluate(source: text), as: .text).utf8.count }
}

print("lex:                 \(format(Double(totalLines) / lexTime)) lines/s  (\(tokenCount) tokens)")
print("lex + parse:         \(format(Double(totalLines) / parseTime)) lines/s  (\(statementCount) statements)")
print("evaluate + check:    \(format(Double(totalLines) / evaluateTime)) lines/s  (\(findingCount) findings)")
print("check + render text: \(String(format: "%.2f", renderTime / Double(min(200, corpus.count)) * 1000)) ms per script")
print("peak memory:         \(String(format: "%.1f", peakMemoryMiB())) MiB")

if let gov = options.gov {
    let runs = 20
    var total = 0.0
    for _ in 0..<runs {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gov)
        process.arguments = ["render", options.example]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        total += seconds {
            try? process.run()
            process.waitUntilExit()
        }
    }
    print("gov render \(options.example): \(String(format: "%.1f", total / Double(runs) * 1000)) ms per run, process start included (\(runs) runs)")
}

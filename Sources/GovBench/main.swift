import Foundation
import Gov
import GovLanguage
import GovRender
import GovReport

if CommandLine.arguments.contains("--import") {
    ImportBench.run(Array(CommandLine.arguments.dropFirst()))
    exit(0)
}

// Measures the pipeline on a large deterministic corpus of valid scripts: lines per second for lexing,
// parsing, and evaluation with every check, text rendering per script, and peak memory. Optionally times
// the real `gov` binary checking and rendering one script, process start included.
//
//   swift run -c release GovBench [--scripts N] [--gov PATH-TO-gov] [--example FILE]

struct Options {
    var scripts = 2000
    var gov: String?
    var example = "examples/dayin-2020.gov"
    /// Run only evaluation (for profilers: `perf record … GovBench --only-evaluate`).
    var onlyEvaluate = false

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--scripts": scripts = iterator.next().flatMap(Int.init) ?? scripts
            case "--gov": gov = iterator.next()
            case "--example": example = iterator.next() ?? example
            case "--only-evaluate": onlyEvaluate = true
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

/// One valid 2021-format script shaped like the real ones in examples/ (about 120 lines): header, channels
/// with categories, an overview of five sub-headings with prose (a table number quoted now and then),
/// every official table, a local table, and short closing sections.
func makeScript(_ index: Int, _ random: inout Generator) -> String {
    var lines = ["# generated script \(index)", "body 基准测试县第\(index)局", "year \(2021 + index % 4)", "published \(2022 + index % 4)-01-2\(index % 8)", "parts 7", ""]
    let categories = ["政策文件", "工作动态", "公示公告", "规划计划", "财政信息", "人事信息", "政策解读", "应急管理", "统计数据", "意见征集"]
    var platform = 0
    var counts: [Int] = []
    for _ in categories {
        let count = random.next(60)
        counts.append(count)
        platform += count
    }
    lines.append("channel 政务公开平台 \(platform)")
    for (name, count) in zip(categories, counts) { lines.append("category \(name) \(count)") }
    lines.append("channel 政务微博 \(random.next(200))")
    lines.append("channel 政务微信 \(random.next(300))")
    lines.append("")
    lines.append("text \"\"\"")
    lines.append("根据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号的要求，编制本机关{year}年政府信息公开工作年度报告。")
    lines.append("本报告所列数据的统计期限自{year}年1月1日至{year}年12月31日。")
    lines.append("\"\"\"")
    lines.append("section overview")
    let headings = ["（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障"]
    for (number, heading) in headings.enumerated() {
        lines.append("heading \"\(heading)\"")
        lines.append("text \"\"\"")
        for sentence in 0..<6 {
            if sentence == 0, number == 1 {
                lines.append("全年新收政府信息公开申请{application.new}件，上年结转{application.carried}件，办结{application.total}件，结转下年度继续办理{application.forward}件。")
            } else if sentence == 0, number == 0 {
                lines.append("全年通过政务公开平台主动公开政府信息{channel.政务公开平台}条，其中政策文件{channel.政务公开平台.政策文件}条。")
            } else {
                lines.append("第\(sentence)项工作：坚持以公开为常态、不公开为例外，健全信息发布、政策解读和回应关切的工作机制，完善公开目录，规范公开流程，提升公开质量和实效。")
            }
        }
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
    lines.append("section \"公开平台建设和信息发布情况\"")
    lines.append("table \"表二\"")
    lines.append("columns 统计指标 单位 统计数")
    for row in ["政府网站公开政府信息数", "政务微博公开政府信息数", "政务微信公开政府信息数", "政策解读稿件发布数", "回应公众关注热点数", "新闻发布会次数"] {
        lines.append("row \"\(row)\" 条 \(random.next(400))")
    }
    lines.append("section applications")
    var handled = 0
    let rows = ["granted", "partial", "third_party", "deliberative", "not_held", "unclear", "repeated", "overdue_correction", "other"]
    var pairs: [String] = []
    for row in rows {
        let value = random.next(12)
        handled += value
        pairs.append("\(row) \(value)")
    }
    lines.append("application new \(handled + random.next(5)) carried \(random.next(4))")
    lines.append("application " + pairs[..<4].joined(separator: " "))
    lines.append("application " + pairs[4...].joined(separator: " "))
    lines.append("application business new 2 granted 1 not_held 1")
    lines.append("application legal new 1 partial 1")
    lines.append("section appeals")
    lines.append("review upheld \(random.next(3)) corrected \(random.next(2)) pending 1")
    lines.append("lawsuit direct upheld \(random.next(3))")
    lines.append("lawsuit after_review other \(random.next(2))")
    lines.append("section problems")
    lines.append("heading \"（一）存在的主要问题\"")
    lines.append("text \"一是政策解读形式较单一；二是依申请公开答复文书有待规范。\"")
    lines.append("heading \"（二）改进情况\"")
    lines.append("text \"下一步将丰富图解、视频等解读形式，统一答复文书模板。\"")
    lines.append("section other")
    lines.append("text \"{year}年，无收取信息处理费情况。\"")
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

if options.onlyEvaluate {
    var findings = 0
    let time = seconds { for text in corpus { findings += Gov.evaluate(source: text).findings.count } }
    print("evaluate + check:    \(format(Double(totalLines) / time)) lines/s  (\(findings) findings)")
    exit(0)
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
    for text in corpus.prefix(200) { renderedBytes += Gov.text(Gov.evaluate(source: text)).utf8.count }
}

print("lex:                 \(format(Double(totalLines) / lexTime)) lines/s  (\(tokenCount) tokens)")
print("lex + parse:         \(format(Double(totalLines) / parseTime)) lines/s  (\(statementCount) statements)")
print("evaluate + check:    \(format(Double(totalLines) / evaluateTime)) lines/s  (\(findingCount) findings)")
print("check + render text: \(String(format: "%.2f", renderTime / Double(min(200, corpus.count)) * 1000)) ms per script")
print("peak memory:         \(String(format: "%.1f", peakMemoryMiB())) MiB")

if let gov = options.gov {
    // posix_spawn and waitpid directly: Foundation's Process adds its own milliseconds to each launch.
    let runs = 20
    var times: [Double] = []
    let arguments = [gov, "render", options.example]
    for _ in 0..<runs {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        times.append(seconds {
            guard posix_spawn(&pid, gov, &actions, nil, argv, environ) == 0 else { return }
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        })
        argv.forEach { free($0) }
        posix_spawn_file_actions_destroy(&actions)
    }
    times.sort()
    print("gov render \(options.example): median \(String(format: "%.1f", times[runs / 2] * 1000)) ms, best \(String(format: "%.1f", times[0] * 1000)) ms per run, process start included (\(runs) runs)")
}

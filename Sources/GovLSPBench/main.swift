import Foundation
import GovLSP

// `gov lsp` under an editor's load, in process (the protocol layer included: JSON in, JSON out; no pipes):
// the time from a change to its published diagnostics for a 300-line script, and resident memory over
// 10,000 edits, each checked at once (no debounce: the worst case).
//
//   swift run -c release GovLSPBench [--example FILE] [--edits N]

var example = "examples/dayin-2020.gov"
var editCount = 10_000
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--example": example = arguments.next() ?? example
    case "--edits": editCount = arguments.next().flatMap(Int.init) ?? editCount
    default: print("unknown option \(argument)"); exit(2)
    }
}

guard let base = try? String(contentsOfFile: example, encoding: .utf8) else {
    print("cannot read \(example) (run from the package root)")
    exit(2)
}
// A real report padded to 300 lines with paragraphs that quote the tables and `let` names, as long reports do.
var lines = base.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
if lines.last == "" { lines.removeLast() }
var number = 0
while lines.count < 300 {
    number += 1
    lines.append(number % 3 == 0
        ? "let 指标\(number) = \(number) + application.carried * 0"
        : "text \"第\(number)段：全年新收申请{application.new}件，办结{application.total}件，平台发布{channel.政务公开平台}条。\"")
}
// `let` may not read the tables; keep the script valid.
lines = lines.map { $0.hasPrefix("let 指标") ? $0.replacingOccurrences(of: " + application.carried * 0", with: " + 1") : $0 }
let text = lines.joined(separator: "\n") + "\n"
guard let editLine = lines.firstIndex(where: { $0.hasPrefix("application carried 1") }) else {
    print("the example has no `application carried 1` line")
    exit(2)
}

var published = 0
var lastDiagnostics = 0
let server = LanguageServer { message in
    if message["method"]?.string == "textDocument/publishDiagnostics" {
        published += 1
        lastDiagnostics = message["params"]?["diagnostics"]?.array?.count ?? 0
    }
}
@MainActor func deliver(_ message: JSON) { server.receive([UInt8](message.encoded())) }

let uri = "file:///bench/lsp-bench.gov"
deliver(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": [:]])
deliver(["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": ["textDocument": ["uri": .string(uri), "languageId": "gov", "version": 1, "text": .string(text)]]])
print("script: \(lines.count) lines, \(text.utf8.count) bytes; \(lastDiagnostics) findings on open")

/// Changes `carried 1` to `carried 2` and back: the digit at character 20 of the line (A1 then fails, then passes).
@MainActor func edit(_ version: Int) {
    deliver([
        "jsonrpc": "2.0", "method": "textDocument/didChange",
        "params": [
            "textDocument": ["uri": .string(uri), "version": .int(version)],
            "contentChanges": [["range": ["start": ["line": .int(editLine), "character": 20], "end": ["line": .int(editLine), "character": 21]], "text": .string(version % 2 == 0 ? "2" : "1")]],
        ],
    ])
}

func residentMiB() -> Double {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = statm.split(separator: " ")
    guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}

var times: [Double] = []
times.reserveCapacity(editCount)  // the bench's own record must not be what grows
var samples: [(Int, Double)] = [(0, residentMiB())]
let started = Date()
for version in 2...(editCount + 1) {
    let start = DispatchTime.now().uptimeNanoseconds
    edit(version)
    server.publishChanged()
    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    let done = version - 1
    if done % (max(editCount, 10) / 10) == 0 { samples.append((done, residentMiB())) }
}
let total = Date().timeIntervalSince(started)
let sorted = times.sorted()
func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
print("change → diagnostics (\(times.count) edits): median \(String(format: "%.2f", percentile(0.5))) ms, p95 \(String(format: "%.2f", percentile(0.95))) ms, max \(String(format: "%.2f", sorted.last ?? 0)) ms")
print("published \(published) times; \(lastDiagnostics) findings after the last edit; \(String(format: "%.1f", total)) s in all")
print("resident memory (MiB) after N edits: " + samples.map { "\($0.0): \(String(format: "%.1f", $0.1))" }.joined(separator: ", "))

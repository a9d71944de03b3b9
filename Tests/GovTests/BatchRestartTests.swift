import Foundation
import Testing

/// A render or format of 1,000 scripts or more restarts itself once with a larger allocator cache
/// (`MallocTuning`); what it prints and writes must not change. The run with `GLIBC_TUNABLES` already set
/// is the one that does not restart (a setting of the user's is left alone).
struct BatchRestartTests {
    @Test func aLargeBatchPrintsWhatItWouldWithoutTheRestart() throws {
        var files: [String: String] = [:]
        for body in 0..<340 {
            let name = "甲\(body)局"
            files["\(body)/2021.gov"] = "body \(name)\nyear 2021\napplication new 3 carried 0\napplication granted 2 forward 1\n"
            files["\(body)/2022.gov"] = "body \(name)\nyear 2022\napplication new 5 carried \(body % 7 == 0 ? 2 : 1)\napplication granted 6\n"
            files["\(body)/2023.gov"] = "body \(name)\nyear 2023\napplication new 1 carried 0\napplication granted \(body % 5 == 0 ? -1 : 1)\n"
        }
        let root = try StreamingCheckTests.write(files)
        defer { try? FileManager.default.removeItem(at: root) }
        // `gov fmt` and `gov render` restart; `gov check` does not (it gains nothing from the setting).
        let formatCheck = try runGov(["fmt", "--check", root.path])
        let formatCheckKept = try runGov(["fmt", "--check", root.path], environment: ["GLIBC_TUNABLES": "glibc.malloc.tcache_count=7"])
        #expect(formatCheck.status == formatCheckKept.status && formatCheck.stdout == formatCheckKept.stdout && formatCheck.stderr == formatCheckKept.stderr)
        var rendered: [[String: String]] = [], runs: [(status: Int32, stderr: String)] = []
        for environment in [[:], ["GLIBC_TUNABLES": "glibc.malloc.tcache_count=7"]] {
            // The same folder each time (the summary names it), emptied after it is read.
            let output = root.appendingPathComponent(".out")
            defer { try? FileManager.default.removeItem(at: output) }
            let run = try runGov(["render", root.path, "--format", "text", "--allow-errors", "--output-dir", output.path], environment: environment)
            runs.append((run.status, run.stderr))
            var texts: [String: String] = [:]
            for name in try FileManager.default.subpathsOfDirectory(atPath: output.path) {
                texts[name] = try? String(contentsOfFile: output.appendingPathComponent(name).path, encoding: .utf8)
            }
            rendered.append(texts)
        }
        #expect(rendered[0].count >= 1_000 && rendered[0] == rendered[1])
        #expect(runs[0].status == runs[1].status && runs[0].stderr == runs[1].stderr)
        for format in ["text", "json"] {
            let checked = try runGov(["check", "--format", format, root.path])
            #expect(checked.status == 1 && checked.stderr.contains("error[D1]") || checked.stdout.contains("\"D1\""), "\(format)")
        }
    }
}

import Foundation
import Testing

/// A batch of 1,000 scripts or more restarts itself once with a larger allocator cache (`MallocTuning`);
/// what it prints must not change. The run with `GLIBC_TUNABLES` already set is the one that does not
/// restart (a setting of the user's is left alone).
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
        for format in ["text", "json"] {
            let restarted = try runGov(["check", "--format", format, root.path])
            let kept = try runGov(["check", "--format", format, root.path], environment: ["GLIBC_TUNABLES": "glibc.malloc.tcache_count=7"])
            #expect(restarted.status == 1 && restarted.stderr.contains("error[D1]") || restarted.stdout.contains("\"D1\""), "\(format)")
            #expect(restarted.status == kept.status && restarted.stdout == kept.stdout && restarted.stderr == kept.stderr, "\(format)")
        }
    }
}

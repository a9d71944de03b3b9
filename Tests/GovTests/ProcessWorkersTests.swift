import Foundation
import GovLanguage
import Testing

@testable import GovReport

/// `ProcessWorkers`: which process does which script, what this process does with the results that come
/// back (and with the ones that do not), and the record a worker sends for a script. The processes
/// themselves run in the real binary (`JobsCLITests` compares `--jobs 2` and `--jobs 5` with `--jobs 1`).
struct ProcessWorkersTests {
    @Test func runsOfAChunkGoRoundTheProcesses() {
        let chunk = ProcessWorkers.chunk, own = ProcessWorkers.ownRun
        #expect((0..<own).allSatisfy { ProcessWorkers.owner(of: $0, jobs: 3) == 0 })
        #expect((own..<own + chunk).allSatisfy { ProcessWorkers.owner(of: $0, jobs: 3) == 1 })
        #expect(ProcessWorkers.owner(of: own + chunk, jobs: 3) == 2 && ProcessWorkers.owner(of: own + 2 * chunk - 1, jobs: 3) == 2)
        #expect(ProcessWorkers.owner(of: own + 2 * chunk, jobs: 3) == 0)
        #expect((0..<1000).allSatisfy { ProcessWorkers.owner(of: $0, jobs: 1) == 0 })
        // Over whole rounds, each worker does `chunk` items for this process's `ownRun`.
        let shares = (0..<(own + 3 * chunk) * 10).reduce(into: [0, 0, 0, 0]) { $0[ProcessWorkers.owner(of: $1, jobs: 4)] += 1 }
        #expect(shares == [own * 10, chunk * 10, chunk * 10, chunk * 10])
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let items: Int
        let jobs: Int
        /// The worker's result for an item: nil when the worker has stopped, another item's when it saw
        /// another tree.
        let remote: @Sendable (_ owner: Int, _ item: Int) -> Int?
        /// Whether the workers are stopped before the end.
        let stops: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "every worker answers", items: 200, jobs: 3, remote: { _, item in item * 10 }, stops: false),
        Case(name: "no item", items: 0, jobs: 2, remote: { _, item in item * 10 }, stops: false),
        Case(name: "fewer items than a run", items: 5, jobs: 4, remote: { _, _ in nil }, stops: false),
        Case(name: "a worker ends early", items: 200, jobs: 2, remote: { _, item in item < 100 ? item * 10 : nil }, stops: true),
        Case(name: "one of three workers ends", items: 300, jobs: 4, remote: { owner, item in owner == 2 && item > 150 ? nil : item * 10 }, stops: true),
        Case(name: "a worker saw another tree", items: 200, jobs: 2, remote: { _, item in item == 20 ? 21 * 10 : item * 10 }, stops: true),
        Case(name: "the first result is wrong", items: 100, jobs: 3, remote: { _, _ in 7 }, stops: true),
    ]

    /// Every item is delivered once, in order, with the result this process would have made, whatever the
    /// workers do; workers are stopped once, at the first result that is not right.
    @Test(arguments: cases)
    func deliversEveryItemInOrder(_ c: Case) {
        var source = 0..<c.items
        var delivered: [Int] = []
        var doneHere: [Int] = []
        var stops = 0
        ProcessWorkers.merge(
            jobs: c.jobs, next: { source.popFirst() },
            work: { item in
                doneHere.append(item)
                return item * 10
            },
            remote: { owner, position, item in
                #expect(position == delivered.count && item == position)
                return c.remote(owner, position)
            },
            same: { item, output in output == item * 10 }, stop: { stops += 1 },
            deliver: { delivered.append($0) })
        #expect(delivered == (0..<c.items).map { $0 * 10 })
        #expect(stops == (c.stops ? 1 : 0))
        let ownItems = (0..<c.items).filter { ProcessWorkers.owner(of: $0, jobs: c.jobs) == 0 }
        #expect(Set(ownItems).isSubset(of: Set(doneHere)))
        if !c.stops { #expect(doneHere == ownItems) }
    }

    /// The test runner has threads of its own: no worker is forked from it, and no item is taken.
    @Test func aProcessWithThreadsDoesNotFork() {
        var taken = 0
        let ran = ProcessWorkers.run(
            jobs: 2, next: { () -> Int? in
                taken += 1
                return nil
            },
            work: { (item: Int) in item }, encode: { _, _ in }, decode: { _ in nil }, same: { _, _ in true }, deliver: { _ in })
        #expect(!ran && taken == 0)
    }

    /// A checked script's record comes back as it went; a record cut anywhere, or followed by anything, is
    /// refused (so a worker that stopped mid-write is noticed, never misread).
    @Test func aCheckedScriptsRecordRoundTrips() throws {
        let root = try StreamingCheckTests.write([
            "a/2021.gov": "body 甲局\nyear 2021\ninclude \"part.gov\"\napplication new 3 granted 1\napplication new 1\n",
            "a/part.gov": "application carried 0\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        var walk = ScriptWalk(paths: [root.path])
        let found = walk.nextScript()
        let next = try #require(found)
        let checked = StreamingCheck.Checked(next, loader: ScriptLoader()) { path, evaluation in
            "\(path): \(evaluation.findings.count) 个发现"
        }
        #expect(checked.counts.errors > 0 && checked.includes.count == 1)
        var bytes: [UInt8] = []
        checked.encode(into: &bytes)
        let back = try #require(StreamingCheck.Checked<String>.decode(bytes))
        #expect(back.found == checked.found && back.rendered == checked.rendered && back.includes == checked.includes)
        #expect(back.counts.errors == checked.counts.errors && back.counts.warnings == checked.counts.warnings)
        #expect(back.counts.notes == checked.counts.notes && back.counts.unreadable == checked.counts.unreadable)
        #expect(back.facts.key == checked.facts.key && back.facts.body == checked.facts.body && back.facts.values == checked.facts.values)
        for length in 0..<bytes.count {
            #expect(StreamingCheck.Checked<String>.decode(Array(bytes.prefix(length))) == nil, "cut at \(length)")
        }
        #expect(StreamingCheck.Checked<String>.decode(bytes + [0]) == nil)
        // A rendering that cannot be sent writes nothing, and nothing decodes as one.
        let unsendable = StreamingCheck.Checked(next, loader: ScriptLoader()) { _, _ in [1, 2, 3] }
        var none: [UInt8] = []
        unsendable.encode(into: &none)
        #expect(none.isEmpty && StreamingCheck.Checked<[Int]>.decode(bytes) == nil)
    }
}

/// The real binary, its worker killed while it works: this process notices (the worker's pipe ends early),
/// stops the workers and checks the rest itself — the output is what `--jobs 1` prints.
struct WorkerLossCLITests {
    @Test func aKilledWorkerChangesNothingButTheTime() throws {
        let series = try ["2020", "2021", "2022"].map {
            try String(contentsOf: Paths.packageRoot.appendingPathComponent("examples/series/\($0).gov"), encoding: .utf8)
        }
        var files: [String: String] = [:]
        for body in 0..<300 {
            for (year, text) in zip(["2020", "2021", "2022"], series) {
                files["\(body)/\(year).gov"] = text.replacingOccurrences(of: "青禾县示范局", with: "青禾县示范\(body)局")
                    + (body % 50 == 7 && year == "2022" ? "application new 1\n" : "")
            }
        }
        let root = try StreamingCheckTests.write(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let expected = try runGov(["check", "--jobs", "1", root.path])
        #expect(expected.status == 1 && expected.stderr.contains("900 个文件"))

        let running = try startGov(["check", "--jobs", "2", root.path])
        // The worker is forked once this process reaches its first script: kill it as soon as it is there.
        var killed = false
        let pid = running.process.processIdentifier
        for _ in 0..<5_000 where running.process.isRunning && !killed {
            let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
            if let worker = children.split(separator: " ").first.flatMap({ Int32($0) }) {
                killed = kill(worker, SIGKILL) == 0
            } else {
                usleep(200)
            }
        }
        let run = running.finish()
        #expect(killed, "the worker was never seen")
        #expect(run.status == expected.status)
        #expect(run.stderr == expected.stderr && run.stdout == expected.stdout)
    }
}

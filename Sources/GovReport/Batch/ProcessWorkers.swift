#if canImport(Glibc)
import Glibc
#endif

/// `OrderedWorkers` with processes instead of threads: `jobs - 1` copies of this process (`fork`) each walk
/// the same items and do their turn of the runs (`owner(of:jobs:)`), sending each result back through a
/// pipe; this process does its own runs and hands every result over in item order, as `OrderedWorkers` does.
///
/// Why processes: two threads of one process cost 12–18 % more CPU than two processes doing the same work
/// (`perf`: glibc's allocator takes its locks once a second thread exists — `malloc` and `free` twice as
/// costly — and reference counts and the runtime's metadata cache bounce between cores when both threads
/// touch shared tables). Separate processes share nothing, so each runs at its single-thread speed.
///
/// Nothing is trusted that could differ: this process walks the items itself, and each result that comes
/// back must be for the item this process has at that position (`same`). A worker that stops (killed, out of
/// memory) or that saw a different directory (a file added mid-walk) is stopped with all the others, and
/// the rest of the items are done here — the output is the same, only slower.
package enum ProcessWorkers {
    /// Items a worker does in a row: enough that its pipe is written once per run, few enough that the
    /// processes finish close together.
    package static let chunk = 16
    /// Items this process does in a row: fewer, because it also hands every result over and, for `gov
    /// check`, does the cross-year phase alone at the end. Measured (`scripts/bench`, 12,000 files, two
    /// cores, nine runs each): 14 took 0.40 s, 15 0.38 s, 16 0.39 s, 17 0.40 s, 18 0.41 s, since checking a
    /// script got cheaper (14 was best when it cost a sixth more and handing over weighed more).
    package static let ownRun = 15

    /// Which process does the item at `position`: 0 is this one, the others are workers. Runs go round:
    /// `ownRun` items here, then `chunk` for each worker in turn.
    package static func owner(of position: Int, jobs: Int) -> Int {
        guard jobs > 1 else { return 0 }
        let place = position % (ownRun + (jobs - 1) * chunk)
        return place < ownRun ? 0 : 1 + (place - ownRun) / chunk
    }

    /// Does every item as `OrderedWorkers.run(jobs:…)` would, with up to `jobs - 1` worker processes. Returns
    /// false, having taken no item, when this process has another thread (`fork` would copy a lock that
    /// thread holds, locked forever): the caller then uses threads.
    ///
    /// The workers start when the first item that is theirs comes (a batch of `ownRun` items or fewer never
    /// starts one), as copies of this process at that moment: each goes on from that item with its own copy
    /// of the walk. If one cannot be started (no process or pipe to be had), every item is done here.
    package static func run<Item, Output>(
        jobs: Int, next: () -> Item?, work: (Item) -> Output,
        encode: (Output, inout [UInt8]) -> Void, decode: ([UInt8]) -> Output?, same: (Item, Output) -> Bool,
        deliver: (Output) -> Void
    ) -> Bool {
        #if os(Linux)
        let jobs = min(jobs, OrderedWorkers.maximumJobs)
        guard jobs > 1, threadCount() == 1 else { return false }
        var workers: [WorkerProcess] = []
        func stopAll() {
            workers.forEach { $0.stop() }
            workers = []
        }
        /// A worker's loop, from the item at `position` on.
        func workerLoop(_ pipe: WorkerProcess.Pipe, number: Int, first: Item, at position: Int) {
            var position = position
            var item: Item? = first
            var pending: [UInt8] = []
            while let current = item {
                if owner(of: position, jobs: jobs) == number {
                    var record: [UInt8] = []
                    encode(work(current), &record)
                    Varint.append(bytes: record, to: &pending)
                    if owner(of: position + 1, jobs: jobs) != number || pending.count >= 1 << 16 {
                        guard pipe.writeAll(pending) else { return }
                        pending.removeAll(keepingCapacity: true)
                    }
                }
                position += 1
                item = next()
            }
            _ = pipe.writeAll(pending)
        }
        var started = false
        merge(
            jobs: jobs, next: next, work: work,
            remote: { number, position, item in
                if !started {
                    started = true
                    for number in 1..<jobs {
                        guard let worker = WorkerProcess.start(closing: workers, body: { pipe in
                            workerLoop(pipe, number: number, first: item, at: position)
                        }) else {
                            stopAll()
                            return nil
                        }
                        workers.append(worker)
                    }
                }
                guard number <= workers.count else { return nil }
                return workers[number - 1].nextRecord().flatMap(decode)
            },
            same: same, stop: stopAll, deliver: deliver)
        stopAll()
        return true
        #else
        return false
        #endif
    }

    /// `run` where it can (`processes`, and this process has no other thread), else `OrderedWorkers`'s threads.
    package static func runOrThreads<Item, Output>(
        jobs: Int, processes: Bool = true, next: @escaping () -> Item?, work: @escaping @Sendable (Item) -> Output,
        encode: (Output, inout [UInt8]) -> Void, decode: ([UInt8]) -> Output?, same: (Item, Output) -> Bool,
        deliver: (Output) -> Void
    ) {
        let ran = processes && run(jobs: jobs, next: next, work: work, encode: encode, decode: decode, same: same, deliver: deliver)
        if !ran { OrderedWorkers.run(jobs: jobs, window: 16 * max(1, jobs) + 16, next: next, work: work, deliver: deliver) }
    }

    /// `runOrThreads` for results that encode themselves.
    package static func runOrThreads<Item, Output: WorkerPayload>(
        jobs: Int, next: @escaping () -> Item?, work: @escaping @Sendable (Item) -> Output,
        same: (Item, Output) -> Bool, deliver: (Output) -> Void
    ) {
        runOrThreads(
            jobs: jobs, next: next, work: work, encode: { output, bytes in output.encode(into: &bytes) },
            decode: { bytes in
                var reader = Varint.Reader(bytes: bytes, offset: 0)
                guard let output = Output(decoding: &reader), reader.offset == bytes.count else { return nil }
                return output
            },
            same: same, deliver: deliver)
    }

    /// This process's side, apart from processes and pipes (so that tests can drive it): items in order, each
    /// done here or taken from its worker (`remote(owner, position, item)`); the first result that is missing
    /// or is not for its item stops every worker (`stop`), and from then on every item is done here.
    package static func merge<Item, Output>(
        jobs: Int, next: () -> Item?, work: (Item) -> Output, remote: (_ owner: Int, _ position: Int, _ item: Item) -> Output?,
        same: (Item, Output) -> Bool, stop: () -> Void, deliver: (Output) -> Void
    ) {
        var position = 0
        var workersRunning = jobs > 1
        while let item = next() {
            let number = owner(of: position, jobs: jobs)
            defer { position += 1 }
            if workersRunning, number != 0 {
                if let output = remote(number, position, item), same(item, output) {
                    deliver(output)
                    continue
                }
                stop()
                workersRunning = false
            }
            deliver(work(item))
        }
    }

    #if os(Linux)
    /// Threads of this process: the entries of `/proc/self/task` (nil when it cannot be read).
    static func threadCount() -> Int? {
        guard let directory = opendir("/proc/self/task") else { return nil }
        defer { closedir(directory) }
        var count = 0
        while let entry = readdir(directory) {
            let isDot = withUnsafeBytes(of: entry.pointee.d_name) { $0.first == UInt8(ascii: ".") }
            if !isDot { count += 1 }
        }
        return count
    }
    #endif
}

import Foundation

/// Runs independent work on several threads and hands the results back in the order the items came, on
/// the calling thread — so a batch checked with `--jobs 8` prints the same bytes as with `--jobs 1`.
///
/// Items are taken from `next` one at a time (takers are serialized, so it may be a plain iterator such as
/// a directory walk) and at most `window` of them are in flight or waiting to be handed over (and as many
/// again may be being delivered): memory stays bounded however many items there are, and a slow item holds
/// up delivery, never correctness.
///
/// `jobs` threads do the work, and the calling thread is one of them: between its own items it delivers
/// whatever is ready, and it sleeps only when the window is full or no item is left. A thread is woken only
/// when there is something for it. (A calling thread that only delivered was a third thread on two cores,
/// woken for every result: 29,000 context switches for 12,000 scripts, and two threads cost 1.3–1.4 times
/// the CPU time of one — `perf stat`.)
package enum OrderedWorkers {
    /// The most threads a batch starts, whatever `--jobs` says: each has an 8 MiB stack, and
    /// `--jobs 100000000` would otherwise start threads until the system refused one.
    package static let maximumJobs = 256
    /// What `--jobs` accepts.
    package static let allowedJobs = 1...maximumJobs

    package static func run<Item, Output>(
        jobs: Int, window: Int, next: @escaping () -> Item?,
        work: @escaping @Sendable (Item) -> Output, deliver: (Output) -> Void
    ) {
        let jobs = min(jobs, maximumJobs)
        if jobs <= 1 {
            while let item = next() { deliver(work(item)) }
            return
        }
        let state = State<Item, Output>(next: next, window: max(window, jobs + 1))
        for _ in 1..<jobs {
            let thread = Thread { state.workLoop(work) }
            // Deeply nested input is bounded by the parser; the main thread's size is what it was tested with.
            thread.stackSize = 8 << 20
            thread.start()
        }
        while true {
            for output in state.readyInOrder() { deliver(output) }
            switch state.take(waiting: false) {
            case .item(let sequence, let item):
                state.finish(sequence, work(item))
            case .windowFull, .exhausted:
                guard let outputs = state.nextInOrder() else { return }
                for output in outputs { deliver(output) }
            }
        }
    }

    private enum Taken<Item> {
        case item(Int, Item)
        case windowFull
        case exhausted
    }

    private final class State<Item, Output>: @unchecked Sendable {
        /// Guards the counters and `finished`; never held while `next` or the work runs.
        private let lock = NSLock()
        /// The calling thread waits on this for results in order.
        private let resultsReady = NSCondition()
        /// Serializes takers; workers wait on it for room in the window.
        private let roomInWindow = NSCondition()
        private let next: () -> Item?
        private let window: Int
        private var taken = 0
        private var delivered = 0
        /// Every result before this index is finished (and not yet handed over, from `delivered` on).
        private var readyThrough = 0
        private var exhausted = false
        private var running = 0
        private var callerWaiting = false
        private var workersWaiting = 0
        private var finished: [Int: Output] = [:]

        init(next: @escaping () -> Item?, window: Int) {
            self.next = next
            self.window = window
        }

        func workLoop(_ work: @Sendable (Item) -> Output) {
            while case .item(let sequence, let item) = take(waiting: true) {
                finish(sequence, work(item))
            }
        }

        /// The next item and its position; with `waiting`, waits for room in the window.
        func take(waiting: Bool) -> Taken<Item> {
            var wakeCaller = false
            defer { if wakeCaller { signalCaller() } }
            // The caller takes resultsReady and then roomInWindow: never the other way round.
            roomInWindow.lock()
            defer { roomInWindow.unlock() }
            while true {
                lock.lock()
                if exhausted {
                    lock.unlock()
                    return .exhausted
                }
                if taken < delivered + window {
                    lock.unlock()
                    // Only takers change `taken`, and `delivered` only grows: the room is still there.
                    let item = next()
                    lock.lock()
                    defer { lock.unlock() }
                    guard let item else {
                        exhausted = true
                        wakeCaller = callerWaiting
                        return .exhausted
                    }
                    let sequence = taken
                    taken += 1
                    running += 1
                    return .item(sequence, item)
                }
                guard waiting else {
                    lock.unlock()
                    return .windowFull
                }
                workersWaiting += 1
                lock.unlock()
                roomInWindow.wait()
                lock.lock()
                workersWaiting -= 1
                lock.unlock()
            }
        }

        func finish(_ sequence: Int, _ output: Output) {
            lock.lock()
            finished[sequence] = output
            running -= 1
            while finished[readyThrough] != nil { readyThrough += 1 }
            let wake = callerWaiting && readyThrough > delivered
            lock.unlock()
            if wake { signalCaller() }
        }

        private func signalCaller() {
            resultsReady.lock()
            resultsReady.signal()
            resultsReady.unlock()
        }

        /// The results that are ready in order, without waiting (none, often).
        func readyInOrder() -> [Output] {
            lock.lock()
            let outputs = handOver()
            lock.unlock()
            if !outputs.isEmpty { wakeWorkers() }
            return outputs
        }

        /// The next results in item order, waiting for them; nil once every item has been delivered.
        func nextInOrder() -> [Output]? {
            resultsReady.lock()
            defer { resultsReady.unlock() }
            while true {
                lock.lock()
                let outputs = handOver()
                if !outputs.isEmpty {
                    lock.unlock()
                    wakeWorkers()
                    return outputs
                }
                if exhausted && running == 0 {
                    lock.unlock()
                    return nil
                }
                callerWaiting = true
                lock.unlock()
                resultsReady.wait()
                lock.lock()
                callerWaiting = false
                lock.unlock()
            }
        }

        /// Takes the finished results from `delivered` on out of `finished`; under `lock`.
        private func handOver() -> [Output] {
            guard readyThrough > delivered else { return [] }
            var outputs: [Output] = []
            outputs.reserveCapacity(readyThrough - delivered)
            for sequence in delivered..<readyThrough {
                if let output = finished.removeValue(forKey: sequence) { outputs.append(output) }
            }
            delivered = readyThrough
            return outputs
        }

        private func wakeWorkers() {
            lock.lock()
            let waiting = workersWaiting > 0
            lock.unlock()
            guard waiting else { return }
            roomInWindow.lock()
            roomInWindow.broadcast()
            roomInWindow.unlock()
        }
    }
}

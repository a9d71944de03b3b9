import Foundation

/// Runs independent work on several threads and hands the results back in the order the items came, on
/// the calling thread — so a batch checked with `--jobs 8` prints the same bytes as with `--jobs 1`.
///
/// Items are taken from `next` one at a time (under the lock, so it may be a plain iterator such as a
/// directory walk) and at most `window` of them are in flight or waiting to be handed over (and as many
/// again may be being delivered): memory stays bounded however many items there are, and a slow item holds
/// up delivery, never correctness.
///
/// Threads are woken only when there is something for them: the calling thread when `batch` results are
/// ready in order (or the work is done), a worker when the window has room again. Waking the calling
/// thread for every result cost two context switches a script — 29,000 for 12,000 scripts, a fifth of
/// the second core's time (`perf stat`).
package enum OrderedWorkers {
    package static func run<Item, Output>(
        jobs: Int, window: Int, batch: Int = 16, next: @escaping () -> Item?,
        work: @escaping @Sendable (Item) -> Output, deliver: (Output) -> Void
    ) {
        if jobs <= 1 {
            while let item = next() { deliver(work(item)) }
            return
        }
        let state = State<Item, Output>(next: next, window: max(window, jobs + 1), batch: max(1, batch))
        for _ in 0..<jobs {
            let thread = Thread { state.workLoop(work) }
            // Deeply nested input is bounded by the parser; the main thread's size is what it was tested with.
            thread.stackSize = 8 << 20
            thread.start()
        }
        while let outputs = state.nextInOrder() {
            for output in outputs { deliver(output) }
        }
    }

    private final class State<Item, Output>: @unchecked Sendable {
        private let lock = NSLock()
        /// The calling thread waits on this for results in order.
        private let resultsReady = NSCondition()
        /// Workers wait on this for room in the window.
        private let roomInWindow = NSCondition()
        private let next: () -> Item?
        private let window: Int
        private let batch: Int
        private var taken = 0
        private var delivered = 0
        /// Every result before this index is finished (and not yet delivered, from `delivered` on).
        private var readyThrough = 0
        private var exhausted = false
        private var running = 0
        private var callerWaiting = false
        private var workersWaiting = 0
        private var finished: [Int: Output] = [:]

        init(next: @escaping () -> Item?, window: Int, batch: Int) {
            self.next = next
            self.window = window
            self.batch = min(batch, window / 2 + 1)
        }

        func workLoop(_ work: @Sendable (Item) -> Output) {
            while let (sequence, item) = take() {
                let output = work(item)
                finish(sequence, output)
            }
        }

        /// The next item and its position, waiting for room in the window; nil when there are no more.
        private func take() -> (Int, Item)? {
            var wakeCaller = false
            defer { if wakeCaller { signalCaller() } }
            // The caller takes resultsReady and then roomInWindow: never the other way round.
            roomInWindow.lock()
            defer { roomInWindow.unlock() }
            while true {
                lock.lock()
                if exhausted {
                    lock.unlock()
                    return nil
                }
                if taken < delivered + window {
                    guard let item = next() else {
                        exhausted = true
                        wakeCaller = callerWaiting
                        lock.unlock()
                        return nil
                    }
                    let sequence = taken
                    taken += 1
                    running += 1
                    lock.unlock()
                    return (sequence, item)
                }
                workersWaiting += 1
                lock.unlock()
                roomInWindow.wait()
                lock.lock()
                workersWaiting -= 1
                lock.unlock()
            }
        }

        private func finish(_ sequence: Int, _ output: Output) {
            lock.lock()
            finished[sequence] = output
            running -= 1
            while finished[readyThrough] != nil { readyThrough += 1 }
            let wake = callerWaiting && (readyThrough - delivered >= batch || exhausted)
            lock.unlock()
            if wake { signalCaller() }
        }

        private func signalCaller() {
            resultsReady.lock()
            resultsReady.signal()
            resultsReady.unlock()
        }

        /// The next results in item order, waiting for them; nil once every item has been delivered.
        func nextInOrder() -> [Output]? {
            resultsReady.lock()
            defer { resultsReady.unlock() }
            while true {
                lock.lock()
                let ready = readyThrough - delivered
                let done = exhausted && running == 0
                if ready >= batch || (done || exhausted) && ready > 0 {
                    var outputs: [Output] = []
                    outputs.reserveCapacity(ready)
                    for sequence in delivered..<readyThrough {
                        if let output = finished.removeValue(forKey: sequence) { outputs.append(output) }
                    }
                    delivered = readyThrough
                    let wake = workersWaiting > 0
                    lock.unlock()
                    if wake {
                        roomInWindow.lock()
                        roomInWindow.broadcast()
                        roomInWindow.unlock()
                    }
                    return outputs
                }
                if done {
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
    }
}

import Foundation

/// Runs independent work on several threads and hands the results back in the order the items came, on
/// the calling thread — so a batch checked with `--jobs 8` prints the same bytes as with `--jobs 1`.
///
/// Items are taken from `next` one at a time (under the lock, so it may be a plain iterator such as a
/// directory walk) and at most `window` of them are in flight or waiting to be delivered: memory stays
/// bounded however many items there are, and a slow item holds up delivery, never correctness.
package enum OrderedWorkers {
    package static func run<Item, Output>(
        jobs: Int, window: Int, next: @escaping () -> Item?, work: @escaping @Sendable (Item) -> Output,
        deliver: (Output) -> Void
    ) {
        if jobs <= 1 {
            while let item = next() { deliver(work(item)) }
            return
        }
        let state = State<Item, Output>(next: next, window: max(window, jobs))
        for _ in 0..<jobs {
            let thread = Thread { state.workLoop(work) }
            // Deeply nested input is bounded by the parser; the main thread's size is what it was tested with.
            thread.stackSize = 8 << 20
            thread.start()
        }
        while let output = state.nextInOrder() { deliver(output) }
    }

    private final class State<Item, Output>: @unchecked Sendable {
        private let condition = NSCondition()
        private let next: () -> Item?
        private let window: Int
        private var taken = 0
        private var delivered = 0
        private var exhausted = false
        private var finished: [Int: Output] = [:]

        init(next: @escaping () -> Item?, window: Int) {
            self.next = next
            self.window = window
        }

        func workLoop(_ work: @Sendable (Item) -> Output) {
            while true {
                condition.lock()
                while !exhausted && taken >= delivered + window { condition.wait() }
                guard !exhausted, let item = next() else {
                    exhausted = true
                    condition.broadcast()
                    condition.unlock()
                    return
                }
                let sequence = taken
                taken += 1
                condition.unlock()

                let output = work(item)

                condition.lock()
                finished[sequence] = output
                condition.broadcast()
                condition.unlock()
            }
        }

        /// The next output in item order, waiting for it; nil once every item has been delivered.
        func nextInOrder() -> Output? {
            condition.lock()
            defer { condition.unlock() }
            while finished[delivered] == nil {
                if exhausted && delivered == taken { return nil }
                condition.wait()
            }
            let output = finished.removeValue(forKey: delivered)
            delivered += 1
            condition.broadcast()
            return output
        }
    }
}

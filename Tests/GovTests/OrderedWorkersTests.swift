import Foundation
import Testing

@testable import GovReport

/// `OrderedWorkers` hands results back in item order whatever the threads, window and batch, delivers every
/// item exactly once, and never holds more than twice `window` items (taken and not yet handed over, and
/// handed over and being delivered).
struct OrderedWorkersTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let items: Int
        let jobs: Int
        let window: Int
        let batch: Int
        var testDescription: String { "\(items) items, \(jobs) jobs, window \(window), batch \(batch)" }
    }

    static let cases: [Case] = [
        Case(items: 0, jobs: 2, window: 8, batch: 4),
        Case(items: 1, jobs: 2, window: 8, batch: 4),
        Case(items: 3, jobs: 4, window: 8, batch: 16),
        Case(items: 500, jobs: 1, window: 4, batch: 2),
        Case(items: 500, jobs: 2, window: 3, batch: 16),
        Case(items: 500, jobs: 2, window: 48, batch: 16),
        Case(items: 1000, jobs: 4, window: 5, batch: 1),
        Case(items: 1000, jobs: 3, window: 64, batch: 7),
    ]

    /// Counts taken and delivered items from any thread.
    final class Ledger: @unchecked Sendable {
        private let lock = NSLock()
        private var taken = 0
        private var delivered = 0
        private(set) var widest = 0

        func take() {
            lock.withLock {
                taken += 1
                widest = max(widest, taken - delivered)
            }
        }

        func deliver() { lock.withLock { delivered += 1 } }
    }

    @Test(arguments: cases)
    func deliversInOrderWithinTheWindow(_ c: Case) {
        var source = 0..<c.items
        let ledger = Ledger()
        var seen: [Int] = []
        OrderedWorkers.run(
            jobs: c.jobs, window: c.window,
            next: { () -> Int? in
                guard let item = source.popFirst() else { return nil }
                ledger.take()
                return item
            },
            work: { (item: Int) -> Int in
                // Uneven work, so later items often finish first.
                if item % 7 == 0 { usleep(UInt32(50 + item % 5 * 40)) }
                return item * 2
            },
            deliver: { (output: Int) in
                ledger.deliver()
                seen.append(output)
            })
        #expect(seen == (0..<c.items).map { $0 * 2 })
        // The window counts items taken and not handed over; as many again may be being delivered.
        #expect(ledger.widest <= 2 * max(c.window, c.jobs + 1))
    }

    /// `--jobs 100000000` starts at most `maximumJobs` threads (each has an 8 MiB stack) and still works.
    @Test func aHugeNumberOfJobsIsCapped() {
        var source = 0..<10
        var seen: [Int] = []
        OrderedWorkers.run(
            jobs: 100_000_000, window: 16, next: { () -> Int? in source.popFirst() }, work: { (item: Int) -> Int in item },
            deliver: { (output: Int) in seen.append(output) })
        #expect(seen == Array(0..<10))
    }
}

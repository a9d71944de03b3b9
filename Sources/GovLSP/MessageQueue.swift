import Foundation

/// Hands what the reader thread cut from stdin to the server's loop. The loop waits with a deadline, which
/// is how diagnostics are debounced: they are published when no message has come for a short while.
final class MessageQueue: @unchecked Sendable {
    enum Item {
        case event(MessageFramer.Event)
        /// The input ended (the editor went away).
        case end
    }

    private let condition = NSCondition()
    private var items: [Item] = []
    private var head = 0

    func put(_ item: Item) {
        condition.lock()
        items.append(item)
        condition.signal()
        condition.unlock()
    }

    /// The next item; nil when `deadline` passes first.
    func take(before deadline: Date?) -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count {
            if let deadline {
                if !condition.wait(until: deadline) { return nil }
            } else {
                condition.wait()
            }
        }
        let item = items[head]
        head += 1
        if head > 1024, head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        return item
    }
}

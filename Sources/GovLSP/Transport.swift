import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The pipes: a thread reads the input descriptor and cuts messages; writes go out whole, under a lock, so
/// two messages never interleave. Nothing else may write to the output: it belongs to the protocol.
final class Transport: @unchecked Sendable {
    let queue = MessageQueue()
    private let input: Int32
    private let output: Int32
    private let lock = NSLock()
    private(set) var outputBroken = false

    init(input: Int32, output: Int32) {
        self.input = input
        self.output = output
    }

    func startReading(maximumBody: Int) {
        let input = self.input
        let queue = self.queue
        let thread = Thread {
            var framer = MessageFramer(maximumBody: maximumBody)
            var chunk = [UInt8](repeating: 0, count: 64 << 10)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                for event in framer.feed(chunk[0..<count]) { queue.put(.event(event)) }
            }
            queue.put(.end)
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Writes one framed message.
    func send(_ message: JSON) {
        let body = message.encoded()
        var bytes = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        bytes.append(contentsOf: body)
        lock.lock()
        defer { lock.unlock() }
        guard !outputBroken else { return }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(output, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                outputBroken = true
                return
            }
            written += count
        }
    }
}

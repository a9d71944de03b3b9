import Foundation

/// Cuts a byte stream into JSON-RPC messages framed as the Language Server Protocol says: header lines
/// (`Content-Length: N`, optionally `Content-Type`), an empty line, then N bytes of JSON.
///
/// A broken stream never stops the server: bytes before a header are reported and skipped; a header without
/// a usable length, or with a length beyond `maximumBody`, is reported and the framer looks for the next
/// header, so a client's bug costs one message, not the session. The framer only cuts; it never blocks.
package struct MessageFramer: Sendable {
    package enum Event: Equatable, Sendable {
        case message([UInt8])
        /// Something in the stream that is not a message; the server answers with a JSON-RPC error.
        case malformed(String)
    }

    package static let defaultMaximumBody = 64 << 20
    static let maximumHeader = 16 << 10

    package let maximumBody: Int
    private var buffer: [UInt8] = []
    /// Where unread bytes start in `buffer` (consumed bytes are dropped in batches, not one message at a time).
    private var start = 0
    private var bodyLength: Int?

    package init(maximumBody: Int = MessageFramer.defaultMaximumBody) {
        self.maximumBody = maximumBody
    }

    package mutating func feed(_ bytes: some Collection<UInt8>) -> [Event] {
        buffer.append(contentsOf: bytes)
        var events: [Event] = []
        while let event = next() { events.append(event) }
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        return events
    }

    private mutating func next() -> Event? {
        if let length = bodyLength {
            guard buffer.count - start >= length else { return nil }
            let body = Array(buffer[start..<(start + length)])
            start += length
            bodyLength = nil
            return .message(body)
        }
        guard let end = headerEnd() else {
            if buffer.count - start > MessageFramer.maximumHeader {
                // No header in sight: keep only a tail that could be the start of one.
                start = buffer.count - 32
                return .malformed("no message header in \(MessageFramer.maximumHeader) bytes")
            }
            return nil
        }
        let header = String(decoding: buffer[start..<end], as: UTF8.self)
        start = end + 4
        return readHeader(header)
    }

    private mutating func readHeader(_ header: String) -> Event? {
        var junk = false
        var length: Int?
        var lengthText: String?
        for line in header.split(separator: "\r\n", omittingEmptySubsequences: false) {
            let lowered = line.lowercased()
            if let found = lowered.range(of: "content-length:") {
                if found.lowerBound != lowered.startIndex { junk = true }
                let value = lowered[found.upperBound...].trimmingCharacters(in: .whitespaces)
                lengthText = String(value)
                length = value.allSatisfy(\.isASCII) ? Int(value) : nil
            } else if !lowered.contains(":") {
                junk = true
            }
        }
        guard let lengthText else {
            return .malformed("a message without a Content-Length header")
        }
        guard let length, length >= 0 else {
            return .malformed("Content-Length is not a number: \(lengthText.prefix(40))")
        }
        guard length <= maximumBody else {
            return .malformed("Content-Length \(length) is larger than \(maximumBody) bytes")
        }
        bodyLength = length
        return junk ? .malformed("bytes before a message header") : next()
    }

    /// The offset of the `\r\n\r\n` that ends the header starting at `start`.
    private func headerEnd() -> Int? {
        var index = start
        while index + 3 < buffer.count {
            if buffer[index] == 13, buffer[index + 1] == 10, buffer[index + 2] == 13, buffer[index + 3] == 10 { return index }
            index += 1
        }
        return nil
    }
}

import Foundation
import Testing

import GovLSP

/// The protocol layer's two translations, tested without a process: cutting the byte stream into
/// messages, and UTF-16 positions against UTF-8 offsets.
@Suite struct LSPFramingTests {
    private func framed(_ body: String) -> [UInt8] {
        Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
    }

    @Test func messagesSplitAnywhereAreReassembled() {
        let stream = framed("{\"a\":\"微博\"}") + framed("{}")
        for cut in 0...stream.count {
            var framer = MessageFramer()
            let events = framer.feed(stream[0..<cut]) + framer.feed(stream[cut...])
            #expect(events == [.message(Array("{\"a\":\"微博\"}".utf8)), .message(Array("{}".utf8))], "cut at \(cut)")
        }
    }

    @Test(arguments: [
        ("Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}", 0, 1),
        ("content-length:2\r\n\r\n{}", 0, 1),
        ("{junk}Content-Length: 2\r\n\r\n{}", 1, 1),
        ("Content-Type: x\r\n\r\nContent-Length: 2\r\n\r\n{}", 1, 1),
        ("Content-Length: -4\r\n\r\nContent-Length: 2\r\n\r\n{}", 1, 1),
        ("Content-Length: 4x\r\n\r\nContent-Length: 2\r\n\r\n{}", 1, 1),
        ("Content-Length: 99999999999999999999999\r\n\r\nContent-Length: 2\r\n\r\n{}", 1, 1),
        ("Content-Length: 70000000\r\n\r\nContent-Length: 2\r\n\r\n{}", 1, 1),
    ])
    func brokenHeadersCostOneMessage(stream: String, malformed: Int, messages: Int) {
        var framer = MessageFramer()
        let events = framer.feed(Array(stream.utf8))
        #expect(events.filter { if case .malformed = $0 { return true } else { return false } }.count == malformed)
        #expect(events.filter { $0 == .message(Array("{}".utf8)) }.count == messages)
    }

    @Test func endlessBytesWithoutAHeaderAreDroppedNotKept() {
        var framer = MessageFramer()
        var malformed = 0
        for _ in 0..<100 {
            malformed += framer.feed([UInt8](repeating: UInt8(ascii: "x"), count: 4096)).count
        }
        #expect(malformed > 0)
        // The tail kept in case it began a header is reported too; the next message arrives whole.
        #expect(framer.feed(framed("{}")).last == .message(Array("{}".utf8)))
    }

    @Test func positionsCountUTF16Units() {
        // 微 is 3 bytes and 1 unit; 😀 is 4 bytes and 2 units; a CRLF line break is not part of the line.
        let text = "ab\r\n微博😀x\nlast"
        let index = LineIndex(Array(text.utf8))
        #expect(index.position(of: 4) == .init(line: 1, character: 0))
        #expect(index.position(of: 7) == .init(line: 1, character: 1))
        #expect(index.position(of: 10) == .init(line: 1, character: 2))
        #expect(index.position(of: 14) == .init(line: 1, character: 4))
        #expect(index.offset(of: .init(line: 1, character: 4)) == 14)
        #expect(index.offset(of: .init(line: 1, character: 3)) == 10)  // inside the surrogate pair: its start
        #expect(index.offset(of: .init(line: 0, character: 99)) == 2)  // past the end: before \r\n
        #expect(index.offset(of: .init(line: 9, character: 0)) == text.utf8.count)
        #expect(index.offset(of: .init(line: -1, character: -1)) == 0)
        #expect(index.position(of: 999) == .init(line: 2, character: 4))
        for offset in [0, 1, 2, 4, 7, 10, 14, 15, 16, 20] {
            #expect(index.offset(of: index.position(of: offset)) == offset, "round trip at \(offset)")
        }
    }
}

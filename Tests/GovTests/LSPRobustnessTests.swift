import Foundation
import Testing

import GovLSP

/// Hostile or broken clients, in process: mangled messages and parameters of the wrong shape never trap,
/// and every request still gets exactly one answer.
@Suite struct LSPRobustnessTests {
    /// A fixed-seed generator: the same mangling on every run.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
    }

    static let methods = [
        "textDocument/hover", "textDocument/completion", "textDocument/definition", "textDocument/formatting",
        "textDocument/codeAction", "textDocument/documentSymbol", "textDocument/didChange", "textDocument/didOpen",
        "textDocument/didClose", "shutdown", "initialize", "$/cancelRequest",
    ]

    static let oddValues: [JSON] = [
        .null, true, -1, 0, 99_999_999, .double(1.5), "", "file:///tmp/x.gov", "微博", [], [:], [.null], ["line": "a"],
        ["line": -3, "character": 99999], ["start": ["line": 0, "character": 0], "end": ["line": -1, "character": 2]],
    ]

    @Test func deeplyNestedJSONIsRefusedNotFollowed() {
        var out: [JSON] = []
        let server = LanguageServer { out.append($0) }
        server.receive(Array(String(repeating: "[", count: 100_000).utf8))
        server.receive(Array(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}").utf8))
        #expect(out.count == 2)
        #expect(out.allSatisfy { $0["error"] != nil })
    }

    @Test func mangledMessagesAndOddParametersAreAnswered() {
        var random = Generator(state: 11)
        var out: [JSON] = []
        let server = LanguageServer { out.append($0) }
        let uri = "file:///tmp/gov-lsp-robust/甲.gov"
        let initialize: JSON = ["jsonrpc": "2.0", "id": 0, "method": "initialize", "params": [:]]
        server.receive([UInt8](initialize.encoded()))
        let open: JSON = [
            "jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": ["textDocument": ["uri": .string(uri), "version": 1, "text": "body 某\nyear 2021\nchanel 微博 3\ntext \"{application.nwe}😀\"\n"]],
        ]
        server.receive([UInt8](open.encoded()))
        var requests = 0
        for round in 0..<1500 {
            let method = Self.methods[random.next(Self.methods.count)]
            var params: [String: JSON] = [
                "textDocument": random.next(4) == 0 ? Self.oddValues[random.next(Self.oddValues.count)] : ["uri": .string(uri), "version": .int(round)],
                "position": random.next(3) == 0 ? Self.oddValues[random.next(Self.oddValues.count)] : ["line": .int(random.next(6) - 1), "character": .int(random.next(40) - 2)],
                "range": Self.oddValues[random.next(Self.oddValues.count)],
            ]
            if method.hasSuffix("didChange") {
                params["contentChanges"] = [["range": ["start": ["line": .int(random.next(5)), "character": .int(random.next(30))], "end": ["line": .int(random.next(5)), "character": .int(random.next(30))]], "text": .string(["微", "😀", "\n", "", "x\r\n", "\"{"][random.next(6)])]]
            }
            let isRequest = !method.hasPrefix("textDocument/did") && method != "$/cancelRequest" && method != "shutdown"
            var message: [String: JSON] = ["jsonrpc": "2.0", "method": .string(method), "params": .object(params)]
            if isRequest { message["id"] = .int(round + 1) }
            var bytes = [UInt8](JSON.object(message).encoded())
            // One message in five is mangled: a byte changed, or the body cut short.
            if random.next(5) == 0, !bytes.isEmpty {
                if random.next(2) == 0 { bytes[random.next(bytes.count)] = UInt8(random.next(256)) } else { bytes = Array(bytes.prefix(random.next(bytes.count))) }
            } else if isRequest {
                requests += 1
            }
            let before = out.count
            server.receive(bytes)
            if isRequest, bytes == [UInt8](JSON.object(message).encoded()) {
                #expect(out[before...].contains { $0["id"] == .int(round + 1) }, "\(method) answered")
            }
            server.publishChanged()
        }
        #expect(requests > 500)
    }
}

import Foundation
import Testing

@testable import Gov
import GovLSP

/// `gov lsp` as an editor meets it: the real binary, spoken to over pipes.
@Suite struct LSPSessionTests {
    static let chineseLine = "text \"😀全年新收申请{application.nwe}件。\""

    static let script = """
        body 某某县人民政府
        year   2021
        section overview
        \(chineseLine)
        section applications
        application new 4 granted 2 carried 1 forward 3

        """

    @Test func aWholeSession() throws {
        let client = try LSPClient()
        let initialized = try #require(client.initialize())
        let capabilities = try #require(initialized["result"]?["capabilities"])
        #expect(capabilities["hoverProvider"] == true)
        #expect(capabilities["documentFormattingProvider"] == true)

        let uri = "file:///tmp/gov-lsp-test/本年.gov"
        client.notify("textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": "gov", "version": 1, "text": .string(Self.script)]])
        let diagnostics = try #require(client.diagnostics(uri))
        let unknown = try #require(diagnostics.first { $0["code"] == "E035" })
        // `nwe` starts after `text "😀全年新收申请{application.`: 27 UTF-16 units (😀 is two units and 4 bytes;
        // the 6 CJK characters one unit each, though 18 bytes), and is 3 units long.
        #expect(unknown["range"] == ["start": .position(3, 27), "end": .position(3, 30)])
        #expect(unknown["severity"] == 1)
        #expect(unknown["message"]?.string?.contains("是不是想写 “new”") == true)

        // The quick fix for it.
        let actions = try #require(
            client.request("textDocument/codeAction", [
                "textDocument": .document(uri), "range": ["start": .position(3, 28), "end": .position(3, 28)], "context": ["diagnostics": []],
            ])?["result"]?.array)
        let fix = try #require(actions.first)
        #expect(fix["title"] == "改为 “new”")
        #expect(fix["edit"]?["changes"]?[uri]?.array?.first?["newText"] == "new")

        // Correcting the line (an incremental change: `nwe` becomes `new`) clears it.
        client.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(uri), "version": 2],
            "contentChanges": [["range": ["start": .position(3, 27), "end": .position(3, 30)], "text": "new"]],
        ])
        let after = try #require(client.diagnostics(uri) { list in !list.contains { $0["code"] == "E035" } })
        #expect(!after.contains { $0["code"] == "E035" })

        // Completion after `application n` offers the rows that start with n.
        let completion = try #require(
            client.request("textDocument/completion", ["textDocument": .document(uri), "position": .position(5, 13)])?["result"]?["items"]?.array)
        let labels = completion.compactMap { $0["label"]?.string }
        #expect(labels.contains("new"))
        #expect(labels.contains("not_held"))

        // Hover on `granted 2`: the official label, the value and where it came from, its rules.
        let hover = try #require(
            client.request("textDocument/hover", ["textDocument": .document(uri), "position": .position(5, 20)])?["result"]?["contents"]?["value"]?.string)
        #expect(hover.contains("予以公开"))
        #expect(hover.contains("**2**"))
        #expect(hover.contains("A3"))

        // Formatting gives the `gov fmt` text.
        let edits = try #require(
            client.request("textDocument/formatting", ["textDocument": .document(uri), "options": ["tabSize": 4, "insertSpaces": true]])?["result"]?.array)
        let current = Self.script.replacingOccurrences(of: "nwe", with: "new")
        #expect(!edits.isEmpty)
        #expect(LSPSessionTests.apply(edits, to: current) == Gov.format(source: current))

        #expect(client.request("shutdown")?["result"] == .null)
        client.notify("exit", .null)
        #expect(client.waitForExit() == 0)
    }

    @Test func malformedMessagesGetErrorsAndTheServerGoesOn() throws {
        let client = try LSPClient()
        // Before initialize, a request is refused with the protocol's code.
        #expect(client.request("textDocument/hover", [:])?["error"]?["code"] == -32002)
        #expect(client.initialize()?["result"] != nil)

        // Bad JSON: a parse error with a null id.
        client.sendRaw(Array("Content-Length: 9\r\n\r\n{\"jsonrpc".utf8))
        #expect(client.waitFor { $0["error"]?["code"] == -32700 }?["id"] == .null)
        // A body with no header before the next message: reported; the message after it is still answered.
        client.sendRaw(Array("{\"jsonrpc\":\"2.0\",\"id\":77,\"method\":\"shutdown\"}".utf8))
        #expect(client.request("textDocument/documentSymbol", ["textDocument": .document("file:///nowhere.gov")])?["error"]?["code"] == -32602)
        #expect(client.waitFor { $0["error"]?["code"] == -32700 } != nil)
        // An unknown request: method not found, with its id; an unknown notification: nothing.
        client.notify("gov/nothing", [:])
        #expect(client.request("workspace/unknownThing", [:])?["error"]?["code"] == -32601)
        // A huge Content-Length is refused without waiting for (or allocating) the body.
        client.sendRaw(Array("Content-Length: 99999999999\r\n\r\n".utf8))
        #expect(client.waitFor { $0["error"]?["code"] == -32700 && $0["error"]?["message"]?.string?.contains("larger") == true } != nil)
        client.sendRaw(Array("Content-Length: 123456789012345678901234567890\r\n\r\n".utf8))
        #expect(client.waitFor { $0["error"]?["code"] == -32700 } != nil)
        // Valid JSON that is not a request.
        client.send([1, 2, 3])
        #expect(client.waitFor { $0["error"]?["code"] == -32600 } != nil)
        client.send(["jsonrpc": "2.0", "id": ["nested": true], "method": "shutdown"])
        #expect(client.waitFor { $0["error"]?["code"] == -32600 } != nil)
        // A change to a document never opened, and positions far outside a document, are survived.
        client.notify("textDocument/didChange", ["textDocument": ["uri": "file:///never.gov", "version": 1], "contentChanges": [["text": "x"]]])
        let uri = "file:///tmp/gov-lsp-test/edge.gov"
        client.notify("textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": "gov", "version": 1, "text": "body 某\n"]])
        _ = client.diagnostics(uri)
        client.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(uri), "version": 2],
            "contentChanges": [["range": ["start": .position(-5, 9999), "end": .position(9999, -1)], "text": "微"]],
        ])
        #expect(client.request("textDocument/hover", ["textDocument": .document(uri), "position": .position(99999, 99999)])?["result"] == .null)

        // Still alive and well: it shuts down cleanly.
        #expect(client.request("shutdown")?["result"] == .null)
        #expect(client.request("textDocument/hover", ["textDocument": .document(uri), "position": .position(0, 0)])?["error"]?["code"] == -32600)
        client.notify("exit", .null)
        #expect(client.waitForExit() == 0)
    }

    @Test func exitWithoutShutdownAndTheEndOfInputEndTheServer() throws {
        let first = try LSPClient()
        _ = first.initialize()
        first.notify("exit", .null)
        #expect(first.waitForExit() == 1)

        let second = try LSPClient()
        _ = second.initialize()
        #expect(second.waitForExit() == 1)  // stdin closed without shutdown
    }

    @Test func aBurstOfChangesIsCheckedOnceItRests() throws {
        let client = try LSPClient(debounceMilliseconds: 400)
        _ = client.initialize()
        let uri = "file:///tmp/gov-lsp-test/burst.gov"
        client.notify("textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": "gov", "version": 1, "text": "body 某\nyear 2021\n"]])
        _ = try #require(client.diagnostics(uri))
        // Twenty keystrokes typing `channel 微博 3` and more: one check, of the last version.
        let typed = Array("channel 微博 3 #微博".unicodeScalars)
        var column = 0
        for (step, scalar) in typed.enumerated() {
            client.notify("textDocument/didChange", [
                "textDocument": ["uri": .string(uri), "version": .int(step + 2)],
                "contentChanges": [["range": ["start": .position(2, column), "end": .position(2, column)], "text": .string(String(scalar))]],
            ])
            column += String(scalar).utf16.count
        }
        let published = try #require(client.waitFor { $0["method"]?.string == "textDocument/publishDiagnostics" })
        #expect(published["params"]?["version"]?.int == typed.count + 1)
        #expect(published["params"]?["diagnostics"]?.array?.isEmpty == true)
        // Nothing was published for the intermediate versions (the server answers in order, so whatever it
        // sent before the answer to `shutdown` has arrived by then).
        _ = client.request("shutdown")
        #expect(client.waitFor(timeout: 0) { $0["method"]?.string == "textDocument/publishDiagnostics" && $0["params"]?["version"]?.int != typed.count + 1 } == nil)
        client.notify("exit", .null)
        #expect(client.waitForExit() == 0)
    }

    @Test func anIncludedFileFixedOnDiskClearsTheFindingItCaused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gov-lsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let common = directory.appendingPathComponent("共用.gov")
        try "chanel 微博 3\n".write(to: common, atomically: true, encoding: .utf8)
        let main = directory.appendingPathComponent("2021.gov")
        let text = "body 某\nyear 2021\ninclude \"共用.gov\"\n"
        try text.write(to: main, atomically: true, encoding: .utf8)

        let client = try LSPClient()
        _ = client.initialize()
        let uri = main.absoluteString
        client.notify("textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": "gov", "version": 1, "text": .string(text)]])
        let before = try #require(client.diagnostics(uri))
        let finding = try #require(before.first { $0["code"] == "E010" })
        // Shown on the include's string (line 2, after `include `), pointing into the included file.
        #expect(finding["range"]?["start"] == .position(2, 8))
        #expect(finding["relatedInformation"]?.array?.first?["location"]?["uri"]?.string == common.absoluteString)

        try "channel 微博 3\n".write(to: common, atomically: true, encoding: .utf8)
        client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string(common.absoluteString), "type": 2]]])
        let after = try #require(client.diagnostics(uri) { list in !list.contains { $0["code"] == "E010" } })
        #expect(after.isEmpty)
        _ = client.request("shutdown")
        client.notify("exit", .null)
        #expect(client.waitForExit() == 0)
    }

    /// Applies text edits (UTF-16 positions) the way an editor does, last first.
    static func apply(_ edits: [JSON], to text: String) -> String {
        var bytes = Array(text.utf8)
        let sorted = edits.sorted { (offset($0["range"]?["start"], bytes) ?? 0) > (offset($1["range"]?["start"], bytes) ?? 0) }
        for edit in sorted {
            guard let start = offset(edit["range"]?["start"], bytes), let end = offset(edit["range"]?["end"], bytes),
                let newText = edit["newText"]?.string
            else { continue }
            bytes.replaceSubrange(start..<end, with: Array(newText.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func offset(_ position: JSON?, _ bytes: [UInt8]) -> Int? {
        guard let line = position?["line"]?.int, let character = position?["character"]?.int else { return nil }
        return LineIndex(bytes).offset(of: LineIndex.Position(line: line, character: character))
    }
}

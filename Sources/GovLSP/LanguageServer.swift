import Foundation
import GovIDE

/// `gov lsp`: the Language Server Protocol over stdin/stdout. This file is the protocol's life cycle —
/// initialize, requests and notifications, shutdown and exit — and the debounce of diagnostics; the
/// features (`LanguageServer+Features.swift`) call the analysis in GovIDE, which knows nothing of JSON-RPC.
package final class LanguageServer {
    package struct Options: Sendable {
        /// How long the text must rest after a change before it is checked and diagnostics are published.
        package var debounce: TimeInterval = 0.15
        package var maximumMessage = MessageFramer.defaultMaximumBody
        /// Reported to the editor in `serverInfo`.
        package var serverVersion = "0"
        package init() {}
    }

    enum ErrorCode {
        static let parseError = -32700
        static let invalidRequest = -32600
        static let methodNotFound = -32601
        static let invalidParams = -32602
        static let serverNotInitialized = -32002
    }

    let options: Options
    /// Where messages go: the transport's `send` when running, a collector in tests.
    let send: (JSON) -> Void
    var documents = OpenDocuments()
    private var initialized = false
    private var shutdownRequested = false
    /// Set by `exit`: the status the process ends with (0 after shutdown, 1 without, as the protocol says).
    private(set) var exitStatus: Int32?
    /// Documents changed since diagnostics were last published, and when they may be published.
    private var changedPaths = Set<String>()
    private(set) var publishDeadline: Date?

    package init(options: Options = Options(), send: @escaping (JSON) -> Void) {
        self.options = options
        self.send = send
    }

    /// Serves until `exit` or the end of the input; returns the exit status.
    package static func run(input: Int32 = 0, output: Int32 = 1, options: Options = Options()) -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        let transport = Transport(input: input, output: output)
        let server = LanguageServer(options: options, send: transport.send)
        transport.startReading(maximumBody: options.maximumMessage)
        while server.exitStatus == nil, !transport.outputBroken {
            guard let item = transport.queue.take(before: server.publishDeadline) else {
                server.publishChanged()
                continue
            }
            switch item {
            case .end:
                return server.shutdownRequested ? 0 : 1
            case .event(.malformed(let reason)):
                server.send(LanguageServer.error(id: .null, code: ErrorCode.parseError, message: reason))
            case .event(.message(let bytes)):
                server.receive(bytes)
            }
        }
        return server.exitStatus ?? 1
    }

    /// One message's bytes: parsed, checked for the shape JSON-RPC requires, and handled.
    package func receive(_ bytes: [UInt8]) {
        guard let message = try? JSON.parse(Data(bytes)) else {
            send(LanguageServer.error(id: .null, code: ErrorCode.parseError, message: "the message is not valid JSON"))
            return
        }
        guard case .object = message, let method = message["method"]?.string else {
            // A response to a request of ours (we send none) or no message at all.
            if message["id"] != nil, message["result"] != nil || message["error"] != nil { return }
            var id = JSON.null
            if let given = message["id"], given.int != nil || given.string != nil { id = given }
            send(LanguageServer.error(id: id, code: ErrorCode.invalidRequest, message: "not a JSON-RPC request or notification"))
            return
        }
        let params = message["params"] ?? .null
        if let id = message["id"] {
            switch id {
            case .int, .string: request(id: id, method: method, params: params)
            default: send(LanguageServer.error(id: .null, code: ErrorCode.invalidRequest, message: "a request id is a number or a string"))
            }
        } else {
            notification(method: method, params: params)
        }
    }

    private func request(id: JSON, method: String, params: JSON) {
        if shutdownRequested {
            send(LanguageServer.error(id: id, code: ErrorCode.invalidRequest, message: "the server is shutting down"))
            return
        }
        if method == "initialize" {
            initialized = true
            send(LanguageServer.result(id: id, initializeResult()))
            return
        }
        guard initialized else {
            send(LanguageServer.error(id: id, code: ErrorCode.serverNotInitialized, message: "initialize first"))
            return
        }
        let answer: Result<JSON, RequestError>
        switch method {
        case "shutdown":
            shutdownRequested = true
            answer = .success(.null)
        case "textDocument/hover": answer = hover(params)
        case "textDocument/completion": answer = completion(params)
        case "textDocument/definition": answer = definition(params)
        case "textDocument/formatting": answer = formatting(params)
        case "textDocument/codeAction": answer = codeActions(params)
        case "textDocument/documentSymbol": answer = symbols(params)
        default:
            answer = .failure(RequestError(code: ErrorCode.methodNotFound, message: "no method \(method)"))
        }
        switch answer {
        case .success(let result): send(LanguageServer.result(id: id, result))
        case .failure(let failure): send(LanguageServer.error(id: id, code: failure.code, message: failure.message))
        }
    }

    private func notification(method: String, params: JSON) {
        if method == "exit" {
            exitStatus = shutdownRequested ? 0 : 1
            return
        }
        guard initialized else { return }
        switch method {
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didClose": didClose(params)
        case "workspace/didChangeWatchedFiles": filesChanged(params)
        default: return  // initialized, didSave, $/cancelRequest, $/setTrace…: nothing to do
        }
    }

    // MARK: - Documents and diagnostics

    private func didOpen(_ params: JSON) {
        let item = params["textDocument"]
        guard let uri = item?["uri"]?.string, let text = item?["text"]?.string else { return }
        documents.open(uri: uri, text: text, version: item?["version"]?.int ?? 0)
        // Opening is a deliberate act: answer at once, and re-check what reads this file.
        changedPaths.insert(DocumentURI.path(of: uri))
        publishChanged()
    }

    private func didChange(_ params: JSON) {
        guard let uri = params["textDocument"]?["uri"]?.string, let list = params["contentChanges"]?.array else { return }
        let changes = list.compactMap { change -> (range: (LineIndex.Position, LineIndex.Position)?, text: String)? in
            guard let text = change["text"]?.string else { return nil }
            guard let range = change["range"] else { return (nil, text) }
            guard let from = LanguageServer.position(range["start"]), let to = LanguageServer.position(range["end"]) else { return nil }
            return ((from, to), text)
        }
        guard documents.change(uri: uri, version: params["textDocument"]?["version"]?.int ?? 0, changes: changes) else { return }
        changedPaths.insert(DocumentURI.path(of: uri))
        publishDeadline = Date().addingTimeInterval(options.debounce)
    }

    private func didClose(_ params: JSON) {
        guard let uri = params["textDocument"]?["uri"]?.string else { return }
        documents.close(uri: uri)
        send(["jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": ["uri": .string(uri), "diagnostics": []]])
        changedPaths.insert(DocumentURI.path(of: uri))
        publishChanged()
    }

    /// A file changed on disk (an included or last year's script the editor does not hold open): the open
    /// documents that read it are checked again, after the same pause as an edit.
    private func filesChanged(_ params: JSON) {
        let uris = (params["changes"]?.array ?? []).compactMap { $0["uri"]?.string }
        guard !uris.isEmpty else { return }
        documents.invalidate()
        for uri in uris { changedPaths.insert(DocumentURI.path(of: uri)) }
        publishDeadline = Date().addingTimeInterval(options.debounce)
    }

    /// Checks every open document that reads a changed file and publishes its diagnostics.
    package func publishChanged() {
        publishDeadline = nil
        var uris = Set<String>()
        for path in changedPaths { uris.formUnion(documents.readers(of: path)) }
        changedPaths.removeAll()
        for uri in uris.sorted() { publishDiagnostics(uri) }
    }

    func publishDiagnostics(_ uri: String) {
        guard let document = documents[uri], let checked = documents.check(uri: uri) else { return }
        let values = values(for: document)
        send([
            "jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
            "params": ["uri": .string(uri), "version": .int(document.version), "diagnostics": .array(checked.findings.map(values.diagnostic))],
        ])
    }

    func values(for document: OpenDocuments.Document) -> ProtocolValues {
        let documents = self.documents
        return ProtocolValues(index: document.index, uri: document.uri) { path in
            if let open = documents.snapshot[path: path] { return LineIndex(open) }
            return FileManager.default.contents(atPath: path).map { LineIndex([UInt8]($0)) }
        }
    }

    // MARK: - Messages

    struct RequestError: Error {
        let code: Int
        let message: String
    }

    static func result(id: JSON, _ result: JSON) -> JSON {
        ["jsonrpc": "2.0", "id": id, "result": result]
    }

    static func error(id: JSON, code: Int, message: String) -> JSON {
        ["jsonrpc": "2.0", "id": id, "error": ["code": .int(code), "message": .string(message)]]
    }

    static func position(_ json: JSON?) -> LineIndex.Position? {
        guard let line = json?["line"]?.int, let character = json?["character"]?.int else { return nil }
        return LineIndex.Position(line: line, character: character)
    }
}

import Foundation
import GovLSP

/// A real client for `gov lsp`: starts the built binary and speaks the protocol over pipes. Every wait has
/// a deadline, so a server that hangs fails the test instead of stalling the suite.
final class LSPClient: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let condition = NSCondition()
    private var received: [JSON] = []
    private var nextID = 0
    static let timeout: TimeInterval = 20

    init(debounceMilliseconds: Int = 20) throws {
        // A server that has gone must fail a test, not kill the test runner with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        process.executableURL = Paths.gov
        process.arguments = ["lsp", "--debounce", String(debounceMilliseconds)]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let handle = output.fileHandleForReading
        let thread = Thread { [weak self] in
            var framer = MessageFramer()
            while true {
                let data = handle.availableData
                guard !data.isEmpty else { break }
                for case .message(let bytes) in framer.feed(data) {
                    guard let message = try? JSON.parse(Data(bytes)) else { continue }
                    self?.deliver(message)
                }
            }
        }
        thread.start()
    }

    private func deliver(_ message: JSON) {
        condition.lock()
        received.append(message)
        condition.broadcast()
        condition.unlock()
    }

    func sendRaw(_ bytes: [UInt8]) {
        input.fileHandleForWriting.write(Data(bytes))
    }

    func send(_ message: JSON) {
        let body = message.encoded()
        sendRaw(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + [UInt8](body))
    }

    func notify(_ method: String, _ params: JSON) {
        send(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    /// Sends a request and waits for its response (nil on timeout).
    func request(_ method: String, _ params: JSON = .null) -> JSON? {
        nextID += 1
        let id = nextID
        send(["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params])
        return waitFor { $0["id"] == .int(id) }
    }

    /// The first message received (now or until the deadline) that matches, removed from the inbox.
    func waitFor(timeout: TimeInterval = LSPClient.timeout, _ matches: (JSON) -> Bool) -> JSON? {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let index = received.firstIndex(where: matches) { return received.remove(at: index) }
            guard condition.wait(until: deadline) else { return nil }
        }
    }

    /// The next diagnostics published for `uri` that satisfy `accept`.
    func diagnostics(_ uri: String, where accept: ([JSON]) -> Bool = { _ in true }) -> [JSON]? {
        waitFor { message in
            message["method"]?.string == "textDocument/publishDiagnostics" && message["params"]?["uri"]?.string == uri
                && accept(message["params"]?["diagnostics"]?.array ?? [])
        }?["params"]?["diagnostics"]?.array
    }

    /// Waits for the process to end; kills it if it does not within the timeout. Returns its status.
    func waitForExit() -> Int32? {
        input.fileHandleForWriting.closeFile()
        let deadline = Date().addingTimeInterval(LSPClient.timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        guard !process.isRunning else {
            process.terminate()
            return nil
        }
        return process.terminationStatus
    }

    func initialize() -> JSON? {
        let result = request("initialize", ["processId": .null, "rootUri": .null, "capabilities": [:]])
        notify("initialized", [:])
        return result
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}

extension JSON {
    /// `["line": l, "character": c]`.
    static func position(_ line: Int, _ character: Int) -> JSON { ["line": .int(line), "character": .int(character)] }

    static func document(_ uri: String) -> JSON { ["uri": .string(uri)] }
}

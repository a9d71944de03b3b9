import Foundation
import Testing
import GovReport
import GovRender
import GovLanguage

/// A program running in a real pseudo-terminal, driven like a person at a keyboard: tmux on a private
/// socket (no user configuration, UTF-8 forced), keys sent with `send-keys`, the screen read with
/// `capture-pane`. `scripts/setup` installs tmux; CI does too.
final class TerminalSession {
    let socket: String
    private static let session = "gov"

    static var isAvailable: Bool {
        (try? TerminalSession.tmux(["-V"], socket: "/dev/null").status) == 0
    }

    /// Starts `command` (a shell command line) in a `columns`×`rows` terminal.
    init(_ command: String, columns: Int = 120, rows: Int = 50) throws {
        socket = FileManager.default.temporaryDirectory.appendingPathComponent("gov-tmux-\(UUID().uuidString.prefix(8))").path
        let status = TerminalSession.spawnServer(
            ["new-session", "-d", "-s", TerminalSession.session, "-x", String(columns), "-y", String(rows), command], socket: socket)
        guard status == 0 else { throw TerminalError.couldNotStart("tmux new-session exited with \(status)") }
    }

    deinit { close() }

    func close() {
        _ = try? TerminalSession.tmux(["kill-server"], socket: socket)
        try? FileManager.default.removeItem(atPath: socket)
    }

    /// Types text literally (Chinese included).
    func type(_ text: String) {
        _ = try? TerminalSession.tmux(["send-keys", "-t", TerminalSession.session, "-l", text], socket: socket)
    }

    /// Presses keys by tmux name: Enter, Tab, Up, Left, BSpace, C-c, C-d.
    func press(_ keys: String...) {
        _ = try? TerminalSession.tmux(["send-keys", "-t", TerminalSession.session] + keys, socket: socket)
    }

    /// The whole screen and its scrollback, wrapped lines joined.
    func screen() -> String {
        (try? TerminalSession.tmux(["capture-pane", "-p", "-J", "-S", "-", "-t", TerminalSession.session], socket: socket).output) ?? ""
    }

    /// Waits until the screen shows `text`; records an issue with the screen when it does not in time.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 15, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if screen().contains(text) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("the terminal never showed \(text.debugDescription); screen:\n\(screen())", sourceLocation: sourceLocation)
        return false
    }

    /// Waits until the last line on the screen is an empty prompt: after Ctrl-C, a person types the next
    /// line once they see the new prompt, not before.
    @discardableResult
    func waitForEmptyPrompt(_ prompt: String = "gov>", timeout: TimeInterval = 15, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let lines = screen().split(separator: "\n", omittingEmptySubsequences: false)
            if let last = lines.last(where: { !$0.allSatisfy(\.isWhitespace) }),
               last.trimmingCharacters(in: .whitespaces) == prompt {
                return true
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("the terminal never showed an empty \(prompt.debugDescription); screen:\n\(screen())", sourceLocation: sourceLocation)
        return false
    }

    /// The screen after the last prompt: what the line editor currently shows.
    func currentLine() -> String {
        let text = screen().trimmingCharacters(in: .whitespacesAndNewlines)
        guard let range = text.range(of: "gov> ", options: .backwards) else { return text }
        return String(text[range.upperBound...])
    }

    enum TerminalError: Error {
        case couldNotStart(String)
    }

    /// The tmux server outlives the command that starts it, so it is started as a person's shell would
    /// start it: default signal dispositions, nothing blocked (a test runner's threads block signals, and the
    /// mask is inherited), and no pipe of ours held open by the daemon.
    private static func spawnServer(_ arguments: [String], socket: String) -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var nothing = sigset_t()
        sigemptyset(&nothing)
        posix_spawnattr_setsigmask(&attributes, &nothing)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGHUP, SIGTERM, SIGQUIT, SIGCHLD, SIGPIPE, SIGWINCH, SIGTSTP, SIGTTIN, SIGTTOU, SIGCONT] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        let argv = (["tmux", "-S", socket, "-f", "/dev/null", "-u"] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawnp(&pid, "tmux", &actions, &attributes, argv, envp) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return status
    }

    private static func tmux(_ arguments: [String], socket: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "-S", socket, "-f", "/dev/null", "-u"] + arguments
        var environment = ProcessInfo.processInfo.environment
        // tmux itself must read and draw UTF-8; the program inside gets the environment its command line sets.
        environment["LC_ALL"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

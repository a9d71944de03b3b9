import Foundation

/// Where the REPL keeps what outlives a session: `$XDG_STATE_HOME/gov`, or `~/.local/state/gov` when
/// XDG_STATE_HOME is unset, empty or relative (the XDG spec says to ignore a relative one). Created with
/// mode 0700: history and unsaved sessions are the clerk's own.
package struct StateDirectory: Sendable, Equatable {
    package let path: String

    package init(path: String) {
        self.path = path
    }

    /// Nil when neither XDG_STATE_HOME nor HOME says where the user's state lives.
    package static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) -> StateDirectory? {
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            return StateDirectory(path: (xdg as NSString).appendingPathComponent("gov"))
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return StateDirectory(path: (home as NSString).appendingPathComponent(".local/state/gov"))
    }

    package var historyPath: String { (path as NSString).appendingPathComponent("history") }
    package var recoveryPath: String { (path as NSString).appendingPathComponent("recovery") }

    package func create() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
}

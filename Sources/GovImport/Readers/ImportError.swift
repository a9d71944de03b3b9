import Foundation

/// Why a file could not be read at all (exit status 2). Each says what the file is and what to do.
public struct ImportError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let message: String

    public init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

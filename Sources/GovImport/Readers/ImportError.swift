import Foundation

/// Why a file could not be read at all (exit status 2). Each says what the file is and what to do.
package struct ImportError: Error, CustomStringConvertible, Sendable {
    package let path: String
    package let message: String

    package init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    package var description: String { "\(path): \(message)" }
}

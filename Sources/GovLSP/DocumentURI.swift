import Foundation

/// Document URIs and the paths gov reads. A `file:` URI is a path (percent-decoded); any other scheme (an
/// editor's unsaved `untitled:` buffer) is kept as its own name: it can be checked, but relative includes
/// are then looked for in the working directory.
enum DocumentURI {
    static func path(of uri: String) -> String {
        guard uri.hasPrefix("file:"), let url = URL(string: uri), url.isFileURL else { return uri }
        return url.path
    }

    static func uri(of path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        return URL(fileURLWithPath: path).absoluteString
    }
}

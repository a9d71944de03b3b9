import Foundation

/// Expands the command line's paths into scripts: a file is taken as given; a directory is searched,
/// recursively, for `*.gov` files, in a stable (sorted) order. Hidden entries (`.git`, `.build`, editor
/// back-ups) are skipped.
public enum ScriptFinder {
    public struct Found: Sendable, Equatable {
        public let path: String
        /// True when the file was found by searching a directory rather than named by the user.
        public let fromDirectory: Bool
    }

    public static func scripts(in paths: [String]) -> [Found] {
        var found: [Found] = []
        var seen = Set<String>()
        for path in paths {
            var isDirectory: ObjCBool = false
            let candidates: [Found]
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                candidates = search(path).map { Found(path: $0, fromDirectory: true) }
            } else {
                candidates = [Found(path: path, fromDirectory: false)]
            }
            for candidate in candidates where seen.insert(standardized(candidate.path)).inserted {
                found.append(candidate)
            }
        }
        return found
    }

    /// Whether any of the paths is a directory (then `gov check` ends with a summary line).
    public static func containsDirectory(_ paths: [String]) -> Bool {
        paths.contains { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    /// An absolute, normalised form of a path, to tell whether two paths name the same file.
    public static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    private static func search(_ directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            guard name.hasSuffix(".gov") else { continue }
            let path = (directory as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(path)
            }
        }
        return result.sorted()
    }
}

import Foundation

/// File names after `:load`, `:save` and `:render FORMAT`: the entries of the directory typed so far that
/// start with the rest; a directory completes with `/` so Tab can go on into it. `~/` is the home directory.
package struct FileCompletion: Sendable {
    /// Lists a directory (names and whether each is a directory); tests give their own.
    package var list: @Sendable (String) -> [(name: String, isDirectory: Bool)]

    package init(list: @escaping @Sendable (String) -> [(name: String, isDirectory: Bool)] = FileCompletion.listDisk) {
        self.list = list
    }

    package static let listDisk: @Sendable (String) -> [(name: String, isDirectory: Bool)] = { directory in
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.sorted().map { name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(name), isDirectory: &isDirectory)
            return (name, isDirectory.boolValue)
        }
    }

    package func complete(_ word: String) -> Completion {
        let slash = word.lastIndex(of: "/")
        let directory = slash.map { String(word[...$0]) } ?? ""
        let stem = slash.map { String(word[word.index(after: $0)...]) } ?? word
        let listed = directory.isEmpty ? "." : (directory as NSString).expandingTildeInPath
        let entries = list(listed).filter { $0.name.hasPrefix(stem) && (!$0.name.hasPrefix(".") || stem.hasPrefix(".")) }
        let isDirectory = Dictionary(entries.map { (directory + $0.name, $0.isDirectory) }, uniquingKeysWith: { a, _ in a })
        return Completion(
            word: word, choices: entries.map { directory + $0.name },
            terminator: { isDirectory[$0] == true ? "/" : "" },
            label: { String($0.dropFirst(directory.count)) + (isDirectory[$0] == true ? "/" : "") })
    }
}

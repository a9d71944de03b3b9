/// Path arithmetic on strings, for the one call of Foundation's that traps: `NSString`'s
/// `deletingLastPathComponent` of a one-character name ("a", "-", "中"), or of one character and a slash
/// ("a/"), stops the program with an illegal instruction (swift-corelibs-foundation with Swift 6.3.1) —
/// so `gov check b`, a script named `b` that names its `previous`, did, and `gov render x.gov -o a`.
package enum PathText {
    /// The directory part of a path, as `deletingLastPathComponent` gives it: "" for a bare name, "/" for
    /// a name at the root; trailing and doubled slashes do not count.
    package static func directory(of path: String) -> String {
        let slash = UInt8(ascii: "/")
        var bytes = path.utf8[...]
        while bytes.count > 1, bytes.last == slash { bytes = bytes.dropLast() }
        if bytes.elementsEqual(CollectionOfOne(slash)) { return "/" }
        guard let last = bytes.lastIndex(of: slash) else { return "" }
        var directory = bytes[..<last]
        while directory.last == slash { directory = directory.dropLast() }
        return directory.isEmpty ? "/" : String(decoding: directory, as: UTF8.self)
    }

    /// The last component of a path, as `lastPathComponent` gives it for a file's path: what follows the
    /// last slash ("b.html" of "out/b.html"), trailing slashes not counting.
    package static func name(of path: String) -> String {
        let slash = UInt8(ascii: "/")
        var bytes = path.utf8[...]
        while bytes.count > 1, bytes.last == slash { bytes = bytes.dropLast() }
        guard let last = bytes.lastIndex(of: slash), bytes.count > 1 else { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: bytes[bytes.index(after: last)...], as: UTF8.self)
    }
}

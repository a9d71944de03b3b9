#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A script's text as UTF-8 bytes, with the line table that turns byte offsets into lines and columns.
///
/// The lexer works on bytes, not `Character`s: that is what makes it fast, and byte offsets are what every
/// token and syntax node stores. Lines and columns are computed only when a diagnostic is printed.
public struct SourceFile: Sendable {
    public let path: String
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line.
    public let lineStarts: [Int]
    /// Whether the text holds a refused control character anywhere (`ControlCharacter`); when it does not,
    /// the lexer and the string parser skip their search for one in each token.
    package let holdsControlCharacters: Bool
    /// Whether `bytes` are valid UTF-8 (`UTF8Validation`): then `text(_:)` need not check them again.
    package let isValidUTF8: Bool

    public init(path: String, bytes: [UInt8]) {
        self.init(path: path, bytes: bytes, scan: UTF8Validation.scan(bytes))
    }

    /// The file with what `UTF8Validation.scan` found in its bytes (the loader scans every file it reads).
    package init(path: String, bytes: [UInt8], scan: UTF8Validation.Scan) {
        self.path = path
        self.bytes = bytes
        isValidUTF8 = scan.firstInvalid == nil
        // Past the first invalid byte the scan did not look: search the whole file then (it is not checked).
        holdsControlCharacters = isValidUTF8 ? scan.holdsControlCharacters : ControlCharacter.containsRefused(bytes, in: 0..<bytes.count)
        // Room first, then the first start: `[0]` and then room was two allocations and a copy.
        var starts: [Int] = []
        starts.reserveCapacity(bytes.count / 32 + 1)
        starts.append(0)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var cursor = base
            let end = base + buffer.count
            while cursor < end, let found = memchr(cursor, Int32(UInt8(ascii: "\n")), end - cursor) {
                let newline = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                starts.append(newline - base + 1)
                cursor = newline + 1
            }
        }
        self.lineStarts = starts
    }

    /// A `String`'s bytes are valid UTF-8: only the control characters are searched for.
    public init(path: String, text: String) {
        let bytes = Array(text.utf8)
        self.init(
            path: path, bytes: bytes,
            scan: UTF8Validation.Scan(firstInvalid: nil, holdsControlCharacters: ControlCharacter.containsRefused(bytes, in: 0..<bytes.count)))
    }

    /// 1-based line number of a byte offset.
    public func line(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// The text of a 1-based line, without its line break (a trailing CR is dropped too).
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        return String(decoding: bytes[start..<max(start, lineEnd(line))], as: UTF8.self)
    }

    /// The byte offset where a 1-based line's text ends: before its newline, and before a CR that precedes it.
    public func lineEnd(_ line: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return bytes.count }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return end
    }

    /// 1-based column of a byte offset, counted in Unicode scalars (what editors show as the column).
    public func column(of offset: Int) -> Int {
        let start = lineStarts[line(of: offset) - 1]
        let clamped = min(max(offset, start), bytes.count)
        return String(decoding: bytes[start..<clamped], as: UTF8.self).unicodeScalars.count + 1
    }

    /// The text of a byte range (clamped to the file). Names and literal runs of valid UTF-8 are copied as
    /// they are: `String(decoding:)` checks every byte again, 11 instructions a byte of Chinese text, and
    /// the strings of the parser were 5 % of checking a script (callgrind). A range that does not start
    /// and end between characters, or a file that is not valid UTF-8, takes the checked way.
    public func text(_ range: Range<Int>) -> String { SourceFile.text(of: bytes, range, isValidUTF8: isValidUTF8) }

    /// `text(_:)` of a file's bytes, `isValidUTF8` being what the file knows of them.
    static func text(of bytes: [UInt8], _ range: Range<Int>, isValidUTF8: Bool) -> String {
        let lower = min(max(range.lowerBound, 0), bytes.count)
        let upper = min(max(range.upperBound, lower), bytes.count)
        /// Whether an offset is the start of a scalar (or the end of the file): not a continuation byte.
        func isCharacterBoundary(_ offset: Int) -> Bool { offset == bytes.count || bytes[offset] & 0xC0 != 0x80 }
        if isValidUTF8, isCharacterBoundary(lower), isCharacterBoundary(upper), #available(macOS 26.0, *) {
            return String(copying: UTF8Span(unchecked: bytes.span.extracting(lower..<upper)))
        }
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}

/// Identifies one loaded file among all the files an evaluation read (the main script and its includes).
public struct FileID: Hashable, Sendable, Codable {
    public let index: Int
    public init(_ index: Int) { self.index = index }
}

/// A half-open byte range in one file. Every token, syntax node, value and finding carries one.
///
/// Stored in 32-bit fields, 12 bytes where three `Int`s were 24: every name, literal, expression and
/// statement holds one or more, and they are copied and moved whole (callgrind, checking 300 scripts:
/// 179.3 → 177.0 M instructions). A range is into a script, and a script is at most 2 MiB
/// (`SourceLimits`), so nothing real is cut; a larger value (or a negative one) is clamped, never trapped on.
public struct SourceRange: Hashable, Sendable {
    @usableFromInline let fileIndex: UInt32
    @usableFromInline let startOffset: UInt32
    @usableFromInline let endOffset: UInt32

    public var file: FileID { FileID(Int(fileIndex)) }
    public var start: Int { Int(startOffset) }
    public var end: Int { Int(endOffset) }

    /// Inlinable: every token, name and finding makes one, from every module (a call each was 26
    /// instructions, 19,000 times checking 300 scripts).
    @inlinable @inline(__always)
    public init(file: FileID, start: Int, end: Int) {
        fileIndex = UInt32(clamping: file.index)
        startOffset = UInt32(clamping: start)
        endOffset = UInt32(clamping: max(start, end))
    }

    /// The smallest range covering both (they must be in the same file).
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(file: file, start: min(start, other.start), end: max(end, other.end))
    }
}

/// Every file read during one evaluation, so a `SourceRange` can be turned back into text and a position.
public final class SourceManager: @unchecked Sendable {
    public private(set) var files: [SourceFile] = []

    public init() {}

    @discardableResult
    public func add(_ file: SourceFile) -> FileID {
        files.append(file)
        return FileID(files.count - 1)
    }

    public func file(_ id: FileID) -> SourceFile { files[id.index] }

    /// A file's path, without a copy of the file (its bytes and line table retained and released).
    public func path(_ id: FileID) -> String { files[id.index].path }

    public func location(_ range: SourceRange) -> SourceLocation {
        let file = files[range.file.index]
        return SourceLocation(path: file.path, line: file.line(of: range.start), column: file.column(of: range.start))
    }
}

/// A human position: path, 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let column: Int
    public var description: String { "\(path):\(line):\(column)" }
}

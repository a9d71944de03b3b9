/// Positions as the protocol counts them: 0-based lines, and characters in UTF-16 code units (so 微 is one
/// unit and 😀 two), over a document held as UTF-8 bytes, which is what gov's offsets count.
///
/// Lines end at `\n` (a `\r` before it belongs to the line break), as gov's own line table has it.
package struct LineIndex: Sendable {
    package let bytes: [UInt8]
    private let lineStarts: [Int]

    package init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 10 { starts.append(offset + 1) }
        self.lineStarts = starts
    }

    package struct Position: Equatable, Sendable {
        package var line: Int
        package var character: Int
        package init(line: Int, character: Int) {
            self.line = line
            self.character = character
        }
    }

    package var lineCount: Int { lineStarts.count }

    /// The position of a byte offset (clamped to the text).
    package func position(of offset: Int) -> Position {
        let clamped = min(max(offset, 0), bytes.count)
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        var units = 0
        var index = lineStarts[low]
        while index < clamped {
            let (length, width) = LineIndex.scalar(at: index, in: bytes)
            if index + length > clamped { break }
            units += width
            index += length
        }
        return Position(line: low, character: units)
    }

    /// The byte offset of a position. A character past the line's end means its end (before `\r\n`);
    /// a line past the last means the end of the text; a position inside a surrogate pair means its start.
    package func offset(of position: Position) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < lineStarts.count else { return bytes.count }
        var lineEnd = position.line + 1 < lineStarts.count ? lineStarts[position.line + 1] - 1 : bytes.count
        if lineEnd > lineStarts[position.line], bytes[lineEnd - 1] == 13 { lineEnd -= 1 }
        var index = lineStarts[position.line]
        var units = 0
        while index < lineEnd {
            let (length, width) = LineIndex.scalar(at: index, in: bytes)
            if units + width > position.character { break }
            units += width
            index += length
        }
        return min(index, lineEnd)
    }

    /// The length in bytes of the UTF-8 sequence at `index`, and its width in UTF-16 units. A malformed byte
    /// counts as one byte, one unit (U+FFFD), as a decoder would show it.
    static func scalar(at index: Int, in bytes: [UInt8]) -> (length: Int, width: Int) {
        let byte = bytes[index]
        let length: Int
        switch byte {
        case 0..<0x80: return (1, 1)
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return (1, 1)
        }
        guard index + length <= bytes.count else { return (1, 1) }
        for k in 1..<length where bytes[index + k] & 0xC0 != 0x80 { return (1, 1) }
        return (length, length == 4 ? 2 : 1)
    }
}

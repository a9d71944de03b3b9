/// Terminal display width: a CJK character takes two columns, a combining mark none.
///
/// A pure-Swift East Asian Width table rather than `wcwidth`, so the result does not depend on the
/// process locale (CI often runs with none).
package enum DisplayWidth {
    package static func of(_ text: String) -> Int {
        // ASCII (names, numbers, keywords: most of what is measured) a column a byte, on the bytes.
        let ascii = text.utf8.withContiguousStorageIfAvailable { utf8 -> Int? in
            var width = 0
            for byte in utf8 {
                guard byte < 0x80 else { return nil }
                if byte >= 0x20, byte != 0x7F { width += 1 }
            }
            return width
        }
        if let ascii, let width = ascii { return width }
        var width = 0
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }

    package static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        if (0x300...0x36F).contains(v) || (0x200B...0x200F).contains(v) || v == 0xFEFF { return 0 }
        for range in wideRanges where range.contains(v) { return 2 }
        return 1
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]

    /// Pads `text` with spaces to `width` display columns.
    package static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        var line = ""
        append(text, width: of(text), paddedTo: width, alignRight: alignRight, to: &line)
        return line
    }

    /// `pad`, appended to `line`, for text whose width is known: no string for the padded text.
    package static func append(_ text: String, width textWidth: Int, paddedTo width: Int, alignRight: Bool = false, to line: inout String) {
        let fill = max(0, width - textWidth)
        if alignRight, fill > 0 { line += String(repeating: " ", count: fill) }
        line += text
        if !alignRight, fill > 0 { line += String(repeating: " ", count: fill) }
    }

    /// Splits `text` into lines of at most `width` display columns, never inside a number, a Latin word
    /// or an address (see `LineBreaker`).
    package static func wrap(_ text: String, width: Int) -> [String] {
        LineBreaker.wrap(text, width: width)
    }
}

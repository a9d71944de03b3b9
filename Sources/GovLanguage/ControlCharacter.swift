/// Control characters in script text. Tab, CR and LF are layout; every other C0 control and DEL (NUL from
/// a broken editor, ESC from a pasted terminal colour code) would travel into rendered documents and
/// terminals, so the lexer refuses them in strings (E008) and string values never carry them.
public enum ControlCharacter {
    public static func isRefused(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
    }

    /// Also the C1 controls (U+0080–U+009F), which only a broken conversion produces.
    public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x80 && isRefused(UInt8(scalar.value))) || (0x80...0x9F).contains(scalar.value)
    }

    /// A C1 control in UTF-8: 0xC2 followed by 0x80–0x9F.
    public static func isC1(_ bytes: [UInt8], at offset: Int) -> Bool {
        bytes[offset] == 0xC2 && offset + 1 < bytes.count && (0x80...0x9F).contains(bytes[offset + 1])
    }

    /// Whether `bytes[range]` holds a refused control character (C0, DEL or C1). Each file is searched once
    /// (`SourceFile.holdsControlCharacters`), so a file without any — nearly all — skips the search in
    /// every string and word: that search was 42,000 instructions of a 63-line script (callgrind, `gov
    /// check`). Sixteen bytes are judged at a time without branches (the compiler vectorizes the inner
    /// loop), and only a suspect block is looked at byte by byte: 2.4 instructions a byte where an indexed
    /// byte-by-byte loop took 25.
    public static func containsRefused(_ bytes: [UInt8], in range: Range<Int>) -> Bool {
        let lower = max(0, range.lowerBound), upper = min(bytes.count, range.upperBound)
        guard lower < upper else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            var offset = lower
            while offset < upper {
                let blockEnd = min(offset + 16, upper)
                var suspect: UInt8 = 0
                for i in offset..<blockEnd {
                    let byte = buffer[i]
                    // Below 0x20 other than tab, LF, CR; DEL; 0xC2, the lead byte of a C1 control.
                    suspect |= (byte < 0x20 ? 1 : 0) & (byte != 0x09 ? 1 : 0) & (byte != 0x0A ? 1 : 0) & (byte != 0x0D ? 1 : 0)
                    suspect |= (byte == 0x7F ? 1 : 0) | (byte == 0xC2 ? 1 : 0)
                }
                if suspect != 0 {
                    for i in offset..<blockEnd where isRefused(buffer[i]) || isC1(bytes, at: i) { return true }
                }
                offset = blockEnd
            }
            return false
        }
    }

    /// `text` with each refused control character replaced by U+FFFD, the replacement character.
    public static func replacing(in text: String) -> String {
        guard text.unicodeScalars.contains(where: isRefused) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isRefused($0) ? "\u{FFFD}" : $0 }))
    }
}

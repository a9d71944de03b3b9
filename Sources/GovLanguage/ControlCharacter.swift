/// Control characters in script text. Tab, CR and LF are layout; every other C0 control and DEL (NUL from
/// a broken editor, ESC from a pasted terminal colour code) would travel into rendered documents and
/// terminals, so the lexer refuses them in strings (E008) and string values never carry them.
package enum ControlCharacter {
    package static func isRefused(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
    }

    /// Also the C1 controls (U+0080–U+009F), which only a broken conversion produces.
    package static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x80 && isRefused(UInt8(scalar.value))) || (0x80...0x9F).contains(scalar.value)
    }

    /// A C1 control in UTF-8: 0xC2 followed by 0x80–0x9F.
    package static func isC1(_ bytes: [UInt8], at offset: Int) -> Bool {
        bytes[offset] == 0xC2 && offset + 1 < bytes.count && (0x80...0x9F).contains(bytes[offset + 1])
    }

    /// Whether `bytes[range]` holds a refused control character (C0, DEL or C1). Each file is searched once
    /// (`SourceFile.holdsControlCharacters`), so a file without any — nearly all — skips the search in
    /// every string and word: that search was 42,000 instructions of a 63-line script (callgrind, `gov
    /// check`). Eight bytes are screened at a time with word arithmetic (a byte below 0x20, DEL, or 0xC2,
    /// the lead byte of a C1 control), and only a flagged word — one holding a line break, mostly — is
    /// looked at byte by byte: 4.9 instructions a byte over the corpus, where a plain byte loop took 7.7
    /// (and an indexed one, 25). Unaligned loads through a raw pointer: that is what pays here.
    package static func containsRefused(_ bytes: [UInt8], in range: Range<Int>) -> Bool {
        let lower = max(0, range.lowerBound), upper = min(bytes.count, range.upperBound)
        guard lower < upper else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
            var offset = lower
            while offset + 8 <= upper {
                let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
                // Bytes below 0x20 (exact for bytes below 0x80; a borrow may flag more, which only costs a look).
                let below = (word &- ones &* 0x20) & ~word & highs != 0
                if below || hasZeroByte(word ^ (ones &* 0x7F)) || hasZeroByte(word ^ (ones &* 0xC2)) {
                    for i in offset..<offset + 8 where isRefused(buffer[i]) || isC1(bytes, at: i) { return true }
                }
                offset += 8
            }
            for i in offset..<upper where isRefused(buffer[i]) || isC1(bytes, at: i) { return true }
            return false
        }
    }

    /// `text` with each refused control character replaced by U+FFFD, the replacement character.
    package static func replacing(in text: String) -> String {
        guard text.unicodeScalars.contains(where: isRefused) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isRefused($0) ? "\u{FFFD}" : $0 }))
    }
}

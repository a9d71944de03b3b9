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

    /// `text` with each refused control character replaced by U+FFFD, the replacement character.
    package static func replacing(in text: String) -> String {
        guard text.unicodeScalars.contains(where: isRefused) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isRefused($0) ? "\u{FFFD}" : $0 }))
    }
}

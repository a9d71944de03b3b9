import Foundation

/// Searching a clause of the text for a word, as Foundation's `range(of:)` finds it (comparing by
/// canonical equivalence), without Foundation where the answer cannot differ.
///
/// When every scalar of both strings is one whose only canonical spelling is itself and that is a whole
/// character on its own — printable ASCII, CJK ideographs and punctuation, full-width forms, general
/// punctuation — Foundation's answer is the byte search's. Anything else (a combining mark, a Hangul
/// syllable, a compatibility ideograph, a control character, an empty word) is asked of Foundation, as
/// before. Foundation's search was 7,900 instructions a call, 63 % of an entry at the end of a 300-line
/// REPL session (callgrind: 74 M instructions an entry).
enum TextSearch {
    /// Whether `text` holds only scalars for which a byte search decides what Foundation would.
    static func isPlain(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x20...0x7E, 0xB7, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                0xFF01...0xFF5E:
                return true
            default:
                return false
            }
        }
    }

    /// `haystack.contains(needle)` as Foundation answers it (`range(of:) != nil`).
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        guard !needle.isEmpty, isPlain(haystack), isPlain(needle) else { return haystack.range(of: needle) != nil }
        return lastMatchEnd(Array(haystack.utf8), Array(needle.utf8)) != nil
    }

    /// Where (a UTF-8 offset) the last occurrence of `needle` ends, as `range(of:options: .backwards)`
    /// finds it; nil when there is none.
    static func lastEnd(of needle: String, in haystack: String) -> Int? {
        guard !needle.isEmpty, isPlain(haystack), isPlain(needle) else {
            guard let hit = haystack.range(of: needle, options: .backwards) else { return nil }
            return haystack.utf8.distance(from: haystack.startIndex, to: hit.upperBound)
        }
        return lastMatchEnd(Array(haystack.utf8), Array(needle.utf8))
    }

    /// A clause searched for many words: its bytes and whether it is plain, worked out once.
    struct Haystack {
        let text: String
        let utf8: [UInt8]
        let isPlain: Bool

        init(_ text: String) {
            self.text = text
            utf8 = Array(text.utf8)
            isPlain = TextSearch.isPlain(text)
        }

        /// `TextSearch.lastEnd(of:in:)` for this clause.
        func lastEnd(of needle: String) -> Int? {
            guard isPlain, !needle.isEmpty, TextSearch.isPlain(needle) else { return TextSearch.lastEnd(of: needle, in: text) }
            return TextSearch.lastMatchEnd(utf8, Array(needle.utf8))
        }
    }

    private static func lastMatchEnd(_ haystack: [UInt8], _ needle: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var start = haystack.count - needle.count
        while start >= 0 {
            if haystack[start] == needle[0] {
                var offset = 1
                while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return start + needle.count }
            }
            start -= 1
        }
        return nil
    }
}

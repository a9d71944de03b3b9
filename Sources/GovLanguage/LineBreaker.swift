/// Breaks text into lines of at most a given display width, where a reader expects lines to break.
///
/// A run of ASCII letters, digits and the punctuation inside numbers, addresses and words (2021,
/// 0591-23165370, www.pingtan.gov.cn, 96.25) is one unbreakable word; Chinese breaks between characters.
/// Closing punctuation (，。）」…) never starts a line and opening punctuation (（《“) never ends one
/// (禁则): each is bound to its neighbour, so the pair moves to the next line together rather than hanging
/// past the margin. Only a word wider than the whole line is cut.
package enum LineBreaker {
    /// The Latin closers are here too: help and messages mix the scripts, and a lone ";" or ")" at the
    /// start of a line reads as a mistake just as "，" does.
    static let closingPunctuation: Set<Character> = [
        "。", "，", "、", "；", "：", "？", "！", "）", "」", "』", "”", "’", "》", "〉", "】", "…", ";", ")", "]", "}", "!",
    ]
    static let openingPunctuation: Set<Character> = ["（", "《", "“", "‘", "「", "『", "〔", "【", "〈", "(", "[", "\""]
    private static let closingScalars = Set(closingPunctuation.flatMap(\.unicodeScalars))
    private static let openingScalars = Set(openingPunctuation.flatMap(\.unicodeScalars))

    /// `set.contains(character)` without hashing the `Character` (which normalizes it) when a single scalar
    /// decides: an ASCII scalar or an ideograph in U+4000–U+9FFF has no other canonically equivalent
    /// spelling, so it is in the set exactly when its scalar is. Anything else asks the set itself.
    private static func contains(_ set: Set<Character>, scalars: Set<Unicode.Scalar>, _ character: Character) -> Bool {
        let view = character.unicodeScalars
        if let scalar = view.first, view.index(after: view.startIndex) == view.endIndex,
            scalar.isASCII || (0x4000...0x9FFF).contains(scalar.value)
        {
            return scalars.contains(scalar)
        }
        return set.contains(character)
    }

    package static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0, DisplayWidth.of(text) > width else { return [text] }
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for unit in units(text) {
            let unitWidth = DisplayWidth.of(unit)
            if currentWidth + unitWidth > width, !current.isEmpty {
                lines.append(trailingSpaceTrimmed(current))
                current = ""
                currentWidth = 0
            }
            if current.isEmpty, unit.allSatisfy({ $0 == " " }) { continue }
            if unitWidth > width {
                // A word wider than the line: cut it by characters, as nothing better exists.
                for character in unit {
                    let w = DisplayWidth.of(String(character))
                    if currentWidth + w > width, !current.isEmpty {
                        lines.append(current)
                        current = ""
                        currentWidth = 0
                    }
                    current.append(character)
                    currentWidth += w
                }
                continue
            }
            current += unit
            currentWidth += unitWidth
        }
        if !current.isEmpty { lines.append(trailingSpaceTrimmed(current)) }
        return lines.isEmpty ? [""] : lines
    }

    /// The pieces a line may break between.
    static func units(_ text: String) -> [String] {
        var units: [String] = []
        var word = ""
        var pendingOpening = ""
        func flushWord() {
            if !word.isEmpty {
                units.append(pendingOpening + word)
                pendingOpening = ""
                word = ""
            }
        }
        for character in text {
            if isWordCharacter(character) {
                word.append(character)
                continue
            }
            flushWord()
            if contains(closingPunctuation, scalars: closingScalars, character) {
                // `!= " "` on the bytes: a string comparison of a Chinese unit took the slow path (11 % of
                // rendering a report as text, callgrind).
                if pendingOpening.isEmpty, let last = units.indices.last, !units[last].utf8.elementsEqual(" ".utf8) {
                    units[last].append(character)
                } else {
                    pendingOpening.append(character)
                }
            } else if contains(openingPunctuation, scalars: openingScalars, character) {
                pendingOpening.append(character)
            } else {
                units.append(pendingOpening + String(character))
                pendingOpening = ""
            }
        }
        flushWord()
        if !pendingOpening.isEmpty { units.append(pendingOpening) }
        return units
    }

    /// Letters, digits and the marks that join them in numbers, addresses and words.
    static func isWordCharacter(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1, scalar.isASCII else { return false }
        if character.isLetter || character.isNumber { return true }
        return "._-/:@%+#&=?~',".contains(character)
    }

    private static func trailingSpaceTrimmed(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }
}

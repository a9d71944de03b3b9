/// Spells values as script text, for programs that write scripts (`gov new`, `gov sum`): a name as a bare
/// word when it lexes as one word, else quoted; any text as a string literal with the escapes it needs.
package enum ScriptLiteral {
    /// `青禾县示范局（虚构）` stays bare; `"县 政府"` or `"A&B"` is quoted.
    package static func name(_ text: String) -> String {
        isWord(text) ? text : string(text)
    }

    /// A one-line string literal: `"`, `\`, `{`, `}`, line breaks and tabs escaped.
    package static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            if let escaped = escape(scalar) { out += escaped; continue }
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": break
            // Control characters cannot be written in a script (E008): a generated script drops them.
            case _ where ControlCharacter.isRefused(scalar): break
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// One paragraph inside a `"""` text block (what `gov import` writes): the same escapes as a string,
    /// but a tab becomes a space, and a character holding a control character is dropped (E008).
    package static func textBlockLine(_ text: String) -> String {
        var out = ""
        for character in text {
            if character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first, let escaped = escape(scalar) {
                out += escaped
            } else if character == "\t" {
                out += " "
            } else if !character.unicodeScalars.contains(where: ControlCharacter.isRefused) {
                out.append(character)
            }
        }
        return out
    }

    /// The four characters that mean something inside a string or a text block, escaped; nil for the rest.
    static func escape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "{": return "\\{"
        case "}": return "\\}"
        default: return nil
        }
    }

    /// Whether the text is exactly one word token: it starts with a letter, `_` or a non-ASCII character,
    /// and has no ASCII punctuation, space, ideographic space or byte-order mark.
    package static func isWord(_ text: String) -> Bool {
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if scalar == "\u{3000}" || scalar == "\u{FEFF}" { return false }
            guard scalar.isASCII else { continue }
            let isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
            let isDigit = ("0"..."9").contains(scalar)
            // A word cannot start with a digit: `2021年` is a number and a word.
            guard isLetter || (isDigit && offset > 0) else { return false }
        }
        return !text.isEmpty
    }
}

/// The language a script's keywords are written in. Programs that write scripts answer in the user's.
public enum KeywordLanguage: String, Sendable, CaseIterable {
    case english, chinese

    public func spell(_ keyword: Keyword) -> String { self == .english ? keyword.english : keyword.chinese }

    /// The language most statements of a script use (English when there are none, or a tie).
    package static func dominant(in script: Script, source: SourceFile) -> KeywordLanguage {
        var chinese = 0
        for statement in script.statements {
            let range = statement.keywordRange
            if source.text(range.start..<range.end) == statement.keyword.chinese { chinese += 1 }
        }
        return chinese * 2 > script.statements.count ? .chinese : .english
    }
}

/// The kinds of token. Words are not split into keywords here: keywords are contextual (a row called
/// `other` and a statement keyword never clash), so the parser decides what a word means by its position.
package enum TokenKind: UInt8, Sendable, Equatable {
    case word, integer, decimal, date
    /// `"…"` on one line, or `"""…"""` over several; both may interpolate `{expression}`.
    case string, textBlock
    case plus, minus, star, slash, leftParen, rightParen, dot, comma, colon
    case equal, equalEqual, bangEqual, less, lessEqual, greater, greaterEqual
    case newline, end
    /// A character the language has no use for; the lexer has already reported it.
    case invalid
}

/// One token: its kind and its byte range. Its text is read from the source only when needed.
///
/// The offsets in 32-bit fields, as `SourceRange`'s (a script is at most 2 MiB): 12 bytes a token where
/// two `Int`s made it 24, and a script has thousands.
package struct Token: Sendable, Equatable {
    package let kind: TokenKind
    private let startOffset: UInt32
    private let endOffset: UInt32

    package var start: Int { Int(startOffset) }
    package var end: Int { Int(endOffset) }

    package init(_ kind: TokenKind, _ start: Int, _ end: Int) {
        self.kind = kind
        startOffset = UInt32(clamping: start)
        endOffset = UInt32(clamping: end)
    }

    package var isLineEnd: Bool { kind == .newline || kind == .end }
}

extension TokenKind {
    /// How the token is named in a message to a clerk.
    package var spelling: String {
        switch self {
        case .word: return "名称或关键字"
        case .integer, .decimal: return "数字"
        case .date: return "日期"
        case .string: return "字符串"
        case .textBlock: return "多行文本"
        case .plus: return "+"
        case .minus: return "-"
        case .star: return "*"
        case .slash: return "/"
        case .leftParen: return "("
        case .rightParen: return ")"
        case .dot: return "."
        case .comma: return ","
        case .colon: return ":"
        case .equal: return "="
        case .equalEqual: return "=="
        case .bangEqual: return "!="
        case .less: return "<"
        case .lessEqual: return "<="
        case .greater: return ">"
        case .greaterEqual: return ">="
        case .newline: return "行尾"
        case .end: return "文件结尾"
        case .invalid: return "无法识别的字符"
        }
    }
}

/// What lies between a string token's quotes, piece by piece: runs of literal bytes, escapes (`\"`, `\\`,
/// `\n`, `\t`, `\{`, `\}`) and `{expression}` interpolations. The parser reads it once to find and parse the
/// interpolations; a `StringLiteral` reads it again to decode its text, when that is asked for.
enum StringLiteralContent {
    enum Piece {
        case run(Range<Int>)
        case escaped(Unicode.Scalar)
        /// The bytes between the braces.
        case interpolation(Range<Int>)
    }

    /// Why the content cannot be read; the parser reports it (the offset is the backslash or the brace).
    enum Failure {
        case unknownEscape(at: Int)
        case unclosedInterpolation(at: Int)
    }

    /// Hands each piece of `bytes[content]` to `visit`, in order; stops at the first failure, and returns it.
    static func scan(_ bytes: [UInt8], _ content: Range<Int>, _ visit: (Piece) throws -> Void) rethrows -> Failure? {
        var cursor = max(0, content.lowerBound)
        let limit = min(content.upperBound, bytes.count)
        var runStart = cursor
        while cursor < limit {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\\"), cursor + 1 < limit {
                let escaped: Unicode.Scalar
                switch bytes[cursor + 1] {
                case UInt8(ascii: "n"): escaped = "\n"
                case UInt8(ascii: "t"): escaped = "\t"
                case let other where other == UInt8(ascii: "\"") || other == UInt8(ascii: "\\") || other == UInt8(ascii: "{") || other == UInt8(ascii: "}"):
                    escaped = Unicode.Scalar(other)
                default:
                    return .unknownEscape(at: cursor)
                }
                if cursor > runStart { try visit(.run(runStart..<cursor)) }
                try visit(.escaped(escaped))
                cursor += 2
                runStart = cursor
                continue
            }
            if byte == UInt8(ascii: "{") {
                var close = cursor + 1
                while close < limit, bytes[close] != UInt8(ascii: "}"), bytes[close] != UInt8(ascii: "\n") { close += 1 }
                guard close < limit, bytes[close] == UInt8(ascii: "}") else { return .unclosedInterpolation(at: cursor) }
                if cursor > runStart { try visit(.run(runStart..<cursor)) }
                try visit(.interpolation(cursor + 1..<close))
                cursor = close + 1
                runStart = cursor
                continue
            }
            // Jump to the next escape or interpolation: everything before it is plain text of this run.
            cursor = ByteScan.first(UInt8(ascii: "\\"), UInt8(ascii: "{"), in: bytes, from: cursor + 1, to: limit)
        }
        if limit > runStart { try visit(.run(runStart..<limit)) }
        return nil
    }

    /// The script's bytes behind a `StringLiteral`, and what its `SourceFile` knows of them.
    struct Source: Sendable {
        let bytes: [UInt8]
        let isValidUTF8: Bool
        let holdsControlCharacters: Bool

        init(_ file: SourceFile) {
            bytes = file.bytes
            isValidUTF8 = file.isValidUTF8
            holdsControlCharacters = file.holdsControlCharacters
        }

        enum Decoded {
            /// A run of text or an escape's character.
            case text(String)
            case interpolation
        }

        /// The pieces of `content` (read without failure by the parser), text decoded. A refused control
        /// character, reported by the lexer (E008), is replaced and never reaches a rendered report.
        func decode(_ content: Range<Int>, _ visit: (Decoded) throws -> Void) rethrows {
            _ = try StringLiteralContent.scan(bytes, content) { piece in
                switch piece {
                case .run(let run):
                    let text = SourceFile.text(of: bytes, run, isValidUTF8: isValidUTF8)
                    try visit(.text(holdsControlCharacters && ControlCharacter.containsRefused(bytes, in: run) ? ControlCharacter.replacing(in: text) : text))
                case .escaped(let scalar):
                    try visit(.text(String(Character(scalar))))
                case .interpolation:
                    try visit(.interpolation)
                }
            }
        }
    }
}

/// Turns UTF-8 bytes into tokens in one pass, with no backtracking and no `Character` decoding.
///
/// Any non-ASCII scalar except the ideographic space U+3000 and the BOM is part of a word, so Chinese names
/// need no quotes. Newlines end statements, except inside parentheses. Errors are collected, never thrown:
/// the lexer always reaches the end of the file.
package struct Lexer {
    private let bytes: [UInt8]
    private let file: FileID
    private var position: Int
    private let limit: Int
    private var parenDepth = 0
    private var reportedLoneCR = false
    /// False when the whole range was found free of control characters before lexing: no token then
    /// needs searching for one.
    private let mayHoldControlCharacters: Bool
    package private(set) var tokens: [Token] = []
    package private(set) var diagnostics: [Diagnostic] = []
    /// True when the input stopped inside a text block or an open parenthesis: the REPL reads another line.
    package private(set) var isIncomplete = false
    /// Whether to keep the byte ranges of comments. Only the formatter needs them; checking a script skips
    /// comments without recording anything.
    private let recordsComments: Bool
    /// Each comment, `#` to the end of its line (the line break excluded), when `recordsComments` is set.
    package private(set) var comments: [Range<Int>] = []

    package init(bytes: [UInt8], file: FileID, range: Range<Int>? = nil, recordsComments: Bool = false) {
        self.init(bytes: bytes, file: file, range: range, recordsComments: recordsComments, mayHoldControlCharacters: nil)
    }

    /// `mayHoldControlCharacters`: what the caller already knows of the whole file (`SourceFile`); nil
    /// searches the range once when lexing starts.
    package init(bytes: [UInt8], file: FileID, range: Range<Int>?, recordsComments: Bool, mayHoldControlCharacters: Bool?) {
        self.bytes = bytes
        self.file = file
        self.position = range?.lowerBound ?? 0
        self.limit = range?.upperBound ?? bytes.count
        self.recordsComments = recordsComments
        self.mayHoldControlCharacters = mayHoldControlCharacters ?? ControlCharacter.containsRefused(bytes, in: position..<limit)
    }

    package static func tokenize(_ source: SourceFile, file: FileID) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lexer = Lexer(bytes: source.bytes, file: file, range: nil, recordsComments: false, mayHoldControlCharacters: source.holdsControlCharacters)
        lexer.run()
        return (lexer.tokens, lexer.diagnostics)
    }

    package mutating func run() {
        // About a token for every four bytes of a script; the sink doubles if a file has more.
        var sink = TokenSink(capacity: (limit - position) / 4)
        for token in tokens { sink.append(token) }
        skipByteOrderMark()
        while position < limit {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                position += 1
            case UInt8(ascii: "\r"):
                // CRLF is a line end; a CR alone (classic Mac OS) is not, and would join every line into one.
                if position + 1 < limit, bytes[position + 1] != UInt8(ascii: "\n"), !reportedLoneCR {
                    reportedLoneCR = true
                    report("E003", "单独的回车符（CR）不是换行：请把文件保存为 LF 或 CRLF 换行", position, position + 1)
                }
                position += 1
            case UInt8(ascii: "\n"):
                // Inside parentheses a line break continues the expression — unless the next line starts
                // with a statement keyword: then a parenthesis was left open, and only its own line is lost.
                if parenDepth > 0, nextLineStartsWithKeyword(after: position) { parenDepth = 0 }
                // A CRLF line ends where its CR is, so a finding at the line end points at the line's end.
                let end = position > 0 && bytes[position - 1] == UInt8(ascii: "\r") ? position - 1 : position
                if parenDepth == 0 { emitNewline(at: end, into: &sink) }
                position += 1
            case UInt8(ascii: "#"):
                let start = position
                position = ByteScan.next(UInt8(ascii: "\n"), in: bytes, from: position, to: limit)
                if recordsComments { comments.append(start..<position) }
            case UInt8(ascii: "\""):
                lexString(into: &sink)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                lexNumber(into: &sink)
            case 0xE3 where isIdeographicSpace(at: position):
                position += 3
            case 0xEF where isByteOrderMark(at: position):
                position += 3
            default:
                if Lexer.startsWord(byte) { lexWord(into: &sink) } else { lexPunctuation(byte, into: &sink) }
            }
        }
        if parenDepth > 0 { isIncomplete = true }
        emitNewline(at: limit, into: &sink)
        sink.append(Token(.end, limit, limit))
        tokens = sink.tokens
    }

    // MARK: - Token classes

    /// A name or keyword: ASCII letters, digits and `_`, and any non-ASCII byte but the ideographic space.
    /// Its end is found sixteen bytes a step (`ByteScan.wordEnd`): a byte at a time, a word cost about
    /// ten instructions a byte, 4.9 M of the 112.6 M that checking 300 corpus scripts took (callgrind).
    private mutating func lexWord(into sink: inout TokenSink) {
        let start = position
        position = ByteScan.wordEnd(in: bytes, from: start, to: limit)
        reportControlCharacter(in: start..<position)
        sink.append(Token(.word, start, position))
    }

    /// The bytes a word goes on with, the one definition the lexer's questions about words read: any
    /// non-ASCII byte (the caller sets the ideographic space apart), and ASCII letters, digits and `_` —
    /// one bit each, bits 0–63 for bytes 0x00–0x3F, 64–127 for 0x40–0x7F.
    private static let asciiWordBitsLow: UInt64 = 0x03FF_0000_0000_0000
    private static let asciiWordBitsHigh: UInt64 = 0x07FF_FFFE_87FF_FFFE

    static func continuesWord(_ byte: UInt8) -> Bool {
        if byte >= 0x80 { return true }
        return byte < 64 ? (asciiWordBitsLow >> byte) & 1 == 1 : (asciiWordBitsHigh >> (byte & 63)) & 1 == 1
    }

    private mutating func lexNumber(into sink: inout TokenSink) {
        let start = position
        while position < limit, isDigit(bytes[position]) { position += 1 }
        if position - start == 4, isDateTail(at: position) {
            position += 1
            while position < limit, isDigit(bytes[position]) { position += 1 }
            position += 1
            while position < limit, isDigit(bytes[position]) { position += 1 }
            sink.append(Token(.date, start, position))
            return
        }
        if position + 1 < limit, bytes[position] == UInt8(ascii: "."), isDigit(bytes[position + 1]) {
            position += 1
            while position < limit, isDigit(bytes[position]) { position += 1 }
            sink.append(Token(.decimal, start, position))
            return
        }
        sink.append(Token(.integer, start, position))
    }

    /// `-M-D` after four digits, with one or two digits each: a date such as 2021-01-31.
    private func isDateTail(at offset: Int) -> Bool {
        var i = offset
        for _ in 0..<2 {
            guard i < limit, bytes[i] == UInt8(ascii: "-") else { return false }
            i += 1
            var digits = 0
            while i < limit, isDigit(bytes[i]) { i += 1; digits += 1 }
            guard (1...2).contains(digits) else { return false }
        }
        return true
    }

    private mutating func lexString(into sink: inout TokenSink) {
        let start = position
        if position + 2 < limit, bytes[position + 1] == UInt8(ascii: "\""), bytes[position + 2] == UInt8(ascii: "\"") {
            position += 3
            // Narrative is most of a script's bytes: jump from quote to backslash with a scan of the bytes
            // rather than examining every byte in the loop.
            while position + 2 < limit {
                position = nextQuoteOrBackslash(from: position)
                guard position + 2 < limit else { break }
                if bytes[position] == UInt8(ascii: "\\") { position += 2; continue }
                if bytes[position + 1] == UInt8(ascii: "\""), bytes[position + 2] == UInt8(ascii: "\"") {
                    position += 3
                    reportControlCharacter(in: start..<position)
                    sink.append(Token(.textBlock, start, position))
                    return
                }
                position += 1
            }
            position = limit
            isIncomplete = true
            report("E002", "多行文本没有结束：缺少收尾的 \"\"\"", start, start + 3)
            sink.append(Token(.invalid, start, position))
            return
        }
        position += 1
        // From quote or backslash to the next, as in a text block; a line break before it ends the line.
        while position < limit {
            let stop = nextQuoteOrBackslash(from: position)
            let lineEnd = ByteScan.next(UInt8(ascii: "\n"), in: bytes, from: position, to: stop)
            if lineEnd < stop {
                position = lineEnd
                break
            }
            guard stop < limit else {
                position = limit
                break
            }
            if bytes[stop] == UInt8(ascii: "\\") {
                position = stop + 2
                continue
            }
            position = stop + 1
            reportControlCharacter(in: start..<position)
            sink.append(Token(.string, start, position))
            return
        }
        position = min(position, limit)
        report("E001", "字符串没有结束：这一行缺少收尾的引号 \"", start, position)
        sink.append(Token(.invalid, start, position))
    }

    private mutating func lexPunctuation(_ byte: UInt8, into sink: inout TokenSink) {
        let start = position
        func next(_ expected: UInt8) -> Bool {
            position + 1 < limit && bytes[position + 1] == expected
        }
        let kind: TokenKind
        var length = 1
        switch byte {
        case UInt8(ascii: "+"): kind = .plus
        case UInt8(ascii: "-"): kind = .minus
        case UInt8(ascii: "*"): kind = .star
        case UInt8(ascii: "/"): kind = .slash
        case UInt8(ascii: "("): kind = .leftParen; parenDepth += 1
        case UInt8(ascii: ")"): kind = .rightParen; parenDepth = max(0, parenDepth - 1)
        case UInt8(ascii: "."): kind = .dot
        case UInt8(ascii: ","): kind = .comma
        case UInt8(ascii: ":"): kind = .colon
        case UInt8(ascii: "="):
            if next(UInt8(ascii: "=")) { kind = .equalEqual; length = 2 } else { kind = .equal }
        case UInt8(ascii: "!") where next(UInt8(ascii: "=")): kind = .bangEqual; length = 2
        case UInt8(ascii: "<"):
            if next(UInt8(ascii: "=")) { kind = .lessEqual; length = 2 } else { kind = .less }
        case UInt8(ascii: ">"):
            if next(UInt8(ascii: "=")) { kind = .greaterEqual; length = 2 } else { kind = .greater }
        default:
            // A run of characters the language does not use is one token and one finding, so a line of
            // 10,000 `@` costs one diagnostic, not 10,000.
            kind = .invalid
            while start + length < limit, isUnusedByte(bytes[start + length]) { length += 1 }
            let shown = byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : String(format: byte)
            let more = length > 1 ? "（连同后面共 \(length) 个无法识别的字符）" : ""
            report("E003", "无法识别的字符 “\(shown)”\(more)", start, start + length)
        }
        position += length
        sink.append(Token(kind, start, position))
    }

    // MARK: - Helpers

    /// The offset of the next `"` or `\\` at or after `offset`, or `limit`.
    private func nextQuoteOrBackslash(from offset: Int) -> Int {
        ByteScan.first(UInt8(ascii: "\""), UInt8(ascii: "\\"), in: bytes, from: offset, to: limit)
    }

    private func nextLineStartsWithKeyword(after newline: Int) -> Bool {
        var start = newline + 1
        while start < limit, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
        var end = start
        while end < limit, Lexer.continuesWord(bytes[end]) { end += 1 }
        guard end > start else { return false }
        return Keyword(spelling: String(decoding: bytes[start..<end], as: UTF8.self)) != nil
    }

    private func emitNewline(at offset: Int, into sink: inout TokenSink) {
        if let last = sink.last, last.kind == .newline { return }
        if sink.count == 0 { return }
        sink.append(Token(.newline, offset, offset))
    }

    private mutating func skipByteOrderMark() {
        if isByteOrderMark(at: position) { position += 3 }
    }

    private func isByteOrderMark(at offset: Int) -> Bool {
        offset + 2 < limit && bytes[offset] == 0xEF && bytes[offset + 1] == 0xBB && bytes[offset + 2] == 0xBF
    }

    private func isIdeographicSpace(at offset: Int) -> Bool {
        offset + 2 < limit && bytes[offset] == 0xE3 && bytes[offset + 1] == 0x80 && bytes[offset + 2] == 0x80
    }

    /// A byte that starts no token: not a word, digit, space, quote, comment or operator character.
    private func isUnusedByte(_ byte: UInt8) -> Bool {
        if Lexer.continuesWord(byte) { return false }
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: "#"), UInt8(ascii: "\""),
            UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"),
            UInt8(ascii: ">"):
            return false
        default:
            return true
        }
    }

    /// Control characters other than tab, CR and LF (NUL, ESC, DEL…) are refused inside strings: they
    /// would reach the rendered report and the terminal. One finding per string. The file's flag is asked
    /// here, inlined into every caller: a call for each word only to find it false was 21 instructions a
    /// word (callgrind).
    @inline(__always)
    private mutating func reportControlCharacter(in range: Range<Int>) {
        guard mayHoldControlCharacters else { return }
        reportFirstControlCharacter(in: range)
    }

    private mutating func reportFirstControlCharacter(in range: Range<Int>) {
        for offset in range where ControlCharacter.isRefused(bytes[offset]) || ControlCharacter.isC1(bytes, at: offset) {
            report("E008", "有控制字符 \(String(format: bytes[offset]))（不可见字符，常见于复制粘贴），请删除", offset, offset + 1)
            return
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// A byte a word starts with: one it goes on with, but not a digit (a digit starts a number).
    static func startsWord(_ byte: UInt8) -> Bool { continuesWord(byte) && !(byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) }

    private mutating func report(_ code: DiagnosticCode, _ message: String, _ start: Int, _ end: Int) {
        diagnostics.append(Diagnostic(code: code, message: message, range: SourceRange(file: file, start: start, end: end)))
    }
}

extension String {
    fileprivate init(format byte: UInt8) {
        let hex = String(byte, radix: 16, uppercase: true)
        self = "0x" + (hex.count == 1 ? "0" + hex : hex)
    }
}

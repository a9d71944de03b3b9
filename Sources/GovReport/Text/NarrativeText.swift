#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GovLanguage

/// The literal text of one `text`, `lead` or `heading` string as the clerk typed it, scalar by scalar, each
/// with its byte offset in the script. Escapes are decoded (`\n` is a line break) and every `{…}`
/// interpolation is one placeholder scalar: an interpolated number is right by construction and is never
/// read as a text quantity, but the words around it still count.
struct NarrativeText {
    static let placeholder: Unicode.Scalar = "\u{FFFC}"

    var scalars: [Unicode.Scalar]
    /// Byte offset of each scalar in the script, and one more: where the last one ends. The scalars lie end
    /// to end, so scalar `i` ends where `i + 1` starts (a third array of ends was a tenth of this type's
    /// cost; callgrind). 32 bits: a script is at most 2 MiB (`SourceLimits`).
    var starts: [UInt32]
    let file: FileID

    /// Reads the literal's bytes (quotes included in `range`). Bytes are valid UTF-8: the lexer checked.
    ///
    /// The two arrays are written in place through their buffers (a text has at most one scalar a byte):
    /// appending to each, scalar by scalar, cost 9,700 instructions a paragraph, 6,600 this way. A Chinese
    /// character, most of any text, is decoded first, in one step (callgrind, checking 300 corpus scripts:
    /// the loop 4.3 M -> 3.4 M).
    init(source: SourceFile, range: SourceRange, isBlock: Bool) {
        file = range.file
        let quote = isBlock ? 3 : 1
        let bytes = source.bytes
        let first = min(range.start + quote, bytes.count)
        let limit = max(first, min(range.end - quote, bytes.count))
        let capacity = limit - first
        var count = 0
        var starts: [UInt32] = []
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: capacity) { scalarBuffer, scalarCount in
            starts = [UInt32](unsafeUninitializedCapacity: capacity + 1) { startBuffer, startCount in
                bytes.withUnsafeBufferPointer { bytes in
                    guard let scalarBase = scalarBuffer.baseAddress, let startBase = startBuffer.baseAddress else { return }
                    var cursor = first
                    // Each scalar ends where the loop goes on from: where the next one starts.
                    while cursor < limit, count < capacity {
                        let byte = bytes[cursor]
                        let scalar: Unicode.Scalar
                        let next: Int
                        if byte & 0xF0 == 0xE0, cursor + 3 <= limit {
                            // `decode`'s three-byte case without its switch on the length (calling it here
                            // cost 0.3 M of 139 M; callgrind).
                            let value = UInt32(byte & 0x0F) << 12 | UInt32(bytes[cursor + 1] & 0x3F) << 6 | UInt32(bytes[cursor + 2] & 0x3F)
                            scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                            next = cursor + 3
                        } else if byte == UInt8(ascii: "\\"), cursor + 1 < limit {
                            let escaped = bytes[cursor + 1]
                            scalar = escaped == UInt8(ascii: "n") ? "\n" : escaped == UInt8(ascii: "t") ? "\t" : Unicode.Scalar(escaped)
                            next = cursor + 2
                        } else if byte == UInt8(ascii: "{") {
                            var close = cursor + 1
                            while close < limit, bytes[close] != UInt8(ascii: "}"), bytes[close] != UInt8(ascii: "\n") { close += 1 }
                            scalar = NarrativeText.placeholder
                            next = close < limit ? close + 1 : limit
                        } else if byte < 0x80 {
                            scalar = Unicode.Scalar(byte)
                            next = cursor + 1
                        } else {
                            let length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                            next = min(cursor + length, limit)
                            scalar = NarrativeText.decode(bytes, cursor, next)
                        }
                        (scalarBase + count).initialize(to: scalar)
                        (startBase + count).initialize(to: UInt32(truncatingIfNeeded: cursor))
                        count += 1
                        cursor = next
                    }
                    (startBase + count).initialize(to: UInt32(truncatingIfNeeded: cursor))
                }
                startCount = count + 1
            }
            scalarCount = count
        }
        self.scalars = scalars
        self.starts = starts
    }

    /// One scalar from its UTF-8 bytes (valid: the lexer checked), without building a String per character.
    static func decode(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Unicode.Scalar {
        bytes.withUnsafeBufferPointer { decode($0, start, end) }
    }

    /// Inlined into the loop above, which calls it for every Chinese character (a call each was a third
    /// of the loop's cost; callgrind).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Unicode.Scalar {
        let first = UInt32(bytes[start])
        var value: UInt32
        switch end - start {
        case 1: value = first
        case 2: value = (first & 0x1F) << 6 | UInt32(bytes[start + 1] & 0x3F)
        case 3: value = (first & 0x0F) << 12 | UInt32(bytes[start + 1] & 0x3F) << 6 | UInt32(bytes[start + 2] & 0x3F)
        default:
            value = (first & 0x07) << 18 | UInt32(bytes[start + 1] & 0x3F) << 12 | UInt32(bytes[start + 2] & 0x3F) << 6
            if end - start >= 4 { value |= UInt32(bytes[start + 3] & 0x3F) } else { value = 0xFFFD }
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Whether literal bytes, outside their `{…}`, can hold a text quantity (`TextNumberScanner`) or a year
    /// that `QualityChecker.strayYears` reads: a run of digits (ASCII or full-width, with their separators)
    /// followed — after spaces, and 余 or 多 — by the first character of a unit or by 年; or 件 after a
    /// Chinese numeral. A paragraph without is not decoded scalar by scalar: most hold only dates
    /// (1月1日), document numbers (〔2021〕30号) and interpolations, and any digit used to send a paragraph
    /// to be decoded and scanned (callgrind, checking 300 corpus scripts: the text check 14.2 → 6.5 M
    /// instructions, and none of their 3,900 paragraphs decoded where 1,300 were). A superset of both readers,
    /// held to them by a test. Bytes that matter to none of these tests (most of a text) are passed sixteen
    /// at a time (`ByteScan.firstDigitOrBrace`).
    static func mayHoldNumbers(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { mayHoldNumbers($0, range) }
    }

    /// The same, of bytes read in place (the text check reads every paragraph of a file through one buffer).
    static func mayHoldNumbers(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        // The tables once, through one lazy global's guard (one for each table was 81 guards a script).
        let tables = NarrativeText.tables
        let followerLeads = tables.followerLeads, followerCodes = tables.followerCodes
        let singleByteFollowers = tables.singleByteFollowers, otherFollowers = tables.otherFollowers
        let numeralCodes = tables.numeralCodes
        // Read in place, so kept inside the bytes whatever the range says.
        let lower = max(0, range.lowerBound), upper = min(max(0, range.upperBound), bytes.count)
        guard lower < upper, let base = bytes.baseAddress else { return false }
        func holds(_ sequence: [UInt8], at offset: Int) -> Bool {
            guard offset >= lower, offset + sequence.count <= upper else { return false }
            for k in sequence.indices where bytes[offset + k] != sequence[k] { return false }
            return true
        }
        // The three bytes at `offset` as one number (`NarrativeText.code`), or nil when they do not all
        // lie in the range. Every character these tests look for but `%` is three bytes long: comparing
        // numbers, not each of a list of byte arrays through `holds`, took the test from 2.5 M to 1.2 M
        // instructions for 300 scripts (callgrind; it was most of its time, perf).
        func code(at offset: Int) -> UInt32? {
            guard offset >= lower, offset + 3 <= upper else { return nil }
            return UInt32(bytes[offset]) << 16 | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2])
        }
        // 件 (E4 BB B6) after a Chinese numeral (三件), found by its last byte; after a digit, the runs
        // below find it. Braces are not minded here: a superset.
        var at = lower
        while at < upper, let found = memchr(base + at, 0xB6, upper - at) {
            let last = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
            if last - 2 >= lower, bytes[last - 2] == 0xE4, bytes[last - 1] == 0xBB, let numeral = code(at: last - 5),
                numeralCodes.contains(numeral)
            {
                return true
            }
            at = last + 1
        }
        /// The length of the digit or separator at `offset` (０–９ is EF BC 90–99, ．EF BC 8E, ，EF BC 8C), or 0.
        func digitLength(_ offset: Int) -> Int {
            let byte = bytes[offset]
            if byte >= 0x30 && byte <= 0x39 || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") { return 1 }
            guard byte == 0xEF, offset + 2 < upper, bytes[offset + 1] == 0xBC else { return 0 }
            let last = bytes[offset + 2]
            return last >= 0x90 && last <= 0x99 || last == 0x8E || last == 0x8C ? 3 : 0
        }
        var i = lower
        var inInterpolation = false
        while i < upper {
            // To the next byte that matters to the tests — a digit (ASCII or full-width) or a brace —
            // sixteen bytes a step (eight at a time with word arithmetic, stopping at every full-width
            // comma and parenthesis too, took 5.4 M instructions for 300 scripts).
            i = ByteScan.firstDigitOrBrace(base, from: i, to: upper)
            guard i < upper else { break }
            let byte = bytes[i]
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") {
                inInterpolation = byte == UInt8(ascii: "{")
                i += 1
                continue
            }
            // Not a brace: a digit (ASCII, or full-width: EF BC 90–99), which starts a run of digits and
            // separators.
            guard !inInterpolation else {
                i += 1
                continue
            }
            var end = i
            while end < upper {
                let length = digitLength(end)
                if length == 0 { break }
                end += length
            }
            // Always a step forward (the search stops only at a digit); kept so that a search and this
            // loop that ever disagreed could not stall here.
            guard end > i else {
                i += 1
                continue
            }
            var next = end
            while next < upper {
                if bytes[next] == 0x20 { next += 1 } else if code(at: next) == NarrativeText.ideographicSpaceCode { next += 3 } else { break }
            }
            if next + 2 < upper, bytes[next] >= 0xE4, let mark = code(at: next), mark == NarrativeText.moreCode || mark == NarrativeText.overCode {
                next += 3
            }
            if next < upper, followerLeads[Int(bytes[next])] {
                if singleByteFollowers[Int(bytes[next])] { return true }
                if let follower = code(at: next), followerCodes.contains(follower) { return true }
                if otherFollowers.contains(where: { holds($0, at: next) }) { return true }
            }
            i = end
        }
        return false
    }

    /// A character of three UTF-8 bytes as one number, first byte highest (as `mayHoldNumbers` reads them).
    static func code(_ bytes: [UInt8]) -> UInt32 {
        bytes.prefix(3).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// What `mayHoldNumbers` looks for, made once.
    struct Tables {
        /// The followers of three bytes as numbers, those of one byte (`%`) as a table, and any other
        /// (none today) as bytes.
        let followerCodes: [UInt32] = followers.filter { $0.count == 3 }.map(code)
        let singleByteFollowers: [Bool] = {
            var table = [Bool](repeating: false, count: 256)
            for follower in followers where follower.count == 1 { table[Int(follower[0])] = true }
            return table
        }()
        let otherFollowers: [[UInt8]] = followers.filter { $0.count != 1 && $0.count != 3 }
        /// The Chinese numerals, all of three bytes.
        let numeralCodes: [UInt32] = numerals.filter { $0.count == 3 }.map(code)
        /// The bytes a unit's first character, or 年, starts with.
        let followerLeads: [Bool] = {
            var table = [Bool](repeating: false, count: 256)
            for follower in followers { table[Int(follower[0])] = true }
            return table
        }()
    }

    static let tables = Tables()
    /// U+3000, 余 and 多 as `code` makes them: constants, so no lazy global's guard is asked in the loop
    /// (`NarrativeTextTests` holds them to the characters).
    static let ideographicSpaceCode: UInt32 = 0xE3_8080, moreCode: UInt32 = 0xE4_BD99, overCode: UInt32 = 0xE5_A49A

    /// What may follow a number that `mayHoldNumbers` sends on: the first character of every unit, and 年.
    static let followers: [[UInt8]] = TextUnit.initials.map { Array(String($0).utf8) } + [Array("年".utf8)]
    /// What a Chinese count is made of (`TextNumberScanner.chinese`): its last character before 件.
    static let numerals: [[UInt8]] = "零〇一二两三四五六七八九十百千万".unicodeScalars.map { Array(String($0).utf8) }
    static let ideographicSpace = Array("\u{3000}".utf8), more = Array("余".utf8), over = Array("多".utf8)

    var count: Int { scalars.count }

    /// The source range of scalars `range`.
    func sourceRange(_ range: Range<Int>) -> SourceRange {
        guard !range.isEmpty, range.lowerBound < count else {
            let start = count > 0 ? Int(starts[0]) : 0
            return SourceRange(file: file, start: start, end: start)
        }
        return SourceRange(file: file, start: Int(starts[range.lowerBound]), end: Int(starts[min(range.upperBound, count)]))
    }

    func string(_ range: Range<Int>) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[max(0, range.lowerBound)..<min(count, range.upperBound)])
        return text
    }
}

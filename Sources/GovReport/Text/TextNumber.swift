import Foundation

/// A literal number in a paragraph with its unit: 120件, 45.2%, ３，０００条, 5394432.52元, 三件. Only a
/// number followed by a unit of the list is a text quantity; years (2021年), dates, document numbers
/// (〔2021〕39号) and phone numbers have none and are never read.
struct TextNumber: Sendable {
    /// The scalars of the number and its unit in the narrative.
    var span: Range<Int>
    /// The scalars of the number alone (where the caret goes).
    var digits: Range<Int>
    var value: Decimal
    /// The number as printed ("45.2", "３，０００", "三").
    var written: String
    var unit: TextUnit
    /// Printed decimals, for comparing a percentage at its precision.
    var decimals: Int
    /// "5500余条", "近100件", "100件以上": not an exact count, never checked.
    var isApproximate: Bool

    var isPercent: Bool { unit == .percent }
}

package enum TextUnit: String, Sendable, CaseIterable {
    case personTimes = "人次", tenThousandYuan = "万元", item = "件", entry = "条", piece = "个", matter = "项"
    case times = "次", yuan = "元", percent = "%", cases = "起", article = "篇"

    /// Longest spellings first, so 人次 is not read as 人 and 万元 not as 万.
    static let ordered: [(spelling: [Unicode.Scalar], unit: TextUnit)] = [
        (Array("人次".unicodeScalars), .personTimes), (Array("万元".unicodeScalars), .tenThousandYuan),
        (["件"], .item), (["条"], .entry), (["个"], .piece), (["项"], .matter), (["次"], .times), (["元"], .yuan),
        (["%"], .percent), (["％"], .percent), (["起"], .cases), (["篇"], .article),
    ]

    var isCount: Bool { self != .percent && self != .yuan && self != .tenThousandYuan }

    /// The first character of every unit, for a quick test.
    static let initials: Set<Unicode.Scalar> = Set(ordered.compactMap(\.spelling.first))
}

/// Finds every text quantity of a narrative in one pass, without backtracking.
enum TextNumberScanner {
    /// The scalars a number can start with: ASCII and full-width digits, the Chinese digits and 十.
    static let numberStarts: [Unicode.Scalar] =
        (0x30...0x39).compactMap(Unicode.Scalar.init) + (0xFF10...0xFF19).compactMap(Unicode.Scalar.init) + Array("零〇一二两三四五六七八九十".unicodeScalars)

    /// 256 bits, one set for each of `numberStarts` at its hash (`numberStartHash`): a scalar whose bit is
    /// clear starts no number, and most of a text's scalars are passed with this one test instead of the
    /// questions below (which were most of the scan's cost; callgrind).
    static let numberStartBits: [UInt64] = numberStarts.reduce(into: [0, 0, 0, 0]) { bits, scalar in
        let hash = numberStartHash(scalar)
        bits[hash >> 6] |= 1 << (hash & 63)
    }

    static func numberStartHash(_ scalar: Unicode.Scalar) -> Int { Int((scalar.value &* 0x9E37_79B1) >> 24) }

    static func scan(_ text: NarrativeText) -> [TextNumber] {
        let s = text.scalars
        var found: [TextNumber] = []
        let startBits = numberStartBits
        var i = 0
        while i < s.count {
            let hash = numberStartHash(s[i])
            if startBits[hash >> 6] & 1 << (hash & 63) == 0 {
                i += 1
                continue
            }
            if digit(s[i]) != nil, i == 0 || !isWordy(s[i - 1]) {
                if let number = arabic(s, at: i) {
                    if !number.written.isEmpty, let made = withUnit(number.value, number.written, number.decimals, s, start: i, end: number.end) {
                        found.append(made)
                    }
                    i = number.end
                    continue
                }
            } else if chineseDigit(s[i]) != nil || s[i] == "十", let number = chinese(s, at: i) {
                // Chinese numerals state counts: only before 件, and not as an ordinal or a distributive.
                let before = i > 0 ? s[i - 1] : " "
                if number.end < s.count, s[number.end] == "件", !"第每逐任各".unicodeScalars.contains(before) {
                    found.append(
                        TextNumber(
                            span: i..<(number.end + 1), digits: i..<number.end, value: Decimal(number.value),
                            written: text.string(i..<number.end), unit: .item, decimals: 0, isApproximate: false))
                }
                i = number.end
                continue
            }
            i += 1
        }
        return found
    }

    // MARK: - Arabic digits (ASCII or full-width), separators and decimals

    /// The number starting at `start`: its extent is found first without allocating; its value is built
    /// only when a unit follows (most digit runs in prose are years, dates and document numbers).
    private static func arabic(_ s: [Unicode.Scalar], at start: Int) -> (value: Decimal, written: String, decimals: Int, end: Int)? {
        var i = start
        var decimals = -1
        var digitCount = 0
        while i < s.count {
            if digit(s[i]) != nil {
                digitCount += 1
                if decimals >= 0 { decimals += 1 }
                i += 1
            } else if decimals < 0, s[i] == "." || s[i] == "．", i + 1 < s.count, digit(s[i + 1]) != nil {
                decimals = 0
                i += 1
            } else if decimals < 0, s[i] == "," || s[i] == "，", groupOfThree(s, after: i) {
                i += 1
            } else {
                break
            }
        }
        guard digitCount <= 30, unitFollows(s, at: i) else { return (0, "", 0, i) }
        // Up to 18 digits are exact in an Int; the Decimal is that significand scaled by the decimals.
        var significand = 0
        var counted = 0
        for c in s[start..<i] {
            guard let d = digit(c), let n = d.wholeNumberValue else { continue }
            counted += 1
            guard counted <= 18 else { return (0, "", 0, i) }
            significand = significand * 10 + n
        }
        let value = Decimal(sign: .plus, exponent: -max(decimals, 0), significand: Decimal(significand))
        var written = ""
        written.unicodeScalars.append(contentsOf: s[start..<i])
        return (value, written, max(decimals, 0), i)
    }

    /// Whether a unit of the list follows (after spaces and 余/多), without building anything.
    private static func unitFollows(_ s: [Unicode.Scalar], at offset: Int) -> Bool {
        var i = offset
        while i < s.count, s[i] == " " || s[i] == "\u{3000}" { i += 1 }
        if i < s.count, s[i] == "余" || s[i] == "多" { i += 1 }
        guard i < s.count else { return false }
        return TextUnit.initials.contains(s[i])
    }

    /// `,` or `，` followed by exactly three digits (then a non-digit): a thousands separator, not a clause.
    private static func groupOfThree(_ s: [Unicode.Scalar], after comma: Int) -> Bool {
        guard comma + 3 < s.count || comma + 3 == s.count else { return false }
        for k in 1...3 { guard comma + k < s.count, digit(s[comma + k]) != nil else { return false } }
        return comma + 4 >= s.count || digit(s[comma + 4]) == nil
    }

    private static func withUnit(_ value: Decimal, _ written: String, _ decimals: Int, _ s: [Unicode.Scalar], start: Int, end: Int) -> TextNumber? {
        var i = end
        var approximate = false
        while i < s.count, s[i] == " " || s[i] == "\u{3000}" { i += 1 }
        if i < s.count, s[i] == "余" || s[i] == "多" { approximate = true; i += 1 }
        for (spelling, unit) in TextUnit.ordered where i + spelling.count <= s.count && Array(s[i..<(i + spelling.count)]) == spelling {
            let unitEnd = i + spelling.count
            let before = start > 0 ? s[start - 1] : " "
            if "第近约逾超".unicodeScalars.contains(before) { approximate = approximate || before != "第" }
            if before == "第" { return nil }
            if startsWith(s, at: unitEnd, "以上") || startsWith(s, at: unitEnd, "左右") || startsWith(s, at: unitEnd, "以内") { approximate = true }
            if start >= 2, startsWith(s, at: start - 2, "超过") || startsWith(s, at: start - 2, "不到") || startsWith(s, at: start - 2, "不足") {
                approximate = true
            }
            return TextNumber(
                span: start..<unitEnd, digits: start..<end, value: value, written: written, unit: unit, decimals: decimals,
                isApproximate: approximate)
        }
        return nil
    }

    static func startsWith(_ s: [Unicode.Scalar], at offset: Int, _ word: String) -> Bool {
        guard offset >= 0 else { return false }
        var i = offset
        for scalar in word.unicodeScalars {
            guard i < s.count, s[i] == scalar else { return false }
            i += 1
        }
        return true
    }

    static func digit(_ c: Unicode.Scalar) -> Character? {
        if c.value >= 0x30, c.value <= 0x39 { return Character(c) }
        if c.value >= 0xFF10, c.value <= 0xFF19, let ascii = Unicode.Scalar(c.value - 0xFF10 + 0x30) { return Character(ascii) }
        return nil
    }

    /// A Latin letter or digit just before a number makes it part of a code (G20, 12345平台 is no unit anyway).
    private static func isWordy(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A) || digit(c) != nil || c == "." || c == "-"
    }

    // MARK: - Chinese numerals (counts up to 99,999)

    static func chineseDigit(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "零", "〇": return 0
        case "一": return 1
        case "二", "两": return 2
        case "三": return 3
        case "四": return 4
        case "五": return 5
        case "六": return 6
        case "七": return 7
        case "八": return 8
        case "九": return 9
        default: return nil
        }
    }

    private static func chinese(_ s: [Unicode.Scalar], at start: Int) -> (value: Int, end: Int)? {
        var total = 0, current = 0, i = start
        var sawAny = false
        while i < s.count, i - start < 12 {
            if let d = chineseDigit(s[i]) {
                current = d
                sawAny = true
            } else if s[i] == "十" || s[i] == "百" || s[i] == "千" || s[i] == "万" {
                let scale = s[i] == "十" ? 10 : s[i] == "百" ? 100 : s[i] == "千" ? 1000 : 10000
                // At most 12 numerals are read, but 九万万万… must not overflow: stop at a count no report has.
                if scale == 10000 {
                    total = (total + current) * scale
                } else {
                    total += (current == 0 && !sawAny ? 1 : current) * scale
                }
                guard total < 1_000_000_000 else { return nil }
                current = 0
                sawAny = true
            } else {
                break
            }
            i += 1
        }
        guard sawAny else { return nil }
        return (total + current, i)
    }
}

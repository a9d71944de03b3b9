#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CByteScan

/// Finds the next of two bytes in a range (or counts one) with `memchr`, which scans many bytes per step. Narrative text is
/// most of a script, and the lexer and the string parser only stop in it at a quote, a backslash or a brace.
package enum ByteScan {
    /// The offset of the first `a` or `b` in `bytes[from..<to]`, or `to`.
    static func first(_ a: UInt8, _ b: UInt8, in bytes: [UInt8], from: Int, to: Int) -> Int {
        guard from < to else { return to }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return to }
            let end = find(a, base, from, to) ?? to
            return find(b, base, from, end) ?? end
        }
    }

    /// The offset of the first `byte` in `bytes[from..<to]`, or `to`.
    static func next(_ byte: UInt8, in bytes: [UInt8], from: Int, to: Int) -> Int {
        guard from < to else { return to }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return to }
            return find(byte, base, from, to) ?? to
        }
    }

    /// How many times `byte` occurs in `bytes[from..<to]`.
    static func count(_ byte: UInt8, in bytes: [UInt8], from: Int, to: Int) -> Int {
        guard from >= 0, from < to, to <= bytes.count else { return 0 }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var count = 0
            var at = from
            while let found = find(byte, base, at, to) {
                count += 1
                at = found + 1
            }
            return count
        }
    }

    /// The offset of the first ASCII digit, `{`, `}` or full-width digit (０–９, EF BC 90–99) in
    /// `base[from..<to]`, or `to`: sixteen or thirty-two bytes a step (`gov_find_digit_or_brace`), the
    /// vector step at most `vectorLevel` (2 AVX2, 1 SSE2, 0 none: for the tests).
    package static func firstDigitOrBrace(_ base: UnsafePointer<UInt8>, from: Int, to: Int, vectorLevel: Int32 = 2) -> Int {
        guard from < to else { return to }
        return from + gov_find_digit_or_brace_at_level(base + from, to - from, vectorLevel)
    }

    /// Where a word that starts at `from` ends, at most `to` (kept inside the bytes): the first byte that
    /// `Lexer.continuesWord` refuses, or the ideographic space (E3 80 80) whole before `to`; sixteen
    /// bytes a step (`gov_word_end`).
    static func wordEnd(in bytes: [UInt8], from: Int, to: Int) -> Int {
        let limit = min(to, bytes.count)
        guard from >= 0, from < limit else { return max(from, 0) }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return from }
            return from + gov_word_end(base + from, limit - from)
        }
    }

    private static func find(_ byte: UInt8, _ base: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Int? {
        guard from < to, let found = memchr(base + from, Int32(byte), to - from) else { return nil }
        return UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
    }
}

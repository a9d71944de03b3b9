#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What kind of body publishes the report, which sets its deadline (条例第四十九条): a government's
/// department by 1月31日, a government's own report (published by its 主管部门) by 3月31日.
public enum BodyKind: String, Sendable, Equatable, CaseIterable {
    case department, government

    public var chinese: String { self == .department ? "部门" : "政府" }

    /// The last day of publication in the year after the report year: (month, day).
    public var deadline: (month: Int, day: Int) { self == .department ? (1, 31) : (3, 31) }

    package static func named(_ word: String) -> BodyKind? {
        switch word {
        case "department", "部门": return .department
        case "government", "政府": return .government
        default: return nil
        }
    }

    private static let departmentEndings = ["局", "委员会", "厅", "委", "办", "办公室", "中心", "院", "署", "队", "所"]

    package static var allSpellings: [String] { allCases.flatMap { [$0.rawValue, $0.chinese] } }

    /// A guess from the body's name, erring towards the later deadline: only a name that plainly ends as a
    /// department's does (局, 委员会, 厅, …) is a department; a 人民政府, 管委会, 乡镇 or anything unclear is
    /// a government. A false "published late" is worse than a missed one.
    package static func guess(from name: String) -> BodyKind {
        if let kind = guessFromPlainTail(name) { return kind }
        if name.hasSuffix("人民政府") || name.hasSuffix("政府") || name.hasSuffix("管委会") || name.hasSuffix("管理委员会") {
            return .government
        }
        if name.hasSuffix("人民政府办公室") || name.hasSuffix("政府办公室") || name.hasSuffix("政府办公厅") { return .government }
        return departmentEndings.contains(where: name.hasSuffix) ? .department : .government
    }

    /// The same guess, decided on the name's last eight scalars when each is printable ASCII, a CJK
    /// unified ideograph (U+4E00–U+9FFF) or a full-width form (U+FF01–U+FF5E, as in （虚构）): such scalars
    /// have no canonical decomposition, never combine and always start a character, so comparing their
    /// bytes is what `hasSuffix`'s canonical equivalence concludes (the eighth, before the longest ending,
    /// is checked so that nothing joins the ending's first character). Nil otherwise, and the general path
    /// decides. `hasSuffix` on Chinese text cost 24,000 instructions a report here, and the name's scalars
    /// read backwards as an array about 2,200 (callgrind, `gov check`); its UTF-8 bytes are read in place.
    private static func guessFromPlainTail(_ name: String) -> BodyKind? {
        var name = name
        return name.withUTF8 { bytes -> BodyKind? in
            // Back over at most eight scalars, each one byte (ASCII) or three (a lead E0–EF and the two
            // continuation bytes valid UTF-8 gives it); anything else leaves the guess to the general path.
            var start = bytes.count, scalars = 0
            while start > 0, scalars < 8 {
                let last = bytes[start - 1]
                if last < 0x80 {
                    guard last >= 0x20, last <= 0x7E else { return nil }
                    start -= 1
                } else {
                    guard start >= 3, bytes[start - 3] & 0xF0 == 0xE0 else { return nil }
                    let value = UInt32(bytes[start - 3] & 0x0F) << 12 | UInt32(bytes[start - 2] & 0x3F) << 6 | UInt32(bytes[start - 1] & 0x3F)
                    guard (0x4E00...0x9FFF).contains(value) || (0xFF01...0xFF5E).contains(value) else { return nil }
                    start -= 3
                }
                scalars += 1
            }
            // Every ending is CJK ideographs, at most seven: a match of its bytes starts at a scalar.
            func endsWith(_ ending: [UInt8]) -> Bool {
                ending.count <= bytes.count - start && ending.withUnsafeBufferPointer { ending in
                    guard let base = bytes.baseAddress, let endingBase = ending.baseAddress else { return ending.isEmpty }
                    return memcmp(base + bytes.count - ending.count, endingBase, ending.count) == 0
                }
            }
            if governmentTails.contains(where: endsWith) { return .government }
            return departmentTails.contains(where: endsWith) ? .department : .government
        }
    }

    /// The endings `guess` reads, as UTF-8 bytes, made once.
    private static let governmentTails = ["人民政府", "政府", "管委会", "管理委员会", "人民政府办公室", "政府办公室", "政府办公厅"].map { Array($0.utf8) }
    private static let departmentTails = departmentEndings.map { Array($0.utf8) }
}

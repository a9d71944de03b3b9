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
    /// have no canonical decomposition, never combine and always start a character, so comparing scalars
    /// is what `hasSuffix`'s canonical equivalence concludes (the eighth, before the longest ending, is
    /// checked so that nothing joins the ending's first character). Nil otherwise, and the general path
    /// decides. `hasSuffix` on Chinese text cost 24,000 instructions a report here (callgrind, `gov check`).
    private static func guessFromPlainTail(_ name: String) -> BodyKind? {
        var tail: [Unicode.Scalar] = []
        tail.reserveCapacity(8)
        for scalar in name.unicodeScalars.reversed() {
            let value = scalar.value
            guard (0x20...0x7E).contains(value) || (0x4E00...0x9FFF).contains(value) || (0xFF01...0xFF5E).contains(value) else { return nil }
            tail.append(scalar)
            if tail.count == 8 { break }
        }
        // Fewer than eight scalars: the whole name was looked at, and an ending longer than it cannot match.
        func endsWith(_ reversedSuffix: [Unicode.Scalar]) -> Bool {
            reversedSuffix.count <= tail.count && tail.starts(with: reversedSuffix)
        }
        if governmentTails.contains(where: endsWith) { return .government }
        return departmentTails.contains(where: endsWith) ? .department : .government
    }

    /// The endings `guess` reads, each as its scalars last first, made once: reading each ending backwards
    /// for every report was most of the guess's cost (callgrind).
    private static let governmentTails = ["人民政府", "政府", "管委会", "管理委员会", "人民政府办公室", "政府办公室", "政府办公厅"].map { Array($0.unicodeScalars.reversed()) }
    private static let departmentTails = departmentEndings.map { Array($0.unicodeScalars.reversed()) }
}

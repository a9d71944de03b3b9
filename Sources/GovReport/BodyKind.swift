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

    package static var allSpellings: [String] { allCases.flatMap { [$0.rawValue, $0.chinese] } }

    /// A guess from the body's name, erring towards the later deadline: only a name that plainly ends as a
    /// department's does (局, 委员会, 厅, …) is a department; a 人民政府, 管委会, 乡镇 or anything unclear is
    /// a government. A false "published late" is worse than a missed one.
    package static func guess(from name: String) -> BodyKind {
        if name.hasSuffix("人民政府") || name.hasSuffix("政府") || name.hasSuffix("管委会") || name.hasSuffix("管理委员会") {
            return .government
        }
        if name.hasSuffix("人民政府办公室") || name.hasSuffix("政府办公室") || name.hasSuffix("政府办公厅") { return .government }
        let departmentEndings = ["局", "委员会", "厅", "委", "办", "办公室", "中心", "院", "署", "队", "所"]
        return departmentEndings.contains(where: name.hasSuffix) ? .department : .government
    }
}

import Foundation

/// The difference of two counts as a finding prints it ("相差 …"), exact even where `a - b` does not fit in
/// an `Int`: a cell written as 9223372036854775807 against a total of −2 trapped the checker (found by the
/// fuzzer). Counts themselves are added with overflow checks (E016); only the printed difference was not.
enum ExactDifference {
    static func text(_ a: Int, _ b: Int) -> String {
        let (difference, overflow) = a.subtractingReportingOverflow(b)
        guard overflow else { return String(difference) }
        // Decimal holds 38 digits: any two Ints subtract exactly.
        return (Decimal(a) - Decimal(b)).description
    }
}

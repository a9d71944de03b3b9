/// The sum rules' equations for one shape of table 2, laid out flat for `RuleChecker`: each equation's
/// total and terms as places in a `CellStore` (`CellID.denseIndex`), in plain arrays of integers.
///
/// Nearly every equation of a report derives a total left empty from terms none of which is unknown:
/// `CellStore.deriveIfEmpty` does that from these arrays alone. Walked as `Equation` objects, each was
/// retained and released, and passed through the full check (about 540 instructions an equation, forty
/// a report; callgrind). Anything else — a stated total to compare, an unknown cell, an overflow — goes
/// to the full check with the equation object, kept at the same place in `equations`.
final class SumProgram: Sendable {
    /// For each rule (by its place in `RuleTable.rules`), where its equations are in the arrays below; an
    /// empty range for a rule that is not a sum.
    let equationsOfRule: [Range<Int>]
    /// Each equation's total.
    let totals: [Int]
    /// Each equation's terms: where they are in `terms`.
    let termRanges: [Range<Int>]
    let terms: [(sign: Int, index: Int)]
    /// Each equation as an object, for the full check.
    let equations: [Equation]

    /// `instantiated`: each rule's equations (`RuleTable`), in the rules' order.
    init(_ instantiated: [[Equation]]) {
        var equationsOfRule: [Range<Int>] = [], equations: [Equation] = []
        for ruleEquations in instantiated {
            equationsOfRule.append(equations.count..<equations.count + ruleEquations.count)
            equations += ruleEquations
        }
        var termRanges: [Range<Int>] = [], terms: [(sign: Int, index: Int)] = []
        for equation in equations {
            termRanges.append(terms.count..<terms.count + equation.termIndices.count)
            terms += equation.termIndices
        }
        self.equationsOfRule = equationsOfRule
        self.totals = equations.map(\.totalIndex)
        self.termRanges = termRanges
        self.terms = terms
        self.equations = equations
    }
}

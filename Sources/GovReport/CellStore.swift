import Foundation
import GovLanguage

/// The cells of the three official tables, found through a flat table indexed by a dense number per `CellID`.
///
/// Every rule reads and writes cells hundreds of times per report; an array index instead of a hashed
/// dictionary key keeps that path cheap. Iteration is in storage order — table 2, then table 1, then table 3 — which is
/// not `CellID`'s `<` order (table 1 first); sort when the order matters.
package struct CellStore: Sendable, Equatable {
    /// For each cell's dense index, one more than where its cell is in `values`; 0 when the cell is empty.
    /// Plain integers: a report has about 290 possible cells and fills a third of them, and freeing an
    /// array of `Cell?` ran the generic destroy of an optional for each of the 290; this array is freed in
    /// one step, and only the filled cells are destroyed. Net of the extra step on each read: 234.2 M →
    /// 231.8 M instructions checking 300 scripts (callgrind).
    private var slots: [Int32]
    /// The filled cells, in the order they were first filled. A cell emptied again (`= nil`) leaves its old
    /// value here unreferenced until the store is freed.
    private var values: [Stored] = []
    /// The amounts of amount cells, which `Stored` names by their place here.
    private var amounts: [(value: Decimal, text: String)] = []
    /// The codes of derived cells' rules that are not the rule table's (`ruleCodes`), after them.
    private var otherCodes: [DiagnosticCode] = []
    /// Whether a cell stated unknown was ever stored (it stays true if that cell is overwritten): the rules
    /// ask whether any term of an equation is unknown, and nearly every report has none.
    package private(set) var mayHoldUnknown = false

    /// A filled cell as plain values, made into a `Cell` when one is asked for. As `Cell`s (an enum with
    /// an amount's text, an origin with a rule's code), every cell was copied with its payloads retained,
    /// and destroyed one by one through the generic destroy when the store was freed; these are copied and
    /// freed as bytes, and the rules read a count in place (callgrind: 82.37 → 81.43 M checking 300 scripts).
    private struct Stored {
        /// The count; for an amount, its place in `amounts`.
        var integer: Int
        /// Where it was stated; unused when derived.
        var range: SourceRange
        /// For a derived cell, its rule's place among `ruleCodes` and then `otherCodes` (`place(of:)`).
        var code: Int32
        var isAmount: Bool
        var isStated: Bool
        /// 0 for a number, else a `CellMark` (1 blank, 2 unknown).
        var mark: UInt8
    }

    package init() {
        slots = Array(repeating: 0, count: CellStore.capacity)
    }

    /// Room for `count` more filled cells.
    package mutating func reserveCapacity(_ count: Int) {
        values.reserveCapacity(values.count + count)
    }

    /// The range a derived cell keeps (it was stated nowhere).
    private static let noRange = SourceRange(file: FileID(0), start: 0, end: 0)

    private static func markCode(_ mark: CellMark?) -> UInt8 {
        switch mark {
        case nil: return 0
        case .blank?: return 1
        case .unknown?: return 2
        }
    }

    /// The codes of the rule table's rules, each once: a derived cell names its rule by its place here.
    static let ruleCodes: [DiagnosticCode] = {
        var codes: [DiagnosticCode] = []
        for rule in RuleTable.rules where !codes.contains(rule.id) { codes.append(rule.id) }
        return codes
    }()

    /// For each rule of the rule table (by its place in `RuleTable.rules`), the place of its code in `ruleCodes`.
    static let ruleCodePlaces: [Int32] = RuleTable.rules.map { rule in Int32(ruleCodes.firstIndex(of: rule.id) ?? 0) }

    /// The place of `code` among `ruleCodes` and then `otherCodes` (which it joins if it is in neither).
    private mutating func place(of code: DiagnosticCode) -> Int32 {
        if let found = CellStore.ruleCodes.firstIndex(of: code) { return Int32(found) }
        if let found = otherCodes.firstIndex(of: code) { return Int32(CellStore.ruleCodes.count + found) }
        otherCodes.append(code)
        return Int32(CellStore.ruleCodes.count + otherCodes.count - 1)
    }

    private func code(at place: Int32) -> DiagnosticCode {
        let place = Int(place), rules = CellStore.ruleCodes
        return place < rules.count ? rules[place] : otherCodes[place - rules.count]
    }

    private mutating func stored(_ cell: Cell) -> Stored {
        var integer = 0, isAmount = false
        switch cell.value {
        case .integer(let value): integer = value
        case .amount(let value, let text):
            amounts.append((value, text))
            integer = amounts.count - 1
            isAmount = true
        }
        switch cell.origin {
        case .stated(let range):
            return Stored(integer: integer, range: range, code: 0, isAmount: isAmount, isStated: true, mark: CellStore.markCode(cell.mark))
        case .derived(let code):
            return Stored(
                integer: integer, range: CellStore.noRange, code: place(of: code), isAmount: isAmount, isStated: false,
                mark: CellStore.markCode(cell.mark))
        }
    }

    private func cell(_ stored: Stored) -> Cell {
        let value: Number = stored.isAmount ? .amount(amounts[stored.integer].value, amounts[stored.integer].text) : .integer(stored.integer)
        let origin: Cell.Origin = stored.isStated ? .stated(stored.range) : .derived(code(at: stored.code))
        let mark: CellMark? = stored.mark == 0 ? nil : stored.mark == 1 ? .blank : .unknown
        return Cell(value: value, origin: origin, mark: mark)
    }

    static let applicationBase = 0
    static let disclosureBase = ApplicationRow.allCases.count * Applicant.allCases.count
    static let appealBase = disclosureBase + DisclosureItem.allCases.count * DisclosureColumn.allCases.count
    static let capacity = appealBase + AppealBlock.allCases.count * AppealOutcome.allCases.count

    static func index(_ id: CellID) -> Int {
        switch id {
        case .application(let row, let column): return applicationBase + row.rawValue * Applicant.allCases.count + column.rawValue
        case .disclosure(let item, let column): return disclosureBase + item.rawValue * DisclosureColumn.allCases.count + column.rawValue
        case .appeal(let block, let outcome): return appealBase + block.rawValue * AppealOutcome.allCases.count + outcome.rawValue
        }
    }

    static let ids: [CellID] = {
        var ids: [CellID] = []
        for row in ApplicationRow.allCases { for column in Applicant.allCases { ids.append(.application(row, column)) } }
        for item in DisclosureItem.allCases { for column in DisclosureColumn.allCases { ids.append(.disclosure(item, column)) } }
        for block in AppealBlock.allCases { for outcome in AppealOutcome.allCases { ids.append(.appeal(block, outcome)) } }
        return ids
    }()

    /// Where a cell's value is in `values`, or nil when the cell is empty.
    private func position(_ id: CellID) -> Int? { position(dense: CellStore.index(id)) }

    /// Where the cell at a dense index (`CellID.denseIndex`) has its value in `values`, or nil when it is empty.
    private func position(dense index: Int) -> Int? {
        let slot = slots[index]
        return slot == 0 ? nil : Int(slot) - 1
    }

    /// `integer(_:)`, `contains(_:)` and `statedRange(_:)` of the cell at a dense index, for the rules, which
    /// keep their cells' indices.
    func integer(dense index: Int) -> Int? {
        guard let at = position(dense: index), !values[at].isAmount else { return nil }
        return values[at].integer
    }

    func contains(dense index: Int) -> Bool { slots[index] != 0 }

    /// An equation's terms read in one pass: their signed sum (an empty cell or an amount adds 0), whether
    /// it overflowed, and whether any term was stated. Every report applies some forty sums.
    func sum(_ terms: [(sign: Int, index: Int)]) -> (value: Int, overflow: Bool, anyStated: Bool) {
        terms.withUnsafeBufferPointer { sum($0) }
    }

    func sum(_ terms: UnsafeBufferPointer<(sign: Int, index: Int)>) -> (value: Int, overflow: Bool, anyStated: Bool) {
        var value = 0, overflow = false, anyStated = false
        values.withUnsafeBufferPointer { values in
            slots.withUnsafeBufferPointer { slots in
                for term in terms {
                    let slot = slots[term.index]
                    guard slot != 0 else { continue }
                    let at = Int(slot) - 1
                    if values[at].isStated { anyStated = true }
                    guard !values[at].isAmount else { continue }
                    let (product, o1) = values[at].integer.multipliedReportingOverflow(by: term.sign)
                    let (sum, o2) = value.addingReportingOverflow(product)
                    value = sum
                    overflow = overflow || o1 || o2
                }
            }
        }
        return (value, overflow, anyStated)
    }

    /// What `deriveIfEmpty` did.
    enum QuickSum {
        /// The total was empty, and now holds the sum.
        case derived
        /// No term was stated, and the rule needs one: nothing to do.
        case noStatedPart
        /// Anything else (a stated total, a cell that may be unknown, an overflow): for the full check.
        case undecided
    }

    /// An equation's common case, decided from the dense indices alone (`SumProgram`): when the total at
    /// `total` is empty, no cell may be unknown and the sum does not overflow, the total is filled with the
    /// sum, as derived by the rule at `rule` in `RuleTable.rules`.
    mutating func deriveIfEmpty(
        dense total: Int, terms: UnsafeBufferPointer<(sign: Int, index: Int)>, needsStatedPart: Bool, derivedByRule rule: Int
    ) -> QuickSum {
        let (value, overflow, anyStated) = sum(terms)
        if needsStatedPart, !anyStated { return .noStatedPart }
        guard !mayHoldUnknown, !overflow, slots[total] == 0 else { return .undecided }
        add(Stored(integer: value, range: CellStore.noRange, code: CellStore.ruleCodePlaces[rule], isAmount: false, isStated: false, mark: 0), dense: total)
        return .derived
    }

    /// Fills the empty cell at a dense index with a stated integer (most stated cells), or a stated mark;
    /// returns false, changing nothing, when the cell is filled.
    mutating func fillEmpty(dense index: Int, stated value: Int, at range: SourceRange, mark: CellMark?) -> Bool {
        guard slots[index] == 0 else { return false }
        add(Stored(integer: value, range: range, code: 0, isAmount: false, isStated: true, mark: CellStore.markCode(mark)), dense: index)
        return true
    }

    /// Fills the empty cell at a dense index with a derived `cell` (the rules derive most totals).
    mutating func fillEmpty(dense index: Int, with cell: consuming Cell) {
        guard slots[index] == 0 else { return }
        add(stored(cell), dense: index)
    }

    /// A cell for the empty slot at a dense index: the one place a cell joins the store (and may make it
    /// hold an unknown one).
    @inline(__always)
    private mutating func add(_ cell: Stored, dense index: Int) {
        if cell.mark == 2 { mayHoldUnknown = true }
        values.append(cell)
        slots[index] = Int32(truncatingIfNeeded: values.count)
    }

    func statedRange(dense index: Int) -> SourceRange? {
        guard let at = position(dense: index), values[at].isStated else { return nil }
        return values[at].range
    }

    package subscript(_ id: CellID) -> Cell? {
        get { position(id).map { cell(values[$0]) } }
        set {
            let index = CellStore.index(id)
            guard let cell = newValue else {
                slots[index] = 0
                return
            }
            if let at = position(id) {
                if cell.mark == .unknown { mayHoldUnknown = true }
                values[at] = stored(cell)
            } else {
                add(stored(cell), dense: index)
            }
        }
    }

    /// Whether a cell is stated unknown, read in place: the rules ask it of every term of every equation,
    /// and `self[id]?.isUnknown` copies the cell (retaining and releasing its payloads) to ask.
    package func isUnknown(_ id: CellID) -> Bool {
        guard mayHoldUnknown, let at = position(id) else { return false }
        return values[at].mark == 2
    }

    /// Whether a cell is filled (stated or derived), without copying it.
    package func contains(_ id: CellID) -> Bool { contains(dense: CellStore.index(id)) }

    /// Where a cell was stated, read in place (nil when it is empty or derived).
    package func statedRange(_ id: CellID) -> SourceRange? { statedRange(dense: CellStore.index(id)) }

    /// Whether a cell holds a total a rule derived, read in place.
    package func isDerived(_ id: CellID) -> Bool {
        guard let at = position(id) else { return false }
        return !values[at].isStated
    }

    /// A count cell's whole number, read in place (nil when the cell is empty or holds an amount).
    package func integer(_ id: CellID) -> Int? { integer(dense: CellStore.index(id)) }

    /// Every filled cell (stated or derived), in storage order (see above).
    package var filled: [(id: CellID, cell: Cell)] {
        slots.indices.compactMap { index in slots[index] == 0 ? nil : (CellStore.ids[index], cell(values[Int(slots[index]) - 1])) }
    }

    package var isEmpty: Bool { slots.allSatisfy { $0 == 0 } }

    /// Equal when every cell is: where each value sits in `values` is history, not content.
    package static func == (a: CellStore, b: CellStore) -> Bool {
        a.slots.indices.allSatisfy { index in
            let id = CellStore.ids[index]
            return a[id] == b[id]
        }
    }
}

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
    private var values: [Cell] = []
    /// Whether a cell stated unknown was ever stored (it stays true if that cell is overwritten): the rules
    /// ask whether any term of an equation is unknown, and nearly every report has none.
    package private(set) var mayHoldUnknown = false

    package init() {
        slots = Array(repeating: 0, count: CellStore.capacity)
    }

    /// Room for `count` more filled cells.
    package mutating func reserveCapacity(_ count: Int) {
        values.reserveCapacity(values.count + count)
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
        guard let at = position(dense: index), case .integer(let value) = values[at].value else { return nil }
        return value
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
                    // Read field by field in place: a copy of the cell retained and released its payloads.
                    let at = Int(slot) - 1
                    if !anyStated, case .stated = values[at].origin { anyStated = true }
                    guard case .integer(let number) = values[at].value else { continue }
                    let (product, o1) = number.multipliedReportingOverflow(by: term.sign)
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
    /// sum, as derived by `origin`'s rule.
    mutating func deriveIfEmpty(
        dense total: Int, terms: UnsafeBufferPointer<(sign: Int, index: Int)>, needsStatedPart: Bool, origin: Cell.Origin
    ) -> QuickSum {
        let (value, overflow, anyStated) = sum(terms)
        if needsStatedPart, !anyStated { return .noStatedPart }
        guard !mayHoldUnknown, !overflow, slots[total] == 0 else { return .undecided }
        add(Cell(value: .integer(value), origin: origin), dense: total)
        return .derived
    }

    /// Fills the empty cell at a dense index with a derived `cell` (the rules derive most totals).
    mutating func fillEmpty(dense index: Int, with cell: consuming Cell) {
        guard slots[index] == 0 else { return }
        add(cell, dense: index)
    }

    /// A cell for the empty slot at a dense index: the one place a cell joins the store (and may make it
    /// hold an unknown one).
    @inline(__always)
    private mutating func add(_ cell: consuming Cell, dense index: Int) {
        if cell.mark == .unknown { mayHoldUnknown = true }
        values.append(cell)
        slots[index] = Int32(truncatingIfNeeded: values.count)
    }

    func statedRange(dense index: Int) -> SourceRange? {
        guard let at = position(dense: index), case .stated(let range) = values[at].origin else { return nil }
        return range
    }

    package subscript(_ id: CellID) -> Cell? {
        get { position(id).map { values[$0] } }
        set {
            let index = CellStore.index(id)
            guard let cell = newValue else {
                slots[index] = 0
                return
            }
            if let at = position(id) {
                if cell.mark == .unknown { mayHoldUnknown = true }
                values[at] = cell
            } else {
                add(cell, dense: index)
            }
        }
    }

    /// Whether a cell is stated unknown, read in place: the rules ask it of every term of every equation,
    /// and `self[id]?.isUnknown` copies the cell (retaining and releasing its payloads) to ask.
    package func isUnknown(_ id: CellID) -> Bool {
        guard mayHoldUnknown, let at = position(id) else { return false }
        return values[at].mark == .unknown
    }

    /// Whether a cell is filled (stated or derived), without copying it.
    package func contains(_ id: CellID) -> Bool { contains(dense: CellStore.index(id)) }

    /// Where a cell was stated, read in place (nil when it is empty or derived).
    package func statedRange(_ id: CellID) -> SourceRange? { statedRange(dense: CellStore.index(id)) }

    /// Whether a cell holds a total a rule derived, read in place.
    package func isDerived(_ id: CellID) -> Bool {
        guard let at = position(id), case .derived = values[at].origin else { return false }
        return true
    }

    /// A count cell's whole number, read in place (nil when the cell is empty or holds an amount).
    package func integer(_ id: CellID) -> Int? { integer(dense: CellStore.index(id)) }

    /// Every filled cell (stated or derived), in storage order (see above).
    package var filled: [(id: CellID, cell: Cell)] {
        slots.indices.compactMap { index in slots[index] == 0 ? nil : (CellStore.ids[index], values[Int(slots[index]) - 1]) }
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

import GovLanguage

/// The cells of the three official tables in one flat array, indexed by a dense number per `CellID`.
///
/// Every rule reads and writes cells hundreds of times per report; an array index instead of a hashed
/// dictionary key keeps that path cheap. Iteration is in storage order — table 2, then table 1, then table 3 — which is
/// not `CellID`'s `<` order (table 1 first); sort when the order matters.
package struct CellStore: Sendable, Equatable {
    private var storage: [Cell?]

    package init() {
        storage = Array(repeating: nil, count: CellStore.capacity)
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

    package subscript(_ id: CellID) -> Cell? {
        get { storage[CellStore.index(id)] }
        set { storage[CellStore.index(id)] = newValue }
    }

    /// Whether a cell is stated unknown, read in place: the rules ask it of every term of every equation,
    /// and `self[id]?.isUnknown` copies the cell (retaining and releasing its payloads) to ask.
    package func isUnknown(_ id: CellID) -> Bool { storage[CellStore.index(id)]?.mark == .unknown }

    /// Where a cell was stated, read in place (nil when it is empty or derived).
    package func statedRange(_ id: CellID) -> SourceRange? {
        guard case .stated(let range)? = storage[CellStore.index(id)]?.origin else { return nil }
        return range
    }

    /// A count cell's whole number, read in place (nil when the cell is empty or holds an amount).
    package func integer(_ id: CellID) -> Int? {
        guard case .integer(let value)? = storage[CellStore.index(id)]?.value else { return nil }
        return value
    }

    /// Every filled cell (stated or derived), in storage order (see above).
    package var filled: [(id: CellID, cell: Cell)] {
        storage.indices.compactMap { index in storage[index].map { (CellStore.ids[index], $0) } }
    }

    package var isEmpty: Bool { storage.allSatisfy { $0 == nil } }
}

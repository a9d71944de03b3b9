/// One official cell as the importer read it. `inferred` says the value came out of splitting cells that
/// ran together, settled by the table's own equations; `candidates` lists what an unsettled cell could be.
package struct CellReading: Sendable, Equatable {
    package enum State: Sendable, Equatable {
        /// A number as printed (normalised: half-width digits, ASCII sign): "3001", "+9", "-18", "96171.6".
        case number(String)
        /// Printed empty (or a dash standing for nothing).
        case blank
        /// Printed, but what it says could not be settled.
        case unknown
    }

    package var state: State
    package var inferred: Bool
    package var candidates: [String]
    /// A unit printed with the number ("元", "万元").
    package var unit: String?

    package init(_ state: State, inferred: Bool = false, candidates: [String] = [], unit: String? = nil) {
        self.state = state
        self.inferred = inferred
        self.candidates = candidates
        self.unit = unit
    }

    package static let unknown = CellReading(.unknown)

    /// The whole number the cell holds, for the tables' equations (a blank counts 0).
    var integer: Int? {
        switch state {
        case .blank: return 0
        case .unknown: return nil
        case .number(let text): return Int(text.hasPrefix("+") ? String(text.dropFirst()) : text)
        }
    }
}

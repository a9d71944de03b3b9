#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GovLanguage

/// What one script leaves behind for the cross-year checks once its text, syntax and report are gone:
/// its identity, header, error count and the numbers of the cells the cross-year table reads — about
/// 150 bytes written to a `SeriesStore`, where the evaluation was about 30 KB. `SeriesScreen` decides
/// from these alone whether a series can have a finding; only then are its scripts read again for the
/// findings with their lines.
package struct SeriesFacts: Sendable {
    package let path: String
    /// `ScriptFinder.standardized(path)`, hashed: how a `previous` finds this script.
    let key: PathKey
    let body: String
    let year: Int
    let hasYear: Bool
    let edition: FormatEdition
    /// The standardized path `previous` names, hashed.
    let previous: PathKey?
    let errorCount: Int
    /// `count` of each cell of `SeriesFacts.cells(edition)`, in that order.
    let values: [Int]
    /// Bit i: cell i is derived (a total the script did not state).
    let derived: UInt32

    var isUsable: Bool { hasYear && !body.isEmpty }

    /// `standardized` is the script's `ScriptFinder.standardized` path; `inPlace` says it is its
    /// directory's plus its name, and `listed` holds the regular files the directory listed (see
    /// `ScriptWalk.nextScript`).
    init(evaluation: Evaluation, path: String, standardized: String, inPlace: Bool, listed: ListedFiles? = nil) {
        self.init(evaluation: evaluation, path: path, key: PathKey(standardized)) { previous in
            inPlace ? SeriesFacts.besideItself(previous, script: path, standardized: standardized, listed: listed) : nil
        }
    }

    package init(evaluation: Evaluation, path: String, key: PathKey) {
        self.init(evaluation: evaluation, path: path, key: key) { _ in nil }
    }

    /// The standardized path of a `previous` that names a file beside the script (`previous "2021.gov"`,
    /// the common case), without resolving the whole path again: the script's directory is already
    /// standardized, so only the file itself could be a link — which it is not when the directory listed
    /// it as a regular file (`listed`), and `lstat` says otherwise. Nil when it is not that simple.
    static func besideItself(_ previous: String, script: String, standardized: String, listed: ListedFiles? = nil) -> String? {
        // `StatementCollector` joined the script's directory (as `NSString` gives it) and the name; take
        // the name back off by bytes (`NSString`'s path methods cost about 30,000 instructions a call, and
        // `String`'s slicing and joining 6,000 a script; callgrind), read where the strings hold them (an
        // array of each was three allocations a script).
        var previousPath = previous, scriptPath = script, standardizedPath = standardized
        return previousPath.withUTF8 { previous in
            scriptPath.withUTF8 { script in
                standardizedPath.withUTF8 { standardized in
                    besideItself(previous, script: script, standardized: standardized, listed: listed)
                }
            }
        }
    }

    private static func besideItself(
        _ previous: UnsafeBufferPointer<UInt8>, script: UnsafeBufferPointer<UInt8>, standardized: UnsafeBufferPointer<UInt8>, listed: ListedFiles?
    ) -> String? {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        // The script's directory with a `/` after it ("" for a script without one).
        var prefix = 0
        if let last = script.lastIndex(of: slash) { prefix = last == 0 ? 1 : (script[last - 1] == slash ? last : last + 1) }
        guard previous.count >= prefix, previous[..<prefix].elementsEqual(script[..<prefix]),
            let standardizedSlash = standardized.lastIndex(of: slash)
        else { return nil }
        let name = previous[prefix...]
        guard !name.isEmpty, !name.contains(slash), !name.allSatisfy({ $0 == dot }) || name.count > 2 else { return nil }
        let file = String(decoding: name, as: UTF8.self)
        if listed?.holdsRegularFile(named: file) != true {
            var info = stat()
            if lstat(String(decoding: previous, as: UTF8.self), &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK { return nil }
        }
        // The standardized directory ("" for the root), `/`, the name: one string made in place.
        let directory = standardizedSlash == 1 && standardized[0] == slash ? standardized[..<0] : standardized[..<standardizedSlash]
        return String(unsafeUninitializedCapacity: directory.count + 1 + name.count) { buffer in
            var end = buffer.initialize(fromContentsOf: directory)
            buffer[end] = slash
            end += 1
            end += UnsafeMutableBufferPointer(rebasing: buffer[end...]).initialize(fromContentsOf: name)
            return end
        }
    }

    /// Reads the report where it lies (a copy of it retained and released every one of its arrays).
    private init(evaluation: borrowing Evaluation, path: String, key: PathKey, standardize: (String) -> String?) {
        self.path = path
        self.key = key
        body = evaluation.report.header.body
        year = evaluation.report.header.year
        hasYear = evaluation.report.header.yearRange != nil
        edition = evaluation.report.edition
        previous = evaluation.report.header.previous.map { PathKey(standardize($0.path) ?? ScriptFinder.standardized($0.path)) }
        errorCount = evaluation.report.errorCount
        let cells = SeriesFacts.cells(evaluation.report.edition)
        values = cells.map { evaluation.report.count($0) }
        var derived: UInt32 = 0
        for (position, cell) in cells.enumerated() where evaluation.report.cells.isDerived(cell) { derived |= 1 << UInt32(position) }
        self.derived = derived
    }

    init(
        path: String, key: PathKey, body: String, year: Int, hasYear: Bool, edition: FormatEdition, previous: PathKey?,
        errorCount: Int, values: [Int], derived: UInt32
    ) {
        self.path = path
        self.key = key
        self.body = body
        self.year = year
        self.hasYear = hasYear
        self.edition = edition
        self.previous = previous
        self.errorCount = errorCount
        self.values = values
        self.derived = derived
    }

    /// The count of the cell at a position of `SeriesFacts.cells(edition)` (0 when blank).
    func count(at position: Int) -> Int {
        guard position >= 0, position < values.count else { return 0 }
        return values[position]
    }

    func isDerived(at position: Int) -> Bool {
        position >= 0 && position < 32 && derived & (1 << UInt32(position)) != 0
    }

    /// Every cell a cross-year equation reads or checks when a report of this edition is one of the pair.
    static func cells(_ edition: FormatEdition) -> [CellID] { cellTable[edition] ?? [] }

    static func position(_ cell: CellID, _ edition: FormatEdition) -> Int? {
        positionTable[edition]?[cell]
    }

    private static let cellTable: [FormatEdition: [CellID]] = {
        var table: [FormatEdition: [CellID]] = [:]
        for edition in FormatEdition.allCases {
            var cells = Set<CellID>()
            for rule in CrossYearTable.rules {
                for other in FormatEdition.allCases {
                    for equation in rule.equations(edition, other) + rule.equations(other, edition) {
                        cells.insert(equation.target)
                        for term in equation.terms { cells.insert(term.cell) }
                    }
                }
            }
            // The flags hold 32 cells per edition; the table has 28 at most.
            table[edition] = Array(cells.sorted().prefix(32))
        }
        return table
    }()

    private static let positionTable: [FormatEdition: [CellID: Int]] = cellTable.mapValues { cells in
        Dictionary(uniqueKeysWithValues: cells.enumerated().map { ($1, $0) })
    }
}

/// A path's standardized form as 128 bits (two FNV-1a hashes with different bases), so that a batch of
/// 100,000 scripts can find each `previous` without keeping 100,000 path strings. Two different paths
/// share a key with a probability of about 2⁻¹²⁸ per pair.
package struct PathKey: Hashable, Sendable {
    let high: UInt64
    let low: UInt64

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    package init(_ standardized: String) {
        // The string's own bytes where it has them (a native string does): iterating its UTF-8 view
        // checked each step, 1,200 instructions for a body's name (callgrind).
        self = standardized.utf8.withContiguousStorageIfAvailable { PathKey(utf8: $0) } ?? PathKey(utf8: Array(standardized.utf8))
    }

    private init<Bytes: Sequence<UInt8>>(utf8: Bytes) {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in utf8 {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 &+ 0x9E37_79B9_7F4A_7C15
        }
        high = a
        low = b
    }
}

import GovReport

/// Reads the three official tables out of a section's blocks, whichever reader made them, and gives back
/// the blocks that are not part of the table (text before and after it).
struct OfficialTablesRecognizer {
    typealias Block = ImportedDocument.Block

    let edition: FormatEdition
    var tables = RecognizedReport.Tables()
    var warnings: [String] = []
    private var seen: Set<OfficialSection> = []

    /// A PDF's number positions, and which of its rows have been used.
    let positions: PDFWordPositions?
    private var usedPositionRows: Set<Int> = []

    init(edition: FormatEdition, positions: PDFWordPositions? = nil) {
        self.edition = edition
        self.positions = positions
    }

    /// A row printed with fewer numbers than columns (blank cells) is placed by where the PDF prints them.
    private mutating func placeByPosition(_ matches: inout [TableScanner.RowMatch]) {
        guard let positions else { return }
        for index in matches.indices where matches[index].tokens.count < matches[index].spec.kinds.count {
            let numbers = matches[index].tokens.compactMap { token -> String? in
                if case .text(let text) = token { return text }
                return nil
            }
            guard numbers.count == matches[index].tokens.count,
                let slots = positions.place(numbers, count: matches[index].spec.kinds.count, used: &usedPositionRows)
            else { continue }
            matches[index].tokens = slots.map { $0.map(RunTogetherSplitter.Token.text) ?? .blank }
            matches[index].positionNote = "按 PDF 中数字的横向位置定列：原文「\(matches[index].printedValues)」，其余为空白"
        }
    }

    func found(_ kind: OfficialSection) -> Bool { seen.contains(kind) }

    mutating func read(_ kind: OfficialSection, from blocks: [Block]) -> [Block] {
        guard !seen.contains(kind) else { return blocks }
        let (text, ranges, tableRows) = Self.scanTextWithRows(blocks)
        let whole = 0..<text.scalars.count
        covered = []
        let consumed: Range<Int>?
        switch kind {
        case .proactive: consumed = readDisclosure(text, whole)
        case .applications: consumed = readApplications(text, whole)
        case .appeals: consumed = readAppeals(text, whole)
        default: consumed = nil
        }
        guard let consumed else { return blocks }
        seen.insert(kind)
        // Rows of a consumed table that no official row took, and that hold numbers: kept as comments.
        var notes: [Int: [String]] = [:]
        if kind != .appeals {
            for row in tableRows where consumed.overlaps(row.range) && !covered.contains(where: { $0.overlaps(row.range) }) {
                guard row.text.unicodeScalars.contains(where: ValueLexer.digit) else { continue }
                notes[row.block, default: []].append("原文表格中未能归入规定格式的一行：\(row.text)")
            }
        }
        return Self.remove(consumed, from: blocks, ranges: ranges, text: text, notes: notes)
    }

    /// The stretches of text the matched rows took (label to last value).
    private var covered: [Range<Int>] = []

    /// Where a table's header is printed, its rows are looked for only after it: the words of the row
    /// labels (规章, 行政许可) also occur in the section's prose.
    private func afterHeader(_ words: [String], in text: ScanText, _ range: Range<Int>) -> Range<Int> {
        let starts = words.compactMap { text.find($0, in: range)?.lowerBound }
        guard let start = starts.min() else { return range }
        return start..<range.upperBound
    }

    private mutating func readDisclosure(_ text: ScanText, _ whole: Range<Int>) -> Range<Int>? {
        let range = afterHeader(["第二十条", "信息内容"], in: text, whole)
        var matches = TableScanner(text: text).scan(OfficialRowSpec.disclosure(edition), in: range)
        guard let first = matches.first, let last = matches.last else { return nil }
        placeByPosition(&matches)
        covered = matches.map { $0.label.lowerBound..<max($0.valuesEnd, $0.label.upperBound) }
        for (id, reading) in TableResolver.resolve(matches) {
            if case .disclosure(let item) = id { tables.disclosure[item] = reading }
        }
        collectWarnings(matches.map(\.spec.id))
        let start = anchor(["第二十条", "信息内容"], in: text, before: first.label.lowerBound, floor: range.lowerBound)
        return start..<last.valuesEnd
    }

    private mutating func readApplications(_ text: ScanText, _ whole: Range<Int>) -> Range<Int>? {
        let range = afterHeader(["本列数据", "申请人情况"], in: text, whole)
        let scanner = TableScanner(text: text)
        var specs = OfficialRowSpec.applications(edition)
        var matches = scanner.scan(specs, in: range)
        if edition == .y2021 {
            let ids = Set(matches.map(\.spec.id))
            if !ids.contains(.application(.overdueCorrection)) && !ids.contains(.application(.overdueFee)) {
                let single = OfficialRowSpec.applications(edition, singleOther: true)
                let retry = scanner.scan(single, in: range)
                if retry.contains(where: { $0.spec.id == .application(.other) }) {
                    specs = single
                    matches = retry
                    tables.singleOtherRow = true
                }
            }
        }
        guard matches.count >= 3, let first = matches.first, let last = matches.last else { return nil }
        placeByPosition(&matches)
        covered = matches.map { $0.label.lowerBound..<max($0.valuesEnd, $0.label.upperBound) }
        var results = ApplicationTableSpec.of(edition).resultRows
        if tables.singleOtherRow { results.removeAll { $0 == .overdueCorrection || $0 == .overdueFee } }
        let resolved = TableResolver.resolve(matches, columnChecks: Self.columnChecks(results: results))
        for (id, reading) in resolved {
            if case .application(let row) = id { tables.applications[row] = reading }
        }
        collectWarnings(matches.map(\.spec.id))
        let start = anchor(["本列数据", "申请人情况"], in: text, before: first.label.lowerBound, floor: range.lowerBound)
        return start..<last.valuesEnd
    }

    /// Table 3 has no row labels: its one row of fifteen numbers follows the header.
    private mutating func readAppeals(_ text: ScanText, _ range: Range<Int>) -> Range<Int>? {
        guard let header = text.find("行政复议", in: range) else { return nil }
        var lexer = ValueLexer(scalars: text.scalars, position: header.upperBound, end: range.upperBound)
        lexer.stopAtSentence = true
        var rows: [[RunTogetherSplitter.Token]] = [[]]
        var printed: [[String]] = [[]]
        var ends: [Int] = [header.upperBound]
        while let lexed = lexer.next() {
            guard let token = lexed.token else {
                rows.append([])
                printed.append([])
                ends.append(lexer.position)
                continue
            }
            rows[rows.count - 1].append(token)
            printed[printed.count - 1].append(lexed.printed)
            ends[ends.count - 1] = lexer.position
        }
        // In a real table, the row that has numbers (or, in an empty form, the last row of cells).
        let numeric = rows.indices.filter { index in rows[index].contains { if case .text = $0 { return true } else { return false } } }
        guard let chosen = numeric.first ?? rows.indices.last(where: { !rows[$0].isEmpty }) else { return nil }
        let tokens = numeric.isEmpty ? rows[chosen] : numeric.flatMap { rows[$0] }
        let shown = numeric.isEmpty ? printed[chosen] : numeric.flatMap { printed[$0] }
        var match = TableScanner.RowMatch(
            spec: .appeals, label: header, approximation: nil, valuesEnd: ends[numeric.last ?? chosen])
        match.tokens = tokens
        match.printedValues = shown.joined(separator: " ")
        var single = [match]
        placeByPosition(&single)
        tables.appeals = TableResolver.resolve(single)[.appeals]
        if let warning = tables.appeals?.warning { warnings.append(warning) }
        return header.lowerBound..<match.valuesEnd
    }

    private mutating func collectWarnings(_ found: [OfficialRowSpec.ID]) {
        // In the tables' order: a dictionary's order changes from run to run, and so did the warnings'.
        let readings = tables.disclosure.sorted { $0.key.rawValue < $1.key.rawValue }.map(\.value)
            + tables.applications.sorted { $0.key.rawValue < $1.key.rawValue }.map(\.value)
        for reading in readings where found.contains(reading.spec.id) {
            if let warning = reading.warning, !warnings.contains(warning) { warnings.append(warning) }
        }
    }

    /// The table starts at its header when the header precedes the first row label.
    private func anchor(_ words: [String], in text: ScanText, before limit: Int, floor: Int) -> Int {
        let candidates = words.compactMap { text.find($0, in: floor..<limit)?.lowerBound }
        guard var start = candidates.min() else { return limit }
        // The header note is printed in brackets: "（本列数据的勾稽关系为：…）".
        var position = text.visibleIndex[start]
        if position > 0, text.visible[position - 1] >= floor, ["（", "("].contains(text.scalars[text.visible[position - 1]]) {
            position -= 1
            start = text.visible[position]
        }
        return start
    }

    /// The applications table's column equations: results = （七）总计 (A2); 一 + 二 = （七）+ 四 (A1).
    static func columnChecks(results: [ApplicationRow]) -> [([OfficialRowSpec.ID: [Int?]]) -> Bool?] {
        func cell(_ table: [OfficialRowSpec.ID: [Int?]], _ row: ApplicationRow, _ column: Int) -> Int?? {
            guard let cells = table[.application(row)], column < cells.count else { return .none }
            return .some(cells[column])
        }
        let a2: ([OfficialRowSpec.ID: [Int?]]) -> Bool? = { table in
            for column in 0..<7 {
                guard case .some(.some(let total)) = cell(table, .total, column) else { return nil }
                var sum = 0
                for row in results {
                    guard case .some(.some(let value)) = cell(table, row, column) else { return nil }
                    sum += value
                }
                if sum != total { return false }
            }
            return true
        }
        let a1: ([OfficialRowSpec.ID: [Int?]]) -> Bool? = { table in
            for column in 0..<7 {
                guard case .some(.some(let new)) = cell(table, .new, column),
                    case .some(.some(let carried)) = cell(table, .carried, column),
                    case .some(.some(let total)) = cell(table, .total, column),
                    case .some(.some(let forward)) = cell(table, .forward, column)
                else { return nil }
                if new + carried != total + forward { return false }
            }
            return true
        }
        return [a2, a1]
    }

    // MARK: - Blocks as one scan text

    /// Paragraphs end with a line break; tables are written cell by cell with the control characters of
    /// `ScanText`. Returns each block's range in the text.
    static func scanText(_ blocks: [Block]) -> (ScanText, [Range<Int>]) {
        let (text, ranges, _) = scanTextWithRows(blocks)
        return (text, ranges)
    }

    /// Also each real table row's range and text, to say which rows of a consumed table were not placed.
    static func scanTextWithRows(_ blocks: [Block]) -> (ScanText, [Range<Int>], [(block: Int, range: Range<Int>, text: String)]) {
        var scalars: [Unicode.Scalar] = []
        var ranges: [Range<Int>] = []
        var rows: [(block: Int, range: Range<Int>, text: String)] = []
        for block in blocks {
            let start = scalars.count
            switch block {
            case .paragraph(let paragraph):
                scalars.append(contentsOf: paragraph.text.unicodeScalars)
            case .note:
                break
            case .table(let table):
                for row in table.rows {
                    let rowStart = scalars.count
                    defer { rows.append((ranges.count, rowStart..<scalars.count, row.map(\.text.trimmingSpaces).joined(separator: " | "))) }
                    for cell in row {
                        scalars.append(ScanText.cellBoundary)
                        let text = cell.text.trimmingSpaces
                        if isBlank(text) {
                            scalars.append(ScanText.blankCell)
                            for _ in 1..<max(1, min(cell.columnSpan, 16)) { scalars.append(ScanText.spannedBlank) }
                        } else {
                            scalars.append(contentsOf: text.unicodeScalars)
                        }
                        // A cell spanning value columns is still one cell: its span adds nothing to read.
                    }
                    scalars.append(ScanText.rowEnd)
                }
            }
            ranges.append(start..<scalars.count)
            scalars.append("\n")
        }
        return (ScanText(scalars), ranges, rows)
    }

    /// Printed for "nothing" in a cell.
    static func isBlank(_ text: String) -> Bool {
        text.isEmpty || ["-", "—", "——", "－", "/", "／", "无", "--"].contains(text)
    }

    /// The blocks outside `consumed`: paragraphs cut at its ends keep their outer parts; a table it
    /// touches is taken whole.
    static func remove(_ consumed: Range<Int>, from blocks: [Block], ranges: [Range<Int>], text: ScanText, notes: [Int: [String]] = [:]) -> [Block] {
        var kept: [Block] = []
        for (index, (block, range)) in zip(blocks, ranges).enumerated() {
            if range.upperBound <= consumed.lowerBound || range.lowerBound >= consumed.upperBound {
                kept.append(block)
                continue
            }
            kept += (notes[index] ?? []).map(Block.note)
            guard case .paragraph(let paragraph) = block else { continue }
            if range.lowerBound < consumed.lowerBound {
                let before = text.string(range.lowerBound..<consumed.lowerBound).trimmingSpaces
                if !before.isEmpty { kept.append(.paragraph(Paragraph(before, isHeading: paragraph.isHeading))) }
            }
            if range.upperBound > consumed.upperBound {
                let after = text.string(consumed.upperBound..<range.upperBound).trimmingSpaces
                if !after.isEmpty { kept.append(.paragraph(Paragraph(after))) }
            }
        }
        return kept
    }
}

import GovLanguage

/// A check's plain table lines (`PlainTableLine`): read into cells from their words, without syntax.
extension StatementCollector {
    /// An entry of a plain table line (`PlainTableLine`): its cell, found when the line was read (each
    /// word known, the cell one the statement has), and what placing it still asks of the format, which the
    /// year, anywhere in the script, decides. Plain values only: an array of them is freed without a look
    /// at each (a `CellStatement`'s entries, their names and values, were freed field by field).
    struct PlainCell {
        let cell: CellID
        let value: Int
        let valueRange: SourceRange
        let nameRange: SourceRange
        /// The selector's raw value and range, when the line has one.
        let selector: Int?
        let selectorRange: SourceRange?
    }

    /// Reads a plain table line into `plainCells`: each word found where it lies, and each cell one the
    /// statement has. False, nothing kept, when a word is not one the statement knows or its selector is
    /// missing or extra: the line is then parsed, and reported, as any other (`CellResolver`). What the
    /// format asks of a cell waits for the format (`CellResolver.resolve(plain:)`).
    mutating func take(plain line: borrowing PlainTableLine, in source: SourceFile) -> Bool {
        guard let statement = TableStatement.ByKeyword.shared[line.keyword] else { return false }
        let start = plainCells.count
        let taken = source.bytes.withUnsafeBufferPointer { bytes -> Bool in
            func word(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[range]) }
            var selector: Int?
            if let written = line.selector {
                guard let slot = statement.selectorSlot, let found = slot.lookup(word(written.bytes)) else { return false }
                selector = found
            } else if statement.selectorIsRequired {
                return false
            }
            for entry in line.entries {
                guard let name = statement.name.lookup(word(entry.name)), let cell = statement.cell(selector: selector, name: name) else {
                    return false
                }
                plainCells.append(
                    PlainCell(
                        cell: cell, value: entry.value, valueRange: entry.valueRange, nameRange: entry.nameRange, selector: selector,
                        selectorRange: line.selector?.range))
            }
            return true
        }
        guard taken else {
            plainCells.removeSubrange(start...)
            return false
        }
        if firstRange == nil { firstRange = line.range }
        effects.record(statement: line.range, line.keyword)
        cellLines.append(CellLine(keyword: line.keyword, cells: nil, plain: start..<plainCells.count, firstEntry: cellEntryCount, count: line.entries.count))
        cellEntryCount += line.entries.count
        return true
    }
}

/// The text a table is looked for in: paragraphs joined by line breaks, and real tables written as their
/// cells with three control characters — a cell boundary, a blank cell and a row end — so that one scanner
/// reads a Word or HTML table, a PDF's layout lines and an archive's run-together text alike.
struct ScanText {
    static let cellBoundary: Unicode.Scalar = "\u{1F}"
    static let blankCell: Unicode.Scalar = "\u{1E}"
    static let rowEnd: Unicode.Scalar = "\u{1D}"
    /// The further columns a blank cell spans: blank cells of their own, or nothing (a single value that
    /// Word merges across the grid, as in table 1's 本年处理决定数量) — the row's column count decides.
    static let spannedBlank: Unicode.Scalar = "\u{1C}"

    let scalars: [Unicode.Scalar]
    /// Indices of the scalars that are not white space: labels are matched on these, so a label broken
    /// over lines or printed with spaces inside words (商业 企业) is still found.
    let visible: [Int]
    /// For each scalar, its position in `visible` (or of the next visible scalar).
    let visibleIndex: [Int]

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        var visible: [Int] = []
        var visibleIndex: [Int] = []
        visible.reserveCapacity(scalars.count)
        visibleIndex.reserveCapacity(scalars.count + 1)
        for (index, scalar) in scalars.enumerated() {
            visibleIndex.append(visible.count)
            if !ScanText.isSpace(scalar) { visible.append(index) }
        }
        visibleIndex.append(visible.count)
        self.visible = visible
        self.visibleIndex = visibleIndex
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{3000}" || scalar == "\u{A0}"
            || scalar == "\u{FEFF}"
    }

    /// Full-width forms and curly quotes folded, so that （一） matches (一) and “ matches ".
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
        case 0x201C, 0x201D, 0x300C, 0x300D: return "\""
        case 0x2018, 0x2019: return "'"
        case 0x2212: return "-"
        default: return scalar
        }
    }

    /// The first occurrence of `key` (ignoring white space inside the text) in `range`.
    func find(_ key: String, in range: Range<Int>) -> Range<Int>? {
        let needle = key.unicodeScalars.filter { !ScanText.isSpace($0) }.map(ScanText.fold)
        guard let first = needle.first, range.lowerBound < range.upperBound else { return nil }
        var start = visibleIndex[min(range.lowerBound, scalars.count)]
        while start + needle.count <= visible.count {
            let position = visible[start]
            if position >= range.upperBound { return nil }
            if ScanText.fold(scalars[position]) == first {
                var matched = true
                for offset in 1..<max(needle.count, 1) where offset < needle.count {
                    if ScanText.fold(scalars[visible[start + offset]]) != needle[offset] {
                        matched = false
                        break
                    }
                }
                let end = visible[start + needle.count - 1] + 1
                if matched && end <= range.upperBound { return position..<end }
            }
            start += 1
        }
        return nil
    }

    func string(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    /// The text of a range without white space or table control characters: a label as printed.
    func squeezed(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        for scalar in scalars[range] where !ScanText.isSpace(scalar) && scalar.value >= 0x20 {
            view.append(scalar)
        }
        return String(view)
    }
}

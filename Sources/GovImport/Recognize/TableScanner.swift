/// Finds the official rows of one table in order, by their labels, and the value tokens printed after each
/// label up to the next one. Labels are matched forgivingly (see `OfficialRowSpec`); what differs from
/// the official label is said in `approximation`.
struct TableScanner {
    struct RowMatch {
        let spec: OfficialRowSpec
        /// From the numbering to the end of the label as printed.
        let label: Range<Int>
        var approximation: String?
        var tokens: [RunTogetherSplitter.Token] = []
        /// The tokens as printed, for comments ("7000007").
        var printedValues: String = ""
        /// Where the values end: the table ends after the last row's.
        var valuesEnd: Int
        /// Said when the columns of a row with blank cells were read from the PDF's word positions.
        var positionNote: String?
        /// The tokens with a blank for every column a blank cell spans, when the row has such a cell.
        var spannedTokens: [RunTogetherSplitter.Token]?
    }

    let text: ScanText

    /// Matches `specs` in order inside `range`; a row whose label is not found is left out.
    func scan(_ specs: [OfficialRowSpec], in range: Range<Int>) -> [RowMatch] {
        var matches: [RowMatch] = []
        var cursor = range.lowerBound
        for spec in specs {
            guard let match = locate(spec, in: cursor..<range.upperBound) else { continue }
            matches.append(match)
            cursor = match.label.upperBound
        }
        for index in matches.indices {
            let end = index + 1 < matches.count ? matches[index + 1].label.lowerBound : range.upperBound
            readValues(into: &matches[index], until: end, isLast: index + 1 == matches.count)
        }
        return matches
    }

    private func locate(_ spec: OfficialRowSpec, in range: Range<Int>) -> RowMatch? {
        var best: (Range<Int>, String, Bool)?
        for key in spec.keys + spec.typoKeys {
            guard let found = text.find(key, in: range) else { continue }
            if found.lowerBound < (best?.0.lowerBound ?? Int.max) {
                best = (found, key, spec.typoKeys.contains(key))
            }
        }
        guard let (keyRange, key, isTypo) = best else { return nil }
        var notes: [String] = []
        if isTypo { notes.append("印作近似的标签") }
        let body = Array(spec.body.unicodeScalars.filter { !ScanText.isSpace($0) }.map(ScanText.fold))
        let keyScalars = Array(key.unicodeScalars.map(ScanText.fold))
        let keyOffset = isTypo ? nil : firstIndex(of: keyScalars, in: body)

        // Backwards: the body before the key, then the numbering.
        var start = keyRange.lowerBound
        if let keyOffset {
            var position = text.visibleIndex[start]
            var bodyIndex = keyOffset
            while bodyIndex > 0, position > 0, text.visible[position - 1] >= range.lowerBound,
                ScanText.fold(text.scalars[text.visible[position - 1]]) == body[bodyIndex - 1]
            {
                position -= 1
                bodyIndex -= 1
            }
            if bodyIndex > 0 { notes.append("标签开头与规定不同") }
            start = text.visible[min(position, text.visible.count - 1)]
            if position == text.visibleIndex[keyRange.lowerBound] { start = keyRange.lowerBound }
        }
        if !spec.numbering.isEmpty {
            let (numberingStart, numberingNote) = numbering(spec.numbering, before: start, floor: range.lowerBound)
            start = numberingStart
            if let numberingNote { notes.append(numberingNote) }
        }

        // Forwards: the rest of the body, as far as it is printed before the values.
        var end = keyRange.upperBound
        var resynced = false
        if let keyOffset {
            var position = text.visibleIndex[end]
            var bodyIndex = keyOffset + keyScalars.count
            while bodyIndex < body.count, position < text.visible.count, text.visible[position] < range.upperBound {
                let scalar = ScanText.fold(text.scalars[text.visible[position]])
                guard scalar == body[bodyIndex] else {
                    // A PDF's neighbouring label printed between two lines of this one ("…通知要 处理 求缴纳…"):
                    // skip it when the label picks up again right after.
                    if let resumed = resume(body, at: bodyIndex, from: position, limit: range.upperBound) {
                        position = resumed
                        resynced = true
                        continue
                    }
                    if !ValueLexer.startsValue(text.scalars, text.visible[position]) && scalar.value >= 0x20 {
                        notes.append("标签与规定不同")
                    }
                    break
                }
                position += 1
                bodyIndex += 1
                end = text.visible[position - 1] + 1
            }
        }
        let printed = text.squeezed(start..<end)
        if !notes.isEmpty || (!resynced && printed != spec.officialLabel && !isTruncation(printed, of: spec.officialLabel)) {
            if notes.isEmpty { notes.append("标签与规定不同") }
        }
        let approximation = notes.isEmpty ? nil : "近似匹配「\(spec.officialLabel)」：原文作「\(printed)」（\(notes.joined(separator: "，"))）"
        return RowMatch(spec: spec, label: start..<end, approximation: approximation, valuesEnd: end)
    }

    /// Where the rest of the label continues within the next few characters (at least three of them
    /// matching), or nil.
    private func resume(_ body: [Unicode.Scalar], at bodyIndex: Int, from position: Int, limit: Int) -> Int? {
        let needed = min(3, body.count - bodyIndex)
        for skip in 1...8 {
            let start = position + skip
            guard start + needed <= text.visible.count, text.visible[start + needed - 1] < limit else { return nil }
            if ValueLexer.startsValue(text.scalars, text.visible[start - 1]) { return nil }
            if (0..<needed).allSatisfy({ ScanText.fold(text.scalars[text.visible[start + $0]]) == body[bodyIndex + $0] }) { return start }
        }
        return nil
    }

    /// A label broken by the values printed beside it (a PDF's wrapped cell) is printed in full elsewhere.
    private func isTruncation(_ printed: String, of official: String) -> Bool {
        official.hasPrefix(printed) && printed.count >= 2
    }

    /// Consumes the numbering before a body ("1." "1、" "（一）" "(一)" "一、"); says when it differs.
    private func numbering(_ expected: String, before start: Int, floor: Int) -> (Int, String?) {
        let wanted = Array(expected.unicodeScalars.map(ScanText.fold).map(Self.foldMark))
        var position = text.visibleIndex[start]
        var index = wanted.count
        var raw: [Unicode.Scalar] = []
        while index > 0, position > 0, text.visible[position - 1] >= floor {
            let scalar = text.scalars[text.visible[position - 1]]
            guard Self.foldMark(ScanText.fold(scalar)) == wanted[index - 1] else { break }
            raw.insert(scalar, at: 0)
            position -= 1
            index -= 1
        }
        guard index == 0 else { return (start, "没有印出编号「\(expected)」") }
        let printed = String(String.UnicodeScalarView(raw))
        return (text.visible[position], printed == expected ? nil : "编号印作「\(printed)」")
    }

    /// 1、 1． 1, and 1. are one numbering; so are 一、 and 一.
    private static func foldMark(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar == "、" || scalar == "," || scalar == "，" || scalar == "．" ? "." : scalar
    }

    private func firstIndex(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<(start + needle.count)]) == needle {
            return start
        }
        return nil
    }

    /// The value tokens after a label: up to the next label, or in a real table to the end of the row.
    private func readValues(into match: inout RowMatch, until end: Int, isLast: Bool) {
        var lexer = ValueLexer(scalars: text.scalars, position: match.label.upperBound, end: end)
        lexer.stopAtText = isLast
        var printed: [String] = []
        while let lexed = lexer.next() {
            guard let token = lexed.token else {
                if match.tokens.isEmpty { continue } else { break }
            }
            if lexed.spanned {
                if match.spannedTokens == nil { match.spannedTokens = match.tokens }
                match.spannedTokens?.append(token)
                continue
            }
            match.spannedTokens?.append(token)
            match.tokens.append(token)
            printed.append(lexed.printed)
            match.valuesEnd = lexer.position
        }
        if isLast, match.tokens.isEmpty { match.valuesEnd = match.label.upperBound }
        match.printedValues = printed.joined(separator: " ")
    }
}

import GovLanguage

/// `gov fmt` for an open document: the same printer; one edit covering only the bytes that change, so
/// the editor keeps the cursor and folds outside it. Text that does not parse is left alone.
package enum Formatting {
    package static func edits(text: [UInt8], path: String) -> [Edit] {
        let formatted = Array(ScriptPrinter.format(source: SourceFile(path: path, bytes: text)).utf8)
        guard formatted != text else { return [] }
        var prefix = 0
        let shorter = min(text.count, formatted.count)
        while prefix < shorter, text[prefix] == formatted[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < shorter - prefix, text[text.count - 1 - suffix] == formatted[formatted.count - 1 - suffix] { suffix += 1 }
        // Never split a character: move both ends out to scalar boundaries.
        while prefix > 0, isContinuation(text[prefix]) { prefix -= 1 }
        while suffix > 0, isContinuation(text[text.count - suffix]) { suffix -= 1 }
        let newText = String(decoding: formatted[prefix..<(formatted.count - suffix)], as: UTF8.self)
        return [Edit(range: prefix..<(text.count - suffix), newText: newText)]
    }

    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
}

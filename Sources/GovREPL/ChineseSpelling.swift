import Gov
import GovLanguage
import GovRender
import GovReport

/// Rewrites a statement in its Chinese spelling, term by term, from the same tables the parser reads:
/// `application carried 1 granted 1` → `申请 上年结转 1 予以公开 1`. Used to show each example of
/// `:help` in both languages; quoted text is kept, paths inside `{…}` are translated.
enum ChineseSpelling {
    static func of(_ statement: String) -> String {
        var words = statement.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard let first = words.first, let keyword = Keyword(spelling: first) else { return statement }
        words[0] = keyword.chinese
        let arguments = argumentTerms(keyword)
        var position = 0
        for index in words.indices.dropFirst() {
            let word = words[index]
            if word.contains(".") || word.contains("{") {
                words[index] = translatingPaths(in: word)
                continue
            }
            guard let first = word.first, first.isLetter, first.isASCII else { continue }
            // Selectors come before cell names; try each vocabulary in the statement's order.
            for (offset, lookup) in arguments.enumerated() where offset >= min(position, arguments.count - 1) {
                if let chinese = lookup(word) {
                    words[index] = chinese
                    position = offset
                    break
                }
            }
        }
        return words.joined(separator: " ")
    }

    typealias Lookup = (String) -> String?

    private static func term<T: Term>(_ type: T.Type) -> Lookup {
        { T.named($0)?.chinese.first }
    }

    /// A table statement's selector and cell names, from its declaration; a section's name.
    private static func argumentTerms(_ keyword: Keyword) -> [Lookup] {
        if let statement = TableStatement.of(keyword) {
            return ([statement.selector.slot].compactMap { $0 } + [statement.name]).map { slot in { slot.chinese(of: $0) } }
        }
        return keyword == .section ? [term(OfficialSection.self)] : []
    }

    /// `application.new` → `申请.本年新收`, also inside `"…{application.new}…"`. Dotted words whose head is
    /// not a table (`common.gov`) are left alone.
    static func translatingPaths(in text: String) -> String {
        var result = ""
        var word = ""
        func flush() {
            result += translatedPath(word)
            word = ""
        }
        for character in text {
            if character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == ".") {
                word.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }

    private static func translatedPath(_ path: String) -> String {
        let segments = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard segments.count > 1, let head = Keyword(spelling: segments[0]) else { return path }
        let lookups: [Lookup] = (TableStatement.of(head)?.path ?? []).map { slot in { slot.chinese(of: $0) } }
        var translated = [head.chinese]
        for (index, segment) in segments.dropFirst().enumerated() {
            translated.append(index < lookups.count ? (lookups[index](segment) ?? segment) : segment)
        }
        return translated.joined(separator: ".")
    }
}

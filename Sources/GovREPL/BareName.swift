/// Whether a name can be written without quotes — a word of the language: letters, `_`, digits (not
/// first) and any non-ASCII character except the ideographic space. Only such names can be completed and
/// written inside `{…}`.
enum BareName {
    static func isBare(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII ? (scalar.properties.isAlphabetic || scalar == "_" || ("0"..."9").contains(scalar)) : scalar != "\u{3000}"
        }
    }
}

/// `word/fontTable.xml`: the 公文 fonts the styles name, each with an `altName` that a machine without them
/// has — the Noto CJK families of Debian's fonts-noto-cjk — and the GB2312 charset, so Word and LibreOffice
/// substitute a Chinese face of the same kind (serif for 仿宋/楷体/宋体, sans for 黑体) instead of falling
/// back to a Japanese one.
package enum DocxFonts {
    package struct Face: Sendable {
        package let name: String
        package let fallback: String
        /// WordprocessingML font family: "roman" (serif) or "swiss" (sans).
        package let family: String
    }

    static let serifFallback = "Noto Serif CJK SC"
    static let sansFallback = "Noto Sans CJK SC"

    package static let faces: [Face] = [
        Face(name: DocxStyle.titleFont, fallback: serifFallback, family: "roman"),
        Face(name: DocxStyle.bodyFont, fallback: serifFallback, family: "roman"),
        Face(name: DocxStyle.headingFont, fallback: sansFallback, family: "swiss"),
        Face(name: DocxStyle.subheadingFont, fallback: serifFallback, family: "roman"),
        Face(name: DocxStyle.pageNumberFont, fallback: serifFallback, family: "roman"),
    ]

    static let fontTable: String = {
        let entries = faces.map { face in
            "<w:font w:name=\"\(face.name)\"><w:altName w:val=\"\(face.fallback)\"/><w:charset w:val=\"86\"/>"
                + "<w:family w:val=\"\(face.family)\"/><w:pitch w:val=\"variable\"/></w:font>"
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:font w:name="Times New Roman"><w:altName w:val="Liberation Serif"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>\
            \(entries.joined())</w:fonts>
            """
    }()
}

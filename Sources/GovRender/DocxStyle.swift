/// Page and type of the national 公文 standard (GB/T 9704-2012) in WordprocessingML units: A4; margins
/// 37 mm top, 35 mm bottom, 28 mm left, 26 mm right; title 2号 方正小标宋简体; body 3号 仿宋_GB2312;
/// level-one headings 3号 黑体; level-two 3号 楷体_GB2312; tables 五号 (the applications table 小五, so its
/// ten columns fit); page numbers 4号 "— 1 —" at the foot.
enum DocxStyle {
    /// Twentieths of a point per millimetre.
    static func twips(millimetres: Double) -> Int { Int((millimetres * 1440 / 25.4).rounded()) }

    static let pageWidth = 11906
    static let pageHeight = 16838
    static let marginTop = twips(millimetres: 37)
    static let marginBottom = twips(millimetres: 35)
    static let marginLeft = twips(millimetres: 28)
    static let marginRight = twips(millimetres: 26)
    static let textWidth = pageWidth - marginLeft - marginRight

    // Sizes in half-points: 2号 22pt, 3号 16pt, 4号 14pt, 五号 10.5pt, 小五 9pt.
    static let titleSize = 44
    /// 156 mm of text width holds 20 characters of 2号 (22 pt).
    static let titleCharactersPerLine = 20
    static let bodySize = 32
    static let pageNumberSize = 28
    static let tableSize = 21
    static let smallTableSize = 18

    /// GB/T 9704's page holds 22 lines of 28 characters. The fixed 28 pt line gives the 22 lines; 156 mm
    /// of text width holds only 27.6 characters of 16 pt, so body text is set 0.25 pt tighter (15.75 pt a
    /// character, 28 to the line). Word's 公文 templates do this with a character grid
    /// (`docGrid linesAndChars`), but LibreOffice spreads such a grid's characters over two cells.
    static let linePitch = 560
    static let bodyTracking = -5

    /// Shading of the 第二十条 band rows, as in the official template.
    static let bandFill = "C6D9F1"

    static let titleFont = "方正小标宋简体"
    static let bodyFont = "仿宋_GB2312"
    static let headingFont = "黑体"
    static let subheadingFont = "楷体_GB2312"
    static let pageNumberFont = "宋体"

    static func fonts(_ eastAsia: String) -> String {
        "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"\(eastAsia)\" w:cs=\"Times New Roman\"/>"
    }

    static let tableBorders = ["top", "left", "bottom", "right", "insideH", "insideV"].map {
        "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    }.joined()

    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:docDefaults>
        <w:rPrDefault><w:rPr>\(fonts(bodyFont))<w:sz w:val="\(bodySize)"/><w:szCs w:val="\(bodySize)"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
        <w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="560" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault>
        </w:docDefaults>
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr><w:rPr><w:spacing w:val="\(bodyTracking)"/></w:rPr></w:style>
        <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="560" w:line="700" w:lineRule="exact"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr>\
        <w:rPr>\(fonts(titleFont))<w:spacing w:val="0"/><w:sz w:val="\(titleSize)"/><w:szCs w:val="\(titleSize)"/></w:rPr></w:style>
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr>\(fonts(headingFont))</w:rPr></w:style>
        <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr>\(fonts(subheadingFont))</w:rPr></w:style>
        <w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:snapToGrid w:val="0"/><w:spacing w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr>\
        <w:rPr><w:spacing w:val="0"/><w:sz w:val="\(tableSize)"/><w:szCs w:val="\(tableSize)"/></w:rPr></w:style>
        <w:style w:type="paragraph" w:styleId="TableCaption"><w:name w:val="Table Caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>\
        <w:pPr><w:keepNext/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Signoff"><w:name w:val="Signoff"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:ind w:firstLineChars="0" w:firstLine="0" w:right="1280"/><w:jc w:val="right"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:spacing w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr>\
        <w:rPr>\(fonts(pageNumberFont))<w:spacing w:val="0"/><w:sz w:val="\(pageNumberSize)"/><w:szCs w:val="\(pageNumberSize)"/></w:rPr></w:style>
        <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>\
        <w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
        <w:style w:type="table" w:styleId="GovTable"><w:name w:val="Gov Table"/><w:basedOn w:val="TableNormal"/>\
        <w:pPr><w:snapToGrid w:val="0"/><w:spacing w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/></w:pPr>\
        <w:tblPr><w:tblBorders>\(tableBorders)</w:tblBorders></w:tblPr></w:style>
        </w:styles>
        """

    /// "— 1 —": the page number field between two dashes.
    static let footer = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r>\
        <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
        <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
        <w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p>
        </w:ftr>
        """

    static let sectionProperties = """
        <w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/>\
        <w:pgSz w:w="\(pageWidth)" w:h="\(pageHeight)"/>\
        <w:pgMar w:top="\(marginTop)" w:right="\(marginRight)" w:bottom="\(marginBottom)" w:left="\(marginLeft)" w:header="851" w:footer="992" w:gutter="0"/>\
        <w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="\(linePitch)"/></w:sectPr>
        """
}

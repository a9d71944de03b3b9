/// The page's style sheet: the 公文 faces with their usual Windows, macOS and Noto fallbacks; on screen a
/// white A4-wide sheet (and, with `--annotate`, the findings beside it on a wide screen, above it on a
/// narrow one); in print, the page of GB/T 9704 — its margins, tables that fit its 156 mm width (the
/// fifteen-column table included), headings kept with what follows, a table never cut when it fits a page.
enum HTMLStyle {
    static let sheet = """
        body { margin: 0; background: #f4f4f4; color: #000; }
        .report { max-width: 190mm; margin: 2em auto; padding: 20mm 18mm; background: #fff; box-sizing: border-box;
          font-family: "FangSong", "仿宋_GB2312", "仿宋", "STFangsong", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 1.75; }
        h1 { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", "Noto Serif CJK SC", serif; font-size: 22pt;
          font-weight: normal; text-align: center; margin: 0 0 1em; line-height: 1.6; text-wrap: balance;
          word-break: keep-all; overflow-wrap: anywhere; }
        h2 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 0.6em 0 0.2em;
          text-indent: 2em; }
        h3 { font-family: "楷体_GB2312", "楷体", "KaiTi", "STKaiti", "Noto Serif CJK SC", serif; font-size: 16pt; font-weight: normal;
          margin: 0.3em 0 0; text-indent: 2em; }
        p { text-indent: 2em; margin: 0; text-align: justify; }
        table { border-collapse: collapse; width: 100%; margin: 0.8em 0 1.2em; font-size: 10.5pt; line-height: 1.4; }
        th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: middle; }
        th.head { text-align: center; font-weight: normal; }
        th.label { text-align: left; font-weight: normal; }
        td.value { text-align: center; }
        /* A column heading wraps between its words (社会/公益/组织), never one character a line. */
        .words { word-break: keep-all; }
        th.group { white-space: nowrap; }
        /* The 第二十条 bands, as the template prints them: left-aligned and shaded. */
        tr.band th { text-align: left; background: #c6d9f1; }
        caption { caption-side: top; padding-bottom: 0.3em; }
        .signoff { margin-top: 2em; break-before: avoid; page-break-before: avoid; }
        .signoff p { text-indent: 0; text-align: right; margin-right: 4em; }
        td.derived { color: #1a4d8f; }
        .finding-error { background: #fde2e1; outline: 2px solid #c62828; outline-offset: -2px; }
        .finding-warning { background: #fff4d6; outline: 2px solid #e0a800; outline-offset: -2px; }
        .findings { max-width: 190mm; margin: 2em auto 0; padding: 1em 18mm; background: #fff; box-sizing: border-box;
          font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 11pt; line-height: 1.6; }
        .findings h2 { text-indent: 0; margin-top: 0; }
        .findings p { text-indent: 0; }
        .findings ol { padding-left: 1.5em; }
        .findings li { margin-bottom: 0.6em; }
        .findings li.error .kind { color: #c62828; }
        .findings li.warning .kind { color: #a67c00; }
        .findings .place { color: #555; }
        .findings .cells a { display: inline-block; margin-right: 0.8em; }
        @media screen and (min-width: 1180px) {
          body.annotated { display: grid; grid-template-columns: 190mm minmax(300px, 440px); justify-content: center; column-gap: 1.5em;
            align-items: start; }
          body.annotated .report { grid-column: 1; grid-row: 1; margin: 2em 0; }
          body.annotated .findings { grid-column: 2; grid-row: 1; position: sticky; top: 0; max-height: calc(100vh - 4em); overflow-y: auto;
            margin: 2em 0; padding: 1em 1.2em; }
        }
        @media print {
          @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
          body { background: #fff; display: block; }
          .report { margin: 0; padding: 0; max-width: none; }
          h1, h2, h3, caption { break-after: avoid; page-break-after: avoid; }
          h1 { break-inside: avoid; }
          p { orphans: 2; widows: 2; }
          /* Official tables in 小五 so the fifteen columns of table 3 fit the 156 mm text width. */
          table { font-size: 9pt; line-height: 1.3; }
          table.local { font-size: 10.5pt; }
          th, td { padding: 1.5pt 2pt; }
          /* A table that fits a page stays whole; a longer one breaks between rows and repeats its headings. */
          table { break-inside: avoid; page-break-inside: avoid; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; page-break-inside: avoid; }
          .findings { display: none; }
          td.derived { color: inherit; }
          .finding-error, .finding-warning { background: none; outline: none; }
        }
        """
}

import GovReport

/// `index.html` for a batch of HTML reports: one line per report with its body, year, format and the count
/// of errors and warnings, linked to its page.
package enum BatchIndex {
    package struct Entry: Sendable {
        package let title: String
        package let body: String
        package let year: Int
        package let format: Int
        package let errors: Int
        package let warnings: Int
        package let file: String

        package init(evaluation: Evaluation, file: String) {
            let report = evaluation.report
            title = report.header.title
            body = report.header.body
            year = report.header.year
            format = report.edition.rawValue
            errors = report.errorCount
            warnings = report.warningCount
            self.file = file
        }
    }

    package static func html(_ entries: [Entry]) -> String {
        let rows = entries.sorted { ($0.body, $0.year) < ($1.body, $1.year) }.map { entry in
            "<tr><td><a href=\"\(HTMLEscape.text(percentEncoded(entry.file)))\">\(HTMLEscape.text(entry.title))</a></td>"
                + "<td>\(HTMLEscape.text(entry.body))</td><td>\(entry.year)</td><td>\(entry.format)</td>"
                + "<td>\(entry.errors)</td><td>\(entry.warnings)</td></tr>"
        }
        return """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><title>政府信息公开工作年度报告</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px}</style>
            </head>
            <body>
            <h1>政府信息公开工作年度报告（\(entries.count) 份）</h1>
            <table>
            <thead><tr><th>报告</th><th>机关</th><th>年度</th><th>格式</th><th>错误</th><th>警告</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            </body>
            </html>

            """
    }

    /// File names may hold spaces or `#`: keep the link pointing at the file.
    static func percentEncoded(_ name: String) -> String {
        var out = ""
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(UnicodeScalar(byte))
            default:
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }
}

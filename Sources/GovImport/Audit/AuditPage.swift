import Foundation
import GovLanguage
import GovRender

/// The audit's `index.html`: one row per body and year, its errors and warnings counted by code, each
/// linked to the report's annotated page; the chart above. No JavaScript.
enum AuditPage {
    static func html(_ result: Audit.Result) -> String {
        let entries = result.entries.sorted { ($0.body, $0.year ?? 0, $0.source) < ($1.body, $1.year ?? 0, $1.source) }
        let errors = entries.reduce(0) { $0 + $1.errors }
        let warnings = entries.reduce(0) { $0 + $1.warnings }
        var rows: [String] = []
        for entry in entries {
            let name = HTMLEscape.text((entry.source as NSString).lastPathComponent)
            let link = entry.page.map { "<a href=\"\(HTMLEscape.text($0))\">\(name)</a>" } ?? name
            let codes = { (severity: Severity) -> String in
                var counts: [String: Int] = [:]
                for finding in entry.findings where finding.severity == severity { counts[finding.code, default: 0] += 1 }
                return counts.keys.sorted().map { "\(HTMLEscape.text($0)) × \(counts[$0] ?? 0)" }.joined(separator: "，")
            }
            let status = entry.failure.map { "<td colspan=\"5\" class=\"failure\">无法读取：\(HTMLEscape.text($0))</td>" }
                ?? "<td class=\"n\">\(entry.errors)</td><td>\(codes(.error))</td><td class=\"n\">\(entry.warnings)</td><td>\(codes(.warning))</td>"
                + "<td class=\"n\">\(entry.unknownCells)</td>"
            let rowClass = entry.failure != nil || entry.errors > 0 ? " class=\"bad\"" : ""
            rows.append(
                "<tr\(rowClass)><td>\(HTMLEscape.text(entry.body))</td><td>\(entry.year.map(String.init) ?? "")</td><td>\(link)</td>\(status)</tr>")
        }
        return """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="gov audit">
            <title>政府信息公开工作年度报告审核</title>
            <style>
            body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; margin-top: 1em; }
            th, td { border: 1px solid #999; padding: 0.3em 0.6em; vertical-align: top; }
            th { background: #eee; }
            td.n { text-align: right; }
            tr.bad td:first-child { border-left: 4px solid #c00; }
            td.failure { color: #c00; }
            </style>
            </head>
            <body>
            <h1>政府信息公开工作年度报告审核</h1>
            <p>\(entries.count) 份报告，\(errors) 个错误，\(warnings) 个警告。不详：报告中无法读出、记为不详的表格单元格数。</p>
            <img src="findings.svg" alt="各代码的问题数">
            <table>
            <thead><tr><th>机关</th><th>年度</th><th>报告</th><th>错误</th><th>错误代码</th><th>警告</th><th>警告代码</th><th>不详</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            <p><a href="findings.csv">findings.csv</a>：每一个问题一行。</p>
            </body>
            </html>

            """
    }
}

/// Every finding, one a line: the report, its body and year, code, severity, line in the script, message.
enum AuditCSV {
    static func csv(_ entries: [Audit.Entry]) -> String {
        var lines = ["source,script,body,year,code,severity,line,message"]
        for entry in entries {
            if let failure = entry.failure {
                lines.append([entry.source, "", "", "", "IMPORT", "error", "", failure].map(field).joined(separator: ","))
            }
            for finding in entry.findings {
                lines.append(
                    [entry.source, entry.script ?? "", entry.body, entry.year.map(String.init) ?? "", finding.code,
                     finding.severity.rawValue, finding.line.map(String.init) ?? "", finding.message].map(field).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Quoted when needed; text a spreadsheet would run as a formula gets a leading `'`.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Findings by code as a horizontal bar chart, plain SVG (errors red, warnings amber).
enum AuditChart {
    static func svg(_ entries: [Audit.Entry]) -> String {
        let counts = Audit.countsByCode(entries)
        let barHeight = 22
        let labelWidth = 80
        let chartWidth = 420
        let height = max(1, counts.count) * (barHeight + 6) + 40
        let largest = max(1, counts.map(\.count).max() ?? 1)
        var bars: [String] = []
        for (index, item) in counts.enumerated() {
            let y = 30 + index * (barHeight + 6)
            let width = max(2, item.count * chartWidth / largest)
            let color = item.severity == .error ? "#c62828" : "#f9a825"
            bars.append(
                "<text x=\"\(labelWidth - 8)\" y=\"\(y + 16)\" text-anchor=\"end\">\(HTMLEscape.text(item.code))</text>"
                    + "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(width)\" height=\"\(barHeight)\" fill=\"\(color)\"/>"
                    + "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 16)\">\(item.count)</text>")
        }
        if counts.isEmpty { bars.append("<text x=\"10\" y=\"50\">没有发现问题</text>") }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(labelWidth + chartWidth + 60)" height="\(height)" font-family="sans-serif" font-size="13">
            <text x="10" y="18" font-size="15">各代码的问题数（红：错误，黄：警告）</text>
            \(bars.joined(separator: "\n"))
            </svg>

            """
    }
}

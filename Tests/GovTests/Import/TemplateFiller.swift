import Foundation
import ZIPFoundation

/// Fills every empty value cell of a Word table with 1, 2, 3, … in reading order (cells a `vMerge`
/// continues are part of the cell above and are left alone), as a clerk would fill in the template.
enum TemplateFiller {
    static func fill(_ url: URL) throws -> (Data, Int) {
        let source = try Archive(url: url, accessMode: .read)
        let output = try Archive(accessMode: .create)
        var filledCount = 0
        for entry in source {
            var data = Data()
            _ = try source.extract(entry) { data.append($0) }
            if entry.path == "word/document.xml" {
                let (xml, count) = fillCells(String(decoding: data, as: UTF8.self))
                data = Data(xml.utf8)
                filledCount = count
            }
            try output.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        guard let archived = output.data else { throw CocoaError(.fileWriteUnknown) }
        return (archived, filledCount)
    }

    static func fillCells(_ xml: String) -> (String, Int) {
        var result = ""
        var rest = Substring(xml)
        var number = 0
        while let open = rest.range(of: "<w:tc>") ?? rest.range(of: "<w:tc "), let close = rest[open.upperBound...].range(of: "</w:tc>") {
            result += rest[..<open.lowerBound]
            var cell = String(rest[open.lowerBound..<close.upperBound])
            rest = rest[close.upperBound...]
            let continues = cell.contains("<w:vMerge/>") || cell.contains("w:vMerge w:val=\"continue\"")
            let text = cell.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
                .trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{3000}")))
            if !continues, text.isEmpty, let end = cell.range(of: "</w:p>", options: .backwards) {
                number += 1
                cell.replaceSubrange(end, with: "<w:r><w:t>\(number)</w:t></w:r></w:p>")
            }
            result += cell
        }
        result += rest
        return (result, number)
    }
}

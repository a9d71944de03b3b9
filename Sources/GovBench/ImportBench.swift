import Foundation
import GovImport

/// `GovBench --import FILE…`: the time to import each file (reading, recognizing and writing the script),
/// median of 20 runs after one warm-up. A PDF is converted by `pdftotext` once, outside the timing: the
/// importer's own work is what is measured. `--pages N` also times a synthetic report of N pages made by
/// repeating the first file's narrative (layout text, 45 lines a page).
enum ImportBench {
    static func run(_ arguments: [String]) {
        var files: [String] = []
        var pages: Int?
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            if argument == "--pages" { pages = iterator.next().flatMap(Int.init) } else if argument != "--import" { files.append(argument) }
        }
        for file in files {
            guard let (text, layout) = source(file) else {
                print("\(file): cannot read")
                continue
            }
            report(name: file, text: text, layout: layout)
            if let pages, layout {
                let synthetic = lengthen(text, toPages: pages)
                report(name: "\(file) lengthened to \(pages) pages (\(synthetic.split(separator: "\n").count) lines)", text: synthetic, layout: true)
            }
        }
    }

    static func report(name: String, text: String, layout: Bool) {
        var times: [Double] = []
        var cells = 0
        for run in 0..<21 {
            let start = DispatchTime.now().uptimeNanoseconds
            let document = TextReader.read(text, layout: layout)
            let result = Importer.importDocument(document, name: name)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            cells = result.tally.read + result.tally.inferred
            if run > 0 { times.append(elapsed) }
        }
        times.sort()
        print(String(format: "import %@: median %.1f ms, best %.1f ms (%d cells read)", name, times[times.count / 2], times[0], cells))
    }

    static func source(_ file: String) -> (String, Bool)? {
        if file.hasSuffix(".pdf") {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["pdftotext", "-layout", "-enc", "UTF-8", file, "-"]
            let pipe = Pipe()
            process.standardOutput = pipe
            guard (try? process.run()) != nil else { return nil }
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (String(decoding: data, as: UTF8.self), true)
        }
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        return (text, text.contains("\u{0C}") || text.split(separator: "\n").filter { $0.contains("     ") }.count >= 5)
    }

    /// Repeats the narrative before the first table until the report has `pages` pages of 45 lines.
    static func lengthen(_ text: String, toPages pages: Int) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let tableStart = lines.firstIndex { $0.contains("主动公开政府信息情况") } ?? lines.count / 2
        let narrative = Array(lines[8..<tableStart])
        var out = Array(lines[0..<tableStart])
        while out.count + (lines.count - tableStart) < pages * 45 { out += narrative }
        return (out + lines[tableStart...]).joined(separator: "\n")
    }
}

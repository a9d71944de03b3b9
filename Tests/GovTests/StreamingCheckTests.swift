import Foundation
import Testing

@testable import GovLanguage
@testable import GovRender
@testable import GovReport

/// The streaming batch (`gov check DIR`) against the batch that holds everything (`BatchCheck`): the same
/// findings, with the same lines and notes, for every kind of series; and the same bytes for any `--jobs`.
struct StreamingCheckTests {
    /// Directory layouts (relative path → script) that exercise every series finding.
    static let layouts: [(name: String, files: [String: String])] = [
        ("a consistent series", [
            "a/2021.gov": "body 甲局\nyear 2021\napplication new 3 granted 1\n",
            "a/2022.gov": "body 甲局\nyear 2022\nprevious \"2021.gov\"\napplication carried 2 new 1 granted 3\n",
        ]),
        ("a broken carry-over, named and found", [
            "a/2021.gov": "body 甲局\nyear 2021\napplication new 3 granted 1\n",
            "a/2022.gov": "body 甲局\nyear 2022\nprevious \"2021.gov\"\napplication carried 1 new 1\n",
            "b/2021.gov": "body 乙局\nyear 2021\napplication business new 2\n",
            "b/2022.gov": "body 乙局\nyear 2022\napplication carried 2\n",
        ]),
        ("a gap and a duplicate year", [
            "x/2020.gov": "body 丙局\nyear 2020\napplication new 1\n",
            "x/2022.gov": "body 丙局\nyear 2022\napplication new 1\n",
            "y/one.gov": "body 丁局\nyear 2021\napplication new 1\n",
            "y/two.gov": "body 丁局\nyear 2021\napplication new 2\n",
            "y/2022.gov": "body 丁局\nyear 2022\napplication carried 1\n",
        ]),
        ("previous: missing, itself, another body, not earlier", [
            "m/2022.gov": "body 戊局\nyear 2022\nprevious \"2021.gov\"\napplication new 1\n",
            "n/2022.gov": "body 己局\nyear 2022\nprevious \"2022.gov\"\napplication new 1\n",
            "o/2021.gov": "body 庚局\nyear 2021\napplication new 4 granted 1\n",
            "o/2022.gov": "body 辛局\nyear 2022\nprevious \"../o/2021.gov\"\napplication carried 2\n",
            "p/2023.gov": "body 壬局\nyear 2023\napplication new 1\n",
            "p/2022.gov": "body 壬局\nyear 2022\nprevious \"2023.gov\"\n",
        ]),
        ("fragments, a script without a year, errors of its own", [
            "f/common.gov": "application business new 1\n",
            "f/2021.gov": "body 癸局\nyear 2021\ninclude \"common.gov\"\napplication new 2 granted 9\n",
            "f/2022.gov": "body 癸局\nyear 2022\ninclude \"common.gov\"\napplication carried 1 business carried 1\n",
            "g/loose.gov": "body 子局\napplication new 1\n",
            "g/broken.gov": "body 丑局\nyear 2021\napplicaton new 1\n",
        ]),
        ("the 2019 format's chains and the 2021 format's", [
            "h/2019.gov": "body 寅局\nyear 2019\nproactive licensing previous 10 change +2\nproactive normative total 20\n",
            "h/2020.gov": "body 寅局\nyear 2020\nproactive licensing previous 11\nproactive normative published 5 total 24\n",
            "h/2021.gov": "body 寅局\nyear 2021\nproactive normative effective 48\n",
            "h/2022.gov": "body 寅局\nyear 2022\nproactive normative issued 3 repealed 1 effective 48\n",
        ]),
    ]

    @Test(arguments: layouts.map(\.name))
    func theStreamFindsWhatTheWholeBatchFinds(layout: String) throws {
        let files = try #require(Self.layouts.first { $0.name == layout }).files
        let root = try Self.write(files)
        let expected = Self.batchFindings(paths: [root.path])
        for jobs in [1, 3] {
            #expect(Self.streamingFindings(paths: [root.path], jobs: jobs) == expected, "\(layout), --jobs \(jobs)")
        }
    }

    @Test func aPreviousOutsideTheBatchWithErrorsIsMentioned() throws {
        let root = try Self.write([
            "old/2021.gov": "body 甲局\nyear 2021\napplication new 3 granted 9\n",
            "new/2022.gov": "body 甲局\nyear 2022\nprevious \"../old/2021.gov\"\napplication carried 1\n",
        ])
        let paths = [root.appendingPathComponent("new").path]
        let expected = Self.batchFindings(paths: paths)
        #expect(expected.values.joined().contains { $0.contains("[S5]") })
        #expect(Self.streamingFindings(paths: paths, jobs: 2) == expected)
    }

    /// A `previous` beside its script is standardized from the directory's listing when the listing says it
    /// is a regular file, and through `lstat` otherwise: a link beside the script still leads to its target.
    /// Here the target is walked under its own name (the link itself is skipped), so only its standardized
    /// path finds it.
    @Test func aPreviousThatIsALinkBesideItsScriptLeadsToItsTarget() throws {
        let root = try Self.write([
            "q/2022.gov": "body 甲局\nyear 2022\nprevious \"last.gov\"\napplication carried 1\n",
            "r/2021.gov": "body 丙局\nyear 2021\napplication new 3 granted 1\n",
            "s/2021.gov": "body 乙局\nyear 2021\napplication new 3 granted 1\n",
            "s/2022.gov": "body 乙局\nyear 2022\nprevious \"2021.gov\"\napplication carried 1\n",
        ])
        let q = root.appendingPathComponent("q")
        try FileManager.default.createSymbolicLink(atPath: q.appendingPathComponent("last.gov").path, withDestinationPath: "../r/2021.gov")
        for jobs in [1, 3] {
            let found = Self.streamingFindings(paths: [root.path], jobs: jobs)
            // Through the link, q/2022.gov's last year is r/2021.gov (another body's: S4), whose 2 carried
            // forward disagree with the 1 it states (D1); s's series, linked beside itself, likewise.
            let q2022 = found[q.appendingPathComponent("2022.gov").path] ?? []
            #expect(q2022.contains { $0.contains("[S4]") }, "--jobs \(jobs): \(q2022)")
            #expect(q2022.contains { $0.contains("[D1]") && $0.contains("r/2021.gov") }, "--jobs \(jobs): \(q2022)")
            #expect(found[root.appendingPathComponent("s/2022.gov").path]?.contains { $0.contains("[D1]") } == true)
        }
        // Few names are compared in turn, many searched in order: the same answers.
        for count in [0, 3, 8, 9, 200] {
            let names = (0..<count).map { "\($0 * 2).gov" }.sorted()
            let listed = ListedFiles(sorted: names)
            for probe in (0..<(count * 2 + 2)).map({ "\($0).gov" }) + ["中文.gov", ""] {
                #expect(listed.holdsRegularFile(named: probe) == names.contains(probe), "\(count) \(probe)")
            }
        }
    }

    @Test func theWalkKeepsTheFinderOrder() throws {
        let root = try Self.write([
            "a.gov": "", "a/x.gov": "", "a-b.gov": "", "a/b/c.gov": "", "b.gov": "", "中文/甲.gov": "", "中文.gov": "",
            ".hidden/h.gov": "", "notes.txt": "", "Z.gov": "",
            // Names the byte test must judge as the string test does.
            "x.gov.txt": "", "gov": "", "a.GOV": "", "d.gov/e.gov": "", ".x.gov": "", "空 格.gov": "",
        ])
        var walk = ScriptWalk(paths: [root.path, root.appendingPathComponent("b.gov").path])
        var walked: [ScriptFinder.Found] = []
        while let found = walk.next() { walked.append(found) }
        #expect(walked == ScriptFinder.scripts(in: [root.path, root.appendingPathComponent("b.gov").path]))
        #expect(walked.count == 10)
    }

    /// A directory larger than one read of its entries (`DirectoryListing` reads 32 KiB at a time).
    @Test func aLargeDirectoryIsWalkedWhole() throws {
        var files: [String: String] = [:]
        for index in 0..<1500 { files["d/\(index)-一个比较长的文件名称用来填满缓冲区.gov"] = "" }
        let root = try Self.write(files)
        var walk = ScriptWalk(paths: [root.path])
        var walked: [ScriptFinder.Found] = []
        while let found = walk.next() { walked.append(found) }
        #expect(walked.count == 1500)
        #expect(walked == ScriptFinder.scripts(in: [root.path]))
    }

    /// A link to a script the walk also reaches is skipped (the script is checked once, under its own
    /// name, whether the link sorts before or after it); links to one script outside are checked once.
    @Test func aLinkedScriptIsWalkedOnce() throws {
        let root = try Self.write(["d/m.gov": "", "d/sub/x.gov": "", "outside/o.gov": "", "d/.hidden/h.gov": ""])
        let d = root.appendingPathComponent("d")
        let links = [
            ("a-link.gov", "m.gov"), ("z-link.gov", "sub/x.gov"), ("o1.gov", "../outside/o.gov"), ("o2.gov", "../outside/o.gov"),
            ("h.gov", ".hidden/h.gov"),
        ]
        for (name, target) in links {
            try FileManager.default.createSymbolicLink(atPath: d.appendingPathComponent(name).path, withDestinationPath: target)
        }
        var walk = ScriptWalk(paths: [d.path])
        var walked: [String] = []
        while let found = walk.next() { walked.append((found.path as NSString).lastPathComponent) }
        #expect(walked == ["h.gov", "m.gov", "o1.gov", "x.gov"])
    }

    /// Each script's findings, as printed, from `BatchCheck` (the reference).
    static func batchFindings(paths: [String]) -> [String: [String]] {
        let batch = BatchCheck.run(ScriptFinder.scripts(in: paths))
        let printer = DiagnosticPrinter()
        var found: [String: [String]] = [:]
        for script in batch.scripts {
            found[script.path] = script.findings.map { printer.format($0, sources: batch.sources) }.sorted()
        }
        return found
    }

    /// Each script's findings, as printed, from the streaming check.
    static func streamingFindings(paths: [String], jobs: Int) -> [String: [String]] {
        let printer = DiagnosticPrinter()
        var found: [String: [String]] = [:]
        let summary = StreamingCheck.run(
            paths: paths, options: .init(jobs: jobs),
            render: { _, evaluation in evaluation.findings.map { printer.format($0, sources: evaluation.sources) } },
            script: { _, path, rendered in found[path] = rendered },
            series: { series in found[series.path, default: []] += series.findings.map { printer.format($0, sources: series.sources) } })
        #expect(summary.files == found.count)
        return found.mapValues { $0.sorted() }
    }

    static func write(_ files: [String: String]) throws -> URL {
        let root = try makeTemporaryDirectory("gov-stream")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }
}

/// `--jobs N` changes how fast, never what: the real binary over a corpus with findings of every kind.
struct JobsCLITests {
    @Test func anyNumberOfJobsPrintsTheSameBytes() throws {
        var files: [String: String] = [:]
        for body in 0..<40 {
            let name = "局\(body)"
            // Every fifth body breaks its carry-over, every seventh has an error of its own, every eleventh
            // a duplicate year; every thirteenth script set lacks a year (checked alone, found at the end).
            files["\(body)/2021.gov"] = "body \(name)\nyear 2021\napplication new 3 granted 1\n"
                + (body % 7 == 0 ? "application new 1\n" : "")
            files["\(body)/2022.gov"] = "body \(name)\nyear 2022\nprevious \"2021.gov\"\napplication carried \(body % 5 == 0 ? 1 : 2)\n"
            if body % 11 == 0 { files["\(body)/copy.gov"] = "body \(name)\nyear 2022\n" }
            if body % 13 == 0 { files["\(body)/draft.gov"] = "body \(name)\napplication new 1\n" }
        }
        let root = try StreamingCheckTests.write(files)
        let one = try runGov(["check", "--jobs", "1", root.path])
        #expect(one.status == 1 && one.stderr.contains("error[D1]") && one.stderr.contains("warning[S2]") && one.stderr.contains("error[E030]"))
        for jobs in ["2", "5"] {
            let many = try runGov(["check", "--jobs", jobs, root.path])
            #expect(many.status == one.status && many.stderr == one.stderr && many.stdout == one.stdout, "--jobs \(jobs)")
        }
        let json = try runGov(["check", "--format", "json", "--jobs", "1", root.path])
        let jsonMany = try runGov(["check", "--format", "json", "--jobs", "4", root.path])
        #expect(json.status == 1 && json.stdout.contains("\"D1\"") && json.stdout == jsonMany.stdout)
    }

    /// The JSON written a piece at a time is the document `BatchRecord` encodes in one go.
    @Test(arguments: StreamingCheckTests.layouts.map(\.name))
    func theJSONIsTheWholeBatchsDocument(layout: String) throws {
        let files = try #require(StreamingCheckTests.layouts.first { $0.name == layout }).files
        let root = try StreamingCheckTests.write(files)
        let run = try runGov(["check", "--format", "json", "--jobs", "2", root.path])
        #expect(run.stdout == BatchRecord(BatchCheck.run(ScriptFinder.scripts(in: [root.path]))).json(), "\(layout)")
    }

    @Test func zeroJobsIsAUsageError() throws {
        let run = try runGov(["check", "--jobs", "0", "examples/series"], currentDirectory: Paths.packageRoot)
        #expect(run.status == 2)
    }
}

/// The loader's UTF-8 check (eight ASCII bytes at a time, three-byte sequences in one step) against a
/// plain byte-by-byte decoder, on the sequences that matter and on random bytes.
struct UTF8ValidationTests {
    /// The offset of the first byte that does not start a valid sequence, decoded one scalar at a time.
    static func reference(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0
            guard length > 0, i + length <= bytes.count else { return i }
            if length > 1 {
                var scalar = UInt32(b) & (0xFF >> (length + 1))
                for k in 1..<length {
                    guard bytes[i + k] & 0xC0 == 0x80 else { return i }
                    scalar = scalar << 6 | UInt32(bytes[i + k] & 0x3F)
                }
                let minimum: UInt32 = [0, 0, 0x80, 0x800, 0x10000][length]
                guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return i }
            }
            i += length
        }
        return nil
    }

    static let cases: [[UInt8]] = [
        [], Array("body 青禾县示范局\n".utf8), Array("12345678青".utf8), Array("abcdefgh".utf8) + [0xFF],
        [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xE4, 0xB8], Array("abcdefg".utf8) + [0xE4, 0xB8],
        [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98, 0x80], [0xD5, 0xC2, 0xB8, 0xAE] /* GBK 政府 */,
        Array("一二三四五六七八九十".utf8) + [0x80] + Array("tail".utf8),
        // Two sequences at a time: a surrogate, an overlong form or a broken second one just after a good one.
        Array("青".utf8) + [0xED, 0xA0, 0x80] + Array("abcdef".utf8), Array("青".utf8) + [0xE0, 0x80, 0x80] + Array("abcdef".utf8),
        Array("青".utf8) + [0xE4, 0xB8, 0x41] + Array("abcdef".utf8), Array("青政".utf8) + [0xE4, 0xB8],
        Array("\u{800}\u{D7FF}\u{E000}\u{FFFF}abcdefgh".utf8),
    ]

    static let controlCases: [[UInt8]] = [
        Array("abcdefgh\tijklmno\r\n".utf8), Array("abcdefg\u{1B}[0m".utf8), Array("12345678\u{7F}".utf8), [0x00],
        Array("一二三四五六七八\u{85}".utf8), Array("一\u{9F}二".utf8), Array("\u{A0}\u{80}".utf8), Array("abcdefghijklmn\u{1}".utf8),
    ]

    /// The scan finds the first invalid byte where a plain decoder does, and (in valid bytes) a refused
    /// control character exactly where `ControlCharacter.containsRefused` does.
    @Test(arguments: cases + controlCases)
    func agreesWithAPlainDecoder(bytes: [UInt8]) {
        #expect(ScriptLoader.firstInvalidUTF8(bytes) == Self.reference(bytes))
        Self.expectControlsAgree(bytes)
    }

    @Test func agreesOnRandomBytes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("ab 1\n\t\r".utf8) + Array("青政".utf8) + [0x80, 0x85, 0xBF, 0xC2, 0xE0, 0xED, 0xF0, 0xF4, 0xFF, 0x00, 0x1B, 0x7F]
        for _ in 0..<4_000 {
            let bytes = (0..<Int.random(in: 0...80, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            #expect(ScriptLoader.firstInvalidUTF8(bytes) == Self.reference(bytes), "\(bytes)")
            Self.expectControlsAgree(bytes)
        }
    }

    /// The vector steps (16, 32 and 64 bytes at a time, `gov_utf8_valid_prefix`) where their blocks
    /// and their seams matter: long texts of one- to four-byte characters with a byte changed, cut or added
    /// at random places, and every edge case of a sequence (overlong, surrogate, too large, cut short, a
    /// stray continuation, a C1 control) at every place of a 16-byte block, after a run of Chinese.
    @Test func theVectorStepAgreesOnLongTexts() {
        var generator = SystemRandomNumberGenerator()
        let characters: [[UInt8]] = ["a", "1", "\n", "\t", "青", "政", "，", "é", "😀", "\u{85}", "\u{1B}", "\u{7F}", "\u{800}", "\u{FFFF}"]
            .map { Array(String($0).utf8) }
        let breakers: [UInt8] = [0x80, 0x85, 0xBF, 0xC0, 0xC2, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0x00, 0x41]
        for _ in 0..<1_500 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1...300, using: &generator) {
                // Mostly Chinese, as narrative is.
                bytes += Bool.random(using: &generator) ? characters[4] : characters.randomElement(using: &generator)!
            }
            for _ in 0..<Int.random(in: 0...2, using: &generator) where !bytes.isEmpty {
                let at = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[at] = breakers.randomElement(using: &generator)!
                case 1: bytes.remove(at: at)
                default: bytes.insert(breakers.randomElement(using: &generator)!, at: at)
                }
            }
            #expect(ScriptLoader.firstInvalidUTF8(bytes) == Self.reference(bytes), "\(bytes)")
            Self.expectControlsAgree(bytes)
        }
        let edges: [[UInt8]] = [
            [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xC2, 0x9F], [0xC2, 0xA0], [0xDF, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],
            [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF],
            [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x80], [0xBF, 0xBF], [0xE4, 0xB8], [0xF0, 0x9F, 0x98],
            [0xE4, 0xB8, 0x41], [0xC2], [0x7F], [0x1F], [0x09],
        ]
        let chinese = Array(String(repeating: "青政公开", count: 20).utf8)
        for edge in edges {
            for place in 0..<80 {
                let bytes = Array(chinese.prefix(place)) + Array(repeating: UInt8(ascii: "a"), count: place % 3) + edge + chinese
                #expect(ScriptLoader.firstInvalidUTF8(bytes) == Self.reference(bytes), "\(edge) at \(place)")
                Self.expectControlsAgree(bytes)
            }
        }
    }

    /// The eight-byte test of ASCII, exhaustively: every ASCII byte at every place of a word, and every
    /// pair of neighbours among the bytes around the edges (0x00, tab, LF, VT, CR, 0x1F, space, DEL…),
    /// where a borrow between bytes would show.
    @Test func theEightByteControlTestIsExact() {
        let edges: [UInt8] = [0x00, 0x01, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x1F, 0x20, 0x21, 0x41, 0x7E, 0x7F]
        var words: [[UInt8]] = []
        for place in 0..<8 {
            for byte in UInt8(0)...0x7F { var word = Array("abcdefgh".utf8); word[place] = byte; words.append(word) }
            for first in edges {
                for second in edges where place < 7 {
                    var word = Array("        ".utf8)
                    word[place] = first
                    word[place + 1] = second
                    words.append(word)
                }
            }
        }
        for word in words {
            let packed = word.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            #expect(UTF8Validation.holdsRefusedControl(asciiWord: packed) == word.contains(where: ControlCharacter.isRefused), "\(word)")
            #expect(UTF8Validation.scan(word).holdsControlCharacters == word.contains(where: ControlCharacter.isRefused), "\(word)")
        }
    }

    static func expectControlsAgree(_ bytes: [UInt8]) {
        let scan = UTF8Validation.scan(bytes)
        // Each vector step the processor has (AVX2, SSSE3), and none, finds the same.
        for level: Int32 in [1, 0] {
            let narrower = UTF8Validation.scan(bytes, vectorLevel: level)
            #expect(narrower.firstInvalid == scan.firstInvalid && narrower.holdsControlCharacters == scan.holdsControlCharacters, "level \(level): \(bytes)")
        }
        let end = scan.firstInvalid ?? bytes.count
        #expect(scan.holdsControlCharacters == ControlCharacter.containsRefused(bytes, in: 0..<end), "\(bytes)")
        #expect(SourceFile(path: "t.gov", bytes: bytes).holdsControlCharacters == ControlCharacter.containsRefused(bytes, in: 0..<bytes.count))
        // From a `String` (valid by construction), the same file as from its bytes.
        let text = String(decoding: bytes, as: UTF8.self)
        let fromText = SourceFile(path: "t.gov", text: text), fromBytes = SourceFile(path: "t.gov", bytes: Array(text.utf8))
        #expect(fromText.isValidUTF8 && fromBytes.isValidUTF8 && fromText.holdsControlCharacters == fromBytes.holdsControlCharacters)
    }

    /// `SourceFile.text` copies valid UTF-8 without checking it again: for every range of every case —
    /// valid or not, cut between characters or through one — it is what `String(decoding:)` gives.
    @Test(arguments: cases + [Array("\u{FEFF}body 甲局 # 注\r\ntext \"一{year}二\"\n".utf8), Array("😀a\u{7F}é".utf8)])
    func aSourcesTextIsWhatTheCheckedDecoderGives(bytes: [UInt8]) {
        let file = SourceFile(path: "t.gov", bytes: bytes)
        #expect(file.isValidUTF8 == (Self.reference(bytes) == nil))
        for lower in 0...bytes.count {
            for upper in lower...bytes.count {
                let expected = String(decoding: bytes[lower..<upper], as: UTF8.self)
                #expect(Array(file.text(lower..<upper).utf8) == Array(expected.utf8), "\(bytes) \(lower)..<\(upper)")
            }
        }
        #expect(file.text(-3..<bytes.count + 5) == String(decoding: bytes, as: UTF8.self))
    }
}

/// The facts of 3,000 scripts go through the temporary file (several 64 KB flushes) and come back whole,
/// in any order, large and negative numbers included.
struct SeriesStoreTests {
    @Test func factsComeBackAsTheyWent() throws {
        let sources = [
            "body 甲局\nyear 2021\napplication new 3 granted 1\nproactive normative issued 3 repealed 1 effective 48\n",
            "body 乙\nyear 2019\nproactive licensing previous 10 change -2\nproactive normative total 9223372036854775807\n",
            "year 2022\nprevious \"2021.gov\"\napplication carried 1 business carried 2\n",
        ]
        let evaluations = sources.map { evaluate($0) }
        let store = SeriesStore()
        var expected: [SeriesFacts] = []
        for index in 0..<3_000 {
            let facts = SeriesFacts(
                evaluation: evaluations[index % 3], path: "/corpus/b/\(index)/报告.gov", key: PathKey("/corpus/b/\(index)/报告.gov"))
            store.append(facts)
            expected.append(facts)
        }
        for index in (0..<3_000).shuffled() + [0, 2_999] {
            let back = try #require(store[index])
            let sent = expected[index]
            #expect(back.path == sent.path && back.key == sent.key && back.body == sent.body && back.year == sent.year)
            #expect(back.hasYear == sent.hasYear && back.edition == sent.edition && back.previous == sent.previous)
            #expect(back.errorCount == sent.errorCount && back.values == sent.values && back.derived == sent.derived)
        }
        #expect(expected[1].values.contains(Int.max) && expected[1].values.contains(-2) && expected[2].previous != nil)
        #expect(store[3_000] == nil && store[-1] == nil)
    }
}

/// `TableStatement.of` (a switch, for speed) names the same declaration as the list completion reads.
@Test func everyKeywordFindsTheDeclarationTheListHas() {
    for keyword in Keyword.allCases {
        #expect(TableStatement.of(keyword)?.keyword == TableStatement.all.first { $0.keyword == keyword }?.keyword, "\(keyword)")
    }
}

/// The quality checks' word search (UTF-8 bytes, for speed) answers as `String.contains` does.
@Test(arguments: [("存在的主要问题及改进情况", "问题", true), ("下一步将加强", "下一步", true), ("", "问题", false),
                  ("问", "问题", false), ("信息处理费", "处理费", true), ("abc问题", "问题", true), ("题问", "问题", false)])
func qualityWordSearchAgreesWithContains(text: String, word: String, expected: Bool) {
    #expect(QualityChecker.mentions(text, word) == expected)
    #expect(QualityChecker.mentions(text, word) == text.contains(word))
}

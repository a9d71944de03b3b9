import Foundation
import Testing

@testable import Gov
@testable import GovREPL

/// Outputs never clobber (issue 13): what `-o`, `--output-dir`, `gov fmt`, `gov new`, `gov sum`, `:save`
/// and `:render` do with a symbolic link, a FIFO, a character device, a read-only file or directory,
/// `/dev/full`, a missing directory, and the scripts a report is read from.
struct OutputSafetyTests {
    static let example = Paths.examples.appendingPathComponent("fictional-2021.gov").path

    static func fileType(_ path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : 0
    }

    static func leftovers(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".tmp") }
    }

    @Test func aSymbolicLinkIsFollowedAndKept() throws {
        let directory = try TemporaryDirectory()
        try "old".write(toFile: directory.path("target.txt"), atomically: true, encoding: .utf8)
        #expect(symlink("target.txt", directory.path("link.txt")) == 0)
        let run = try runGov(["render", OutputSafetyTests.example, "-o", directory.path("link.txt")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(OutputSafetyTests.fileType(directory.path("link.txt")) == S_IFLNK)
        #expect(try String(contentsOfFile: directory.path("target.txt"), encoding: .utf8).contains("年度报告"))
        #expect(OutputSafetyTests.leftovers(in: directory.url.path).isEmpty)
    }

    @Test func aDanglingSymbolicLinkCreatesItsTarget() throws {
        let directory = try TemporaryDirectory()
        #expect(symlink("made.txt", directory.path("link.txt")) == 0)
        #expect(try runGov(["render", OutputSafetyTests.example, "-o", directory.path("link.txt")]).status == 0)
        #expect(OutputSafetyTests.fileType(directory.path("link.txt")) == S_IFLNK)
        #expect(OutputSafetyTests.fileType(directory.path("made.txt")) == S_IFREG)
    }

    @Test func aFIFOIsWrittenToNotReplaced() throws {
        let directory = try TemporaryDirectory()
        let fifo = directory.path("pipe")
        #expect(mkfifo(fifo, 0o644) == 0)
        // The reader: `cat` in the background, its output in a file.
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        reader.arguments = ["-c", "cat '\(fifo)' > '\(directory.path("received.txt"))'"]
        try reader.run()
        let run = try runGov(["render", OutputSafetyTests.example, "-o", fifo])
        reader.waitUntilExit()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(OutputSafetyTests.fileType(fifo) == S_IFIFO)
        #expect(try String(contentsOfFile: directory.path("received.txt"), encoding: .utf8).contains("年度报告"))
    }

    @Test func aCharacterDeviceIsWrittenToNotReplaced() throws {
        let directory = try TemporaryDirectory()
        let device = directory.path("null")
        // A private node for /dev/null (major 1, minor 3); needs root, as CI and this machine are.
        guard mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0 else {
            Issue.record("mknod failed (not root?): \(String(cString: strerror(errno)))")
            return
        }
        let run = try runGov(["render", OutputSafetyTests.example, "-o", device])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(OutputSafetyTests.fileType(device) == S_IFCHR)
        #expect(OutputSafetyTests.leftovers(in: directory.url.path).isEmpty)
    }

    @Test func standardOutputByNameAndDash() throws {
        for target in ["-", "/dev/stdout"] {
            let run = try runGov(["render", OutputSafetyTests.example, "-o", target])
            #expect(run.status == 0)
            #expect(run.stdout.contains("年度报告"), "\(target)")
        }
    }

    @Test func aFullDeviceIsAnErrorAndLeavesNothing() throws {
        let run = try runGov(["render", OutputSafetyTests.example, "-o", "/dev/full"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("/dev/full"))
        #expect(OutputSafetyTests.fileType("/dev/full") == S_IFCHR)
    }

    @Test func aFailedWriteRemovesItsTemporaryFile() throws {
        let directory = try TemporaryDirectory()
        // A file-size limit of 1 block with SIGXFSZ ignored: write() fails with EFBIG half-way, as on a full disk.
        let script = "trap '' XFSZ; ulimit -f 1; exec '\(Paths.gov.path)' render '\(OutputSafetyTests.example)' --format html -o '\(directory.path("out.html"))'"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(OutputSafetyTests.leftovers(in: directory.url.path).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: directory.path("out.html")))
    }

    @Test func readOnlyFilesAndDirectoriesAreLeftAloneUnlessForced() throws {
        let directory = try TemporaryDirectory()
        let file = directory.path("kept.txt")
        try "keep me".write(toFile: file, atomically: true, encoding: .utf8)
        chmod(file, 0o444)
        let refused = try runGov(["render", OutputSafetyTests.example, "-o", file])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("read-only"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me")
        let forced = try runGov(["render", OutputSafetyTests.example, "-o", file, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("年度报告"))

        try FileManager.default.createDirectory(atPath: directory.path("locked"), withIntermediateDirectories: false)
        chmod(directory.path("locked"), 0o555)
        let inLocked = try runGov(["render", OutputSafetyTests.example, "--output-dir", directory.path("locked")])
        #expect(inLocked.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path("locked")).isEmpty)
    }

    @Test func aMissingDirectoryIsCreatedForTheOutput() throws {
        let directory = try TemporaryDirectory()
        let target = directory.path("new/sub/report.txt")
        #expect(try runGov(["render", OutputSafetyTests.example, "-o", target]).status == 0)
        #expect(FileManager.default.fileExists(atPath: target))
    }

    @Test func includesAndPreviousAreNeverWrittenOver() throws {
        let directory = try TemporaryDirectory()
        try "channel 网站 1\n".write(toFile: directory.path("common.gov"), atomically: true, encoding: .utf8)
        try "body 甲\nyear 2021\ninclude \"common.gov\"\n".write(toFile: directory.path("main.gov"), atomically: true, encoding: .utf8)
        let include = try runGov(["render", directory.path("main.gov"), "-o", directory.path("common.gov")])
        #expect(include.status == 2)
        #expect(try String(contentsOfFile: directory.path("common.gov"), encoding: .utf8) == "channel 网站 1\n")

        for year in ["2020", "2021"] {
            try FileManager.default.copyItem(atPath: Paths.examples.appendingPathComponent("series/\(year).gov").path, toPath: directory.path("\(year).gov"))
        }
        let before = try String(contentsOfFile: directory.path("2020.gov"), encoding: .utf8)
        let previous = try runGov(["render", directory.path("2021.gov"), "-o", directory.path("2020.gov")])
        #expect(previous.status == 2)
        #expect(try String(contentsOfFile: directory.path("2020.gov"), encoding: .utf8) == before)
        // The same through the REPL's :render.
        let repl = runRepl([":render text \(directory.path("common.gov"))", ":quit"], file: directory.path("main.gov"))
        #expect(repl.err.contains("无法写入"))
        #expect(try String(contentsOfFile: directory.path("common.gov"), encoding: .utf8) == "channel 网站 1\n")
        // …and :save onto an include is refused, while :save onto the session's own file works.
        let save = runRepl(["parts 6", ":save \(directory.path("common.gov"))", ":save", ":quit"], interactive: false, file: directory.path("main.gov"))
        #expect(save.err.contains("无法写入"))
        #expect(try String(contentsOfFile: directory.path("common.gov"), encoding: .utf8) == "channel 网站 1\n")
        #expect(try String(contentsOfFile: directory.path("main.gov"), encoding: .utf8).contains("parts 6"))
    }

    @Test func fmtFollowsASymlinkAndKeepsReadOnlyScripts() throws {
        let directory = try TemporaryDirectory()
        try "body   甲\nyear 2021\n".write(toFile: directory.path("real.gov"), atomically: true, encoding: .utf8)
        #expect(symlink("real.gov", directory.path("alias.gov")) == 0)
        #expect(try runGov(["fmt", directory.path("alias.gov")]).status == 0)
        #expect(OutputSafetyTests.fileType(directory.path("alias.gov")) == S_IFLNK)
        #expect(try String(contentsOfFile: directory.path("real.gov"), encoding: .utf8) == "body 甲\nyear 2021\n")

        try "body   乙\nyear 2021\n".write(toFile: directory.path("locked.gov"), atomically: true, encoding: .utf8)
        chmod(directory.path("locked.gov"), 0o444)
        #expect(try runGov(["fmt", directory.path("locked.gov")]).status == 2)
        #expect(try String(contentsOfFile: directory.path("locked.gov"), encoding: .utf8) == "body   乙\nyear 2021\n")
        #expect(try runGov(["fmt", "--force", directory.path("locked.gov")]).status == 0)
    }

    @Test func newAndSumNeverReplaceAnExistingFileOrLink() throws {
        let directory = try TemporaryDirectory()
        try "mine".write(toFile: directory.path("target.gov"), atomically: true, encoding: .utf8)
        #expect(symlink("target.gov", directory.path("link.gov")) == 0)
        let new = try runGov(["new", "--year", "2021", "--body", "甲", "-o", directory.path("link.gov")])
        #expect(new.status == 2)
        #expect(try String(contentsOfFile: directory.path("target.gov"), encoding: .utf8) == "mine")
        #expect(OutputSafetyTests.fileType(directory.path("link.gov")) == S_IFLNK)
    }

    @Test func saveWritesThroughASymlink() throws {
        let directory = try TemporaryDirectory()
        try "body 甲\n".write(toFile: directory.path("real.gov"), atomically: true, encoding: .utf8)
        #expect(symlink("real.gov", directory.path("alias.gov")) == 0)
        let run = runRepl(["year 2021", ":save", ":quit"], file: directory.path("alias.gov"))
        #expect(run.err.isEmpty, "\(run.err)")
        #expect(OutputSafetyTests.fileType(directory.path("alias.gov")) == S_IFLNK)
        #expect(try String(contentsOfFile: directory.path("real.gov"), encoding: .utf8) == "body 甲\nyear 2021\n")
    }
}

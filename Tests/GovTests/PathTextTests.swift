import Foundation
import Testing

@testable import GovLanguage

/// `PathText.directory(of:)` gives what `NSString.deletingLastPathComponent` gives, without its trap on
/// one-character names; and the commands that took a path's directory no longer trap on such names.
struct PathTextTests {
    @Test(arguments: [
        ("/tmp/scratch.tiff", "/tmp"), ("/tmp/lock/", "/tmp"), ("/tmp/", "/"), ("/tmp", "/"), ("/", "/"),
        ("scratch.tiff", ""), ("a", ""), ("-", ""), ("中", ""), ("a/", ""), ("a/b", "a"), ("a//b", "a"),
        ("x/a", "x"), ("/a", "/"), ("./a", "."), ("目录/报告.gov", "目录"), ("", ""), ("//", "/"), ("a/b//", "a"),
    ])
    func directoryOfAPath(path: String, directory: String) {
        #expect(PathText.directory(of: path) == directory)
    }

    /// Where NSString does not trap, the two agree (it gives "" for "//", which is not a directory).
    @Test(arguments: ["/tmp/scratch.tiff", "/tmp/lock/", "/tmp/", "/tmp", "/", "scratch.tiff", "a/b", "a//b", "/ab", "./a", "目录/报告.gov"])
    func sameAsFoundation(path: String) {
        #expect(PathText.directory(of: path) == (path as NSString).deletingLastPathComponent)
    }

    /// `PathText.name(of:)` gives what `lastPathComponent` gives (the temporary file beside an output is
    /// named after it).
    @Test(arguments: [
        "/tmp/scratch.tiff", "/tmp/lock/", "/tmp/", "/tmp", "/", "scratch.tiff", "a", "中", "a/", "a/b", "a//b", "/a", "./a",
        "目录/报告.gov", "", "a/b//", "out/青禾县（虚构）-2020.html",
    ])
    func nameOfAPath(path: String) {
        #expect(PathText.name(of: path) == (path as NSString).lastPathComponent, "\(path)")
    }

    @Test func oneCharacterNamesAreNoTrap() throws {
        let directory = try makeTemporaryDirectory("gov-one-char")
        defer { try? FileManager.default.removeItem(at: directory) }
        // A script named `b` that names last year's: its directory is "" (the current one).
        try "body 甲局\nyear 2021\nprevious \"x.gov\"\n".write(to: directory.appendingPathComponent("b"), atomically: true, encoding: .utf8)
        try "body 甲局\nyear 2020\n".write(to: directory.appendingPathComponent("x.gov"), atomically: true, encoding: .utf8)
        let check = try runGov(["check", "b"], currentDirectory: directory)
        #expect(check.status == 0, "\(check.stderr)")
        let render = try runGov(["render", "b", "-o", "a"], currentDirectory: directory)
        #expect(render.status == 0, "\(render.stderr)")
        #expect(try String(contentsOf: directory.appendingPathComponent("a"), encoding: .utf8).contains("甲局"))
        let new = try runGov(["new", "--from", "b", "-o", "c"], currentDirectory: directory)
        #expect(new.status == 0, "\(new.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("c").path))
    }
}

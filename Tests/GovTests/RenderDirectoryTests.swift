import Foundation
import Testing

/// `gov render DIR… --output-dir OUT`: a directory's scripts are walked and rendered on several threads;
/// the outputs, their names and the index are the same bytes as rendering the sorted list of files with
/// one thread, and a directory without --output-dir is refused.
struct RenderDirectoryTests {
    let root = Paths.packageRoot

    /// Every file under `directory`, by relative path, with its bytes.
    func contents(of directory: URL) throws -> [String: Data] {
        var found: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: directory.path) {
            let url = directory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                found[name] = try Data(contentsOf: url)
            }
        }
        return found
    }

    @Test(arguments: ["html", "json", "csv"])
    func aDirectoryRendersAsItsSortedFilesWhateverTheThreads(format: String) throws {
        let directory = try makeTemporaryDirectory("gov-render-dir")
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = ["examples/series/2020.gov", "examples/series/2021.gov", "examples/series/2022.gov"]
        var outputs: [[String: Data]] = []
        for (index, arguments) in [
            ["render", "examples/series", "--jobs", "3"],
            ["render", "examples/series", "--jobs", "1"],
            ["render"] + files,
        ].enumerated() {
            let out = directory.appendingPathComponent("out-\(index)")
            let run = try runGov(arguments + ["--format", format, "--output-dir", out.path], currentDirectory: root)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            outputs.append(try contents(of: out))
        }
        #expect(outputs[0].count == (format == "html" ? 4 : 3))
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0] == outputs[2])
    }

    @Test func aDirectoryNeedsAnOutputDirectory() throws {
        let run = try runGov(["render", "examples/series"], currentDirectory: root)
        #expect(run.status != 0)
        #expect(run.stderr.contains("is a directory: its scripts need --output-dir DIR"), "\(run.stderr)")
        for jobs in ["0", "257"] {
            let run = try runGov(["render", "examples/series", "--output-dir", "/tmp/never", "--jobs", jobs], currentDirectory: root)
            #expect(run.status != 0)
            #expect(run.stderr.contains("--jobs must be between 1 and 256"), "\(run.stderr)")
        }
        let check = try runGov(["check", "examples/series", "--jobs", "100000000"], currentDirectory: root)
        #expect(check.status != 0)
        #expect(check.stderr.contains("--jobs must be between 1 and 256"), "\(check.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never"))
    }

    /// `--csv-tables` writes a directory; `-o -` is not one (it wrote the tables into the current directory).
    @Test func csvTablesToStandardOutputAreRefused() throws {
        let directory = try makeTemporaryDirectory("gov-csv-dash")
        defer { try? FileManager.default.removeItem(at: directory) }
        let example = Paths.examples.appendingPathComponent("dayin-2020.gov").path
        let run = try runGov(["render", example, "--format", "csv", "--csv-tables", "-o", "-"], currentDirectory: directory)
        #expect(run.status != 0)
        #expect(run.stderr.contains("--csv-tables writes a directory"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}

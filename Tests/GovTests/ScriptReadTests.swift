import Foundation
import Testing

@testable import GovReport

/// `ScriptLoader.readBytes`: one read for a regular file (a short read is its end), and a pipe read to its
/// real end however its writer splits what it writes. A file a listing called regular, read without its
/// status first, is read whole on either side of the first read's size, and what is not a regular file
/// is still refused.
struct ScriptReadTests {
    @Test(arguments: [0, 1, 3_048, 16_383, 16_384, 16_385, 65_535, 65_536, 200_001])
    func aRegularFileIsReadWhole(size: Int) throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("a.gov").path
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        #expect(ScriptLoader.readBytes(path) == bytes)
        #expect(try ScriptLoader.readFromDisk(path) == bytes)
        #expect(try ScriptLoader.readListedRegularFile(path) == bytes)
    }

    @Test func aFileListedAsRegularIsStillRefusedWhenItIsNot() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: ScriptLoader.ReadFailure.self) { try ScriptLoader.readListedRegularFile(directory.path) }
        #expect(throws: ScriptLoader.ReadFailure.self) { try ScriptLoader.readListedRegularFile(directory.appendingPathComponent("none.gov").path) }
        // A device that never ends fills the first read, and is then refused on its status.
        #expect(throws: ScriptLoader.ReadFailure.self) { try ScriptLoader.readListedRegularFile("/dev/zero") }
        // Too large: refused, not read in full.
        let large = directory.appendingPathComponent("large.gov").path
        #expect(FileManager.default.createFile(atPath: large, contents: Data(count: 3 * 1024 * 1024)))
        #expect(throws: ScriptLoader.ReadFailure.self) { try ScriptLoader.readListedRegularFile(large) }
    }

    @Test func aPipeIsReadToItsEndNotToItsFirstShortRead() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("fifo.gov").path
        #expect(mkfifo(path, 0o600) == 0)
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: path) else { return }
            handle.write(Data("body 甲局\n".utf8))
            usleep(50_000)
            handle.write(Data("year 2021\n".utf8))
            try? handle.close()
        }
        writer.start()
        #expect(ScriptLoader.readBytes(path) == Array("body 甲局\nyear 2021\n".utf8))
    }
}

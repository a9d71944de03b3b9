import Foundation
import Testing

@testable import GovReport

/// The batch walk reads a directory's records straight from the kernel (`DirectoryListing`): each record
/// read by its length, `.` and `..` passed over, and a record that would leave the buffer never read.
struct DirectoryListingTests {
    /// A `linux_dirent64` record: inode, offset, length (padded to 8 bytes; in the machine's byte order),
    /// type, the name and a zero.
    static func record(_ name: [UInt8], type: UInt8, length: Int? = nil) -> [UInt8] {
        let natural = (19 + name.count + 1 + 7) / 8 * 8
        let size = length ?? natural
        var bytes = [UInt8](repeating: 0, count: 16)
        withUnsafeBytes(of: UInt16(truncatingIfNeeded: size)) { bytes += $0 }
        bytes += [type] + name + [0]
        bytes += [UInt8](repeating: 0, count: max(0, natural - bytes.count))
        return bytes
    }

    static func visited(_ buffer: [UInt8]) -> [String] {
        var names: [String] = []
        buffer.withUnsafeBytes { raw in
            DirectoryListing.visitRecords(raw) { name, type in names.append("\(String(decoding: name, as: UTF8.self)):\(type)") }
        }
        return names
    }

    @Test(arguments: [
        // Plain records in order, `.` and `..` passed over.
        (record(Array(".".utf8), type: 4) + record(Array("..".utf8), type: 4) + record(Array("a.gov".utf8), type: 8)
            + record(Array("中文".utf8), type: 4), ["a.gov:8", "中文:4"]),
        // A name of 200 bytes.
        (record([UInt8](repeating: 0x61, count: 200), type: 8), [String(repeating: "a", count: 200) + ":8"]),
        // Nothing at all, or less than a record's head.
        ([], []),
        ([UInt8](repeating: 0, count: 18), []),
        // A length that would leave the buffer: that record and the rest are not read.
        (record(Array("a.gov".utf8), type: 8) + record(Array("b.gov".utf8), type: 8, length: 4096), ["a.gov:8"]),
        // A length too short to hold a name: the listing stops rather than loop or read backwards.
        (record(Array("a.gov".utf8), type: 8, length: 0) + record(Array("b.gov".utf8), type: 8), []),
        (record(Array("a.gov".utf8), type: 8, length: 19), []),
        // A name without its zero (the record ends first): the name ends with the record.
        (Array(record(Array("abc".utf8), type: 8, length: 24).prefix(18)) + [8] + Array("abcdefgh".utf8) + [0x7A, 0x7A, 0x7A, 0x7A, 0x7A],
            ["abcde:8"]),
    ] as [([UInt8], [String])])
    func recordsAreReadByTheirLengths(buffer: [UInt8], expected: [String]) {
        #expect(Self.visited(buffer) == expected)
    }

    /// A real directory: every entry but `.` and `..`, with its type; a missing directory lists nothing.
    @Test func aDirectoryIsListed() throws {
        let root = try StreamingCheckTests.write(["a.gov": "", "sub/b.gov": "", ".hidden": ""])
        var names: [String] = []
        let listed = DirectoryListing.forEach(in: root.path) { name, type in names.append("\(String(decoding: name, as: UTF8.self)):\(type)") }
        #expect(listed)
        #expect(names.sorted() == [".hidden:8", "a.gov:8", "sub:4"])
        #expect(!DirectoryListing.forEach(in: root.appendingPathComponent("missing").path) { _, _ in Issue.record("visited") })
    }
}

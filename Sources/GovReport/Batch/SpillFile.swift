#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Records of bytes kept out of memory: appended to an unlinked temporary file (or, where no temporary file
/// can be made or the disk is full, kept in memory), read back by number. Memory holds where each record
/// starts — 8 bytes a record. Reads go through a window, so reading records in the order they were
/// written is one `pread` per 64 KB. What a batch keeps of each script (`SeriesStore`, the JSON of `gov
/// check --format json`) lives here, which is what keeps a batch's memory flat in the number of files.
package final class SpillFile {
    private let prefix: String
    private var descriptor: Int32 = -1
    /// Set when a write fails (a full disk): what follows stays in memory.
    private var fileIsFull = false
    /// Bytes not yet written to the file (all of them when there is no file).
    private var pending: [UInt8] = []
    private var written = 0
    private var starts: [Int] = []
    /// The window last read from the file: its first byte's offset and its bytes.
    private var window: (start: Int, bytes: [UInt8]) = (0, [])

    /// `prefix` names the temporary file (`gov-series-XXXXXX`) while it exists, for a moment.
    package init(prefix: String) {
        self.prefix = prefix
    }

    /// The file is made when the first 64 KB of records are written: a batch of a few hundred scripts never
    /// touches the disk.
    private func openFile() {
        let template = (NSTemporaryDirectory() as NSString).appendingPathComponent("\(prefix)-XXXXXX")
        var name = Array(template.utf8CString)
        let opened = name.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        if opened >= 0 {
            // Unlinked at once: the file goes away with the process, however it ends.
            unlink(String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
            descriptor = opened
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    package var count: Int { starts.count }

    /// Stores a record; it comes back as `self[index]`, index counting from 0.
    package func append(_ record: [UInt8]) {
        starts.append(written + pending.count)
        pending += record
        guard !fileIsFull, pending.count >= 1 << 16 else { return }
        if descriptor < 0 { openFile() }
        if descriptor >= 0 { flush() } else { fileIsFull = true }
    }

    package subscript(index: Int) -> [UInt8]? {
        guard index >= 0, index < starts.count else { return nil }
        let start = starts[index]
        let end = index + 1 < starts.count ? starts[index + 1] : written + pending.count
        if start >= written {
            return Array(pending[(start - written)..<(end - written)])
        }
        if start < window.start || end > window.start + window.bytes.count {
            let length = max(end - start, 1 << 16)
            var bytes = [UInt8](repeating: 0, count: length)
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, length, off_t(start)) }
            guard got >= end - start else { return nil }
            bytes.removeLast(length - got)
            window = (start, bytes)
        }
        return Array(window.bytes[(start - window.start)..<(end - window.start)])
    }

    private func flush() {
        var sent = 0
        while sent < pending.count {
            let result = pending.withUnsafeBytes { buffer in
                buffer.baseAddress.map { write(descriptor, $0 + sent, buffer.count - sent) } ?? -1
            }
            if result < 0 {
                if errno == EINTR { continue }
                // The disk is full or gone: keep the rest in memory (what was written is still read back).
                fileIsFull = true
                break
            }
            sent += result
        }
        written += sent
        pending.removeFirst(sent)
    }
}

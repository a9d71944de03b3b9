#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The `SeriesFacts` of every script of a batch, kept out of memory: each is appended, encoded in about
/// 150 bytes, to an unlinked temporary file (or, where no temporary file can be made, to memory), and
/// memory holds only where each record starts, each body's records and each script's key — about 40
/// bytes a script, so that checking 120,000 files needs hardly more memory than checking 12,000.
/// Records are read back one series at a time, through a window that makes a run of neighbouring records
/// (one directory's scripts) one read.
final class SeriesStore {
    private var descriptor: Int32 = -1
    /// Set when a write fails (a full disk): what follows stays in memory.
    private var fileIsFull = false
    /// Bytes not yet written to the file (all of them when there is no file).
    private var pending: [UInt8] = []
    private var written = 0
    private var starts: [Int] = []
    /// The window last read from the file: its first byte's offset and its bytes.
    private var window: (start: Int, bytes: [UInt8]) = (0, [])

    init() {}

    /// The file is made when the first 64 KB of records are written: a batch of a few hundred scripts never
    /// touches the disk.
    private func openFile() {
        let template = (NSTemporaryDirectory() as NSString).appendingPathComponent("gov-series-XXXXXX")
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

    var count: Int { starts.count }

    /// Stores a script's facts; they come back as `self[index]`, index counting from 0.
    func append(_ facts: SeriesFacts) {
        starts.append(written + pending.count)
        facts.encode(into: &pending)
        guard !fileIsFull, pending.count >= 1 << 16 else { return }
        if descriptor < 0 { openFile() }
        if descriptor >= 0 { flush() } else { fileIsFull = true }
    }

    subscript(index: Int) -> SeriesFacts? {
        guard index >= 0, index < starts.count else { return nil }
        let start = starts[index]
        let end = index + 1 < starts.count ? starts[index + 1] : written + pending.count
        if start >= written {
            var offset = start - written
            return SeriesFacts.decode(pending, at: &offset)
        }
        if start < window.start || end > window.start + window.bytes.count {
            let length = max(end - start, 1 << 16)
            var bytes = [UInt8](repeating: 0, count: length)
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, length, off_t(start)) }
            guard got >= end - start else { return nil }
            bytes.removeLast(length - got)
            window = (start, bytes)
        }
        var offset = start - window.start
        return SeriesFacts.decode(window.bytes, at: &offset)
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

extension SeriesFacts {
    /// path, key, body, year, edition, flags, previous, error count, values, derived: variable-length
    /// integers, so a small count is one byte.
    func encode(into bytes: inout [UInt8]) {
        Varint.append(path, to: &bytes)
        Varint.append(key, to: &bytes)
        Varint.append(body, to: &bytes)
        Varint.append(year, to: &bytes)
        Varint.append(edition.rawValue, to: &bytes)
        bytes.append((hasYear ? 1 : 0) | (previous != nil ? 2 : 0))
        if let previous { Varint.append(previous, to: &bytes) }
        Varint.append(errorCount, to: &bytes)
        Varint.append(values.count, to: &bytes)
        for value in values { Varint.append(value, to: &bytes) }
        Varint.append(Int(derived), to: &bytes)
    }

    static func decode(_ bytes: [UInt8], at offset: inout Int) -> SeriesFacts? {
        var reader = Varint.Reader(bytes: bytes, offset: offset)
        guard let path = reader.string(), let key = reader.key(), let body = reader.string(), let year = reader.int(),
            let editionValue = reader.int(), let edition = FormatEdition(rawValue: editionValue), let flags = reader.byte()
        else { return nil }
        let previous = flags & 2 != 0 ? reader.key() : nil
        guard flags & 2 == 0 || previous != nil, let errorCount = reader.int(), let valueCount = reader.int(),
            valueCount >= 0, valueCount <= 64
        else { return nil }
        var values: [Int] = []
        values.reserveCapacity(valueCount)
        for _ in 0..<valueCount {
            guard let value = reader.int() else { return nil }
            values.append(value)
        }
        guard let derived = reader.int(), let derivedBits = UInt32(exactly: derived) else { return nil }
        offset = reader.offset
        return SeriesFacts(
            path: path, key: key, body: body, year: year, hasYear: flags & 1 != 0, edition: edition, previous: previous,
            errorCount: errorCount, values: values, derived: derivedBits)
    }
}

/// Zig-zag variable-length integers (7 bits a byte), length-prefixed strings and 16-byte keys.
enum Varint {
    static func append(_ value: Int, to bytes: inout [UInt8]) {
        var zigzag = UInt64(bitPattern: Int64(value << 1) ^ Int64(value >> 63))
        while zigzag >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: zigzag) | 0x80)
            zigzag >>= 7
        }
        bytes.append(UInt8(zigzag))
    }

    static func append(_ string: String, to bytes: inout [UInt8]) {
        append(string.utf8.count, to: &bytes)
        bytes.append(contentsOf: string.utf8)
    }

    static func append(_ key: PathKey, to bytes: inout [UInt8]) {
        for word in [key.high, key.low] {
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
    }

    struct Reader {
        let bytes: [UInt8]
        var offset: Int

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func int() -> Int? {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while shift < 64 {
                guard let next = byte() else { return nil }
                result |= UInt64(next & 0x7F) << shift
                if next < 0x80 { return Int(Int64(bitPattern: (result >> 1) ^ (0 &- (result & 1)))) }
                shift += 7
            }
            return nil
        }

        mutating func string() -> String? {
            guard let length = int(), length >= 0, length <= bytes.count - offset else { return nil }
            defer { offset += length }
            return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
        }

        mutating func key() -> PathKey? {
            guard bytes.count - offset >= 16 else { return nil }
            var words: [UInt64] = [0, 0]
            for word in 0..<2 {
                for index in 0..<8 { words[word] |= UInt64(bytes[offset + word * 8 + index]) << UInt64(index * 8) }
            }
            offset += 16
            return PathKey(high: words[0], low: words[1])
        }
    }
}

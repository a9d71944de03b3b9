#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CDirectory

/// A directory's entries as the system lists them: each entry's name (its bytes, without the terminating
/// zero) and its type as the directory records it (`DT_DIR`, `DT_REG`, `DT_LNK`, … or `DT_UNKNOWN` where the
/// file system does not say).
///
/// On Linux the records come straight from the kernel (`getdents64`) into one buffer: glibc's `opendir`
/// asks for the directory's status before listing it, one more system call per directory (4,000 in the
/// batch benchmark), and `readdir` is a call per entry. Elsewhere, and where that call is missing, `readdir`.
enum DirectoryListing {
    /// Calls `visit` with each entry of `directory` but `.` and `..`; returns false when the directory
    /// could not be opened (nothing visited). A read error part-way stops the listing, as `readdir` does.
    static func forEach(in directory: String, _ visit: (UnsafeBufferPointer<UInt8>, UInt8) -> Void) -> Bool {
        #if os(Linux)
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let listed = withUnsafeTemporaryAllocation(byteCount: 32 * 1024, alignment: 8) { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            var visited = false
            while true {
                let got = gov_read_directory(descriptor, base, buffer.count)
                // No such system call (not reached on Linux): listed by `readdir` instead.
                if got < 0, errno == ENOSYS, !visited { return false }
                guard got > 0 else { return true }
                visited = true
                visitRecords(UnsafeRawBufferPointer(start: base, count: min(got, buffer.count)), visit)
            }
        }
        if listed { return true }
        #endif
        return forEachByReaddir(in: directory, visit)
    }

    /// The records `struct linux_dirent64` in `records`: an 8-byte inode number and an 8-byte offset, the
    /// record's length (2 bytes, in the machine's byte order), the type (1 byte), then the name, ended by a
    /// zero, padded to 8 bytes. Read by offset, never trusting a length that would leave the buffer.
    static func visitRecords(_ records: UnsafeRawBufferPointer, _ visit: (UnsafeBufferPointer<UInt8>, UInt8) -> Void) {
        let bytes = records.bindMemory(to: UInt8.self)
        var offset = 0
        while offset + 19 < bytes.count {
            let length = Int(records.loadUnaligned(fromByteOffset: offset + 16, as: UInt16.self))
            guard length > 19, offset + length <= bytes.count else { return }
            let type = bytes[offset + 18]
            let nameStart = offset + 19
            var nameEnd = nameStart
            while nameEnd < offset + length, bytes[nameEnd] != 0 { nameEnd += 1 }
            let name = UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd])
            if !isDotOrDotDot(name) { visit(name, type) }
            offset += length
        }
    }

    private static func isDotOrDotDot(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.count == 1 && name[0] == UInt8(ascii: ".") || name.count == 2 && name[0] == UInt8(ascii: ".") && name[1] == UInt8(ascii: ".")
    }

    private static func forEachByReaddir(in directory: String, _ visit: (UnsafeBufferPointer<UInt8>, UInt8) -> Void) -> Bool {
        guard let handle = opendir(directory) else { return false }
        defer { closedir(handle) }
        while let raw = readdir(handle) {
            let type = raw.pointee.d_type
            withUnsafePointer(to: raw.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: MemoryLayout.size(ofValue: raw.pointee.d_name)) { name in
                    let count = strnlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), MemoryLayout.size(ofValue: raw.pointee.d_name))
                    let bytes = UnsafeBufferPointer(start: name, count: count)
                    if !isDotOrDotDot(bytes) { visit(bytes, type) }
                }
            }
        }
        return true
    }
}


#if canImport(Glibc)
import Glibc
import GovReport

/// A batch (`gov render DIR`, `gov fmt DIR`) allocates a few hundred small objects for each script and
/// frees them all when it is done with it. glibc keeps seven freed chunks of each size for the thread that
/// freed them (its tcache); the rest go back to the arena, through its lock, and are merged and split again
/// for the next script. With room for a thousand, `gov fmt --check` of 12,000 scripts took 0.95 → 0.89 s
/// (user time 1.66 → 1.54 s) and `gov render --format html` 2.76 → 2.70 s of user time (its wall time is
/// mostly the system writing 12,000 files, and varies by seconds from run to run), at the same peak memory
/// (medians of seven alternating runs; jemalloc and mimalloc in place of glibc's allocator did no better,
/// and would be a dependency).
///
/// glibc reads that size only from the environment (`GLIBC_TUNABLES`), at start: so a large batch restarts
/// itself once, with the setting, before it does anything else. The restart costs about 3 ms (a process
/// start), which the setting repays after some 500 scripts: so it happens when the directories named hold
/// at least `batchSize` scripts (counted by walking them until that many are found). A `GLIBC_TUNABLES` the
/// user set is left as it is. `gov check` no longer restarts: it allocates so little a script now that the
/// setting gained it nothing measurable (0.477 → 0.479 s without it, one core, 12,000 scripts; the same on
/// two cores and with `--format json`), and the restart cost it 0.01 s.
enum MallocTuning {
    static let tunables = "glibc.malloc.tcache_count=1000"
    static let batchSize = 1000

    /// Replaces this process with itself, the setting added, when `arguments` are a batch command over
    /// directories that hold `batchSize` scripts or more; returns (changing nothing) otherwise, or when the
    /// restart fails.
    static func restartForBatch(_ arguments: [String]) {
        guard arguments.count >= 3, ["render", "fmt"].contains(arguments[1]), getenv("GLIBC_TUNABLES") == nil else { return }
        var directories: [String] = []
        var isOptionValue = false
        for argument in arguments.dropFirst(2) {
            defer { isOptionValue = ["-o", "--output", "--output-dir"].contains(argument) }
            if !isOptionValue, isDirectory(argument) { directories.append(argument) }
        }
        guard !directories.isEmpty else { return }
        var walk = ScriptWalk(paths: directories)
        var found = 0
        while found < batchSize, walk.next() != nil { found += 1 }
        guard found == batchSize, setenv("GLIBC_TUNABLES", tunables, 1) == 0 else { return }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        execv("/proc/self/exe", &argv)
        // Still here: the restart failed (no /proc). Carry on as the process is.
        unsetenv("GLIBC_TUNABLES")
        for pointer in argv { free(pointer) }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }
}
#endif

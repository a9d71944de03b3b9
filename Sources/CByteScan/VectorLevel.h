#ifndef GOV_VECTOR_LEVEL_H
#define GOV_VECTOR_LEVEL_H

// Shared by the C files of CByteScan (not part of its interface).

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
/// The widest vector step the processor has, at most `level` (2 AVX2, 1 SSSE3, 0 none). Asked each time (a
/// load and a test of what the runtime found at start): a cached answer in a static would be a data race
/// between the threads of a batch.
static inline int vector_level(int level) {
    if (level >= 2 && __builtin_cpu_supports("avx2")) return 2;
    if (level >= 1 && __builtin_cpu_supports("ssse3")) return 1;
    return 0;
}
#endif

#endif

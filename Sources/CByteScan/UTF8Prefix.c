#include "CByteScan.h"
#include "VectorLevel.h"

// The loader's UTF-8 check, sixteen or thirty-two bytes a step (`gov_utf8_valid_prefix`); the searches are
// in CByteScan.c.

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

// The lookup algorithm of Keiser and Lemire, "Validating UTF-8 In Less Than One Instruction Per Byte"
// (Software: Practice and Experience, 2021), as simdjson and simdutf implement it: each byte is judged
// with the one before it through three 16-entry tables (the high nibble of the earlier byte, its low
// nibble, the high nibble of this one), each entry a bit set of the errors that pair could be; a third
// or fourth byte of a sequence is then required exactly where two or three bytes back stands a three- or
// four-byte lead.
enum {
    TOO_SHORT = 1 << 0,       // 11______ followed by 0_______ or 11______
    TOO_LONG = 1 << 1,        // 0_______ followed by 10______
    OVERLONG_3 = 1 << 2,      // 11100000 100_____
    TOO_LARGE = 1 << 3,       // 11110100 1001____, 11110100 101_____, 11110101+ 10______
    SURROGATE = 1 << 4,       // 11101101 101_____
    OVERLONG_2 = 1 << 5,      // 1100000_ 10______
    TOO_LARGE_1000 = 1 << 6,  // 11110101+ 1000____
    OVERLONG_4 = 1 << 6,      // 11110000 1000____
    // 10______ 10______ (unless a lead two or three back asks for it). Bit 7, written as the signed byte
    // it is in a table (-128), so that the tables, of `char`s, hold every value they are given.
    TWO_CONTS = -128,
    CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS,
};

// The three tables, written once for the 16- and the 32-byte step (each 128-bit lane holds one copy).
#define BYTE_1_HIGH_TABLE \
        TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, \
        TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS, \
        TOO_SHORT | OVERLONG_2, \
        TOO_SHORT, \
        TOO_SHORT | OVERLONG_3 | SURROGATE, \
        TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4
#define BYTE_1_LOW_TABLE \
        CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4, \
        CARRY | OVERLONG_2, \
        CARRY, \
        CARRY, \
        CARRY | TOO_LARGE, \
        CARRY | TOO_LARGE | TOO_LARGE_1000, \
        CARRY | TOO_LARGE | TOO_LARGE_1000, \
        CARRY | TOO_LARGE | TOO_LARGE_1000, \
        CARRY | TOO_LARGE | TOO_LARGE_1000, \
        CARRY | TOO_LARGE | TOO_LARGE_1000, \
        CARRY | TOO_LARGE | TOO_LARGE_1000, \
        CARRY | TOO_LARGE | TOO_LARGE_1000, \
        CARRY | TOO_LARGE | TOO_LARGE_1000, \
        CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE, \
        CARRY | TOO_LARGE | TOO_LARGE_1000, \
        CARRY | TOO_LARGE | TOO_LARGE_1000
#define BYTE_2_HIGH_TABLE \
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, \
        TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4, \
        TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE, \
        TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE, \
        TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE, \
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT

__attribute__((target("ssse3"))) static inline __m128i special_cases(__m128i input, __m128i prev1) {
    const __m128i low_nibble = _mm_set1_epi8(0x0F);
    const __m128i byte_1_high_table = _mm_setr_epi8(BYTE_1_HIGH_TABLE);
    const __m128i byte_1_low_table = _mm_setr_epi8(BYTE_1_LOW_TABLE);
    const __m128i byte_2_high_table = _mm_setr_epi8(BYTE_2_HIGH_TABLE);
    __m128i byte_1_high = _mm_shuffle_epi8(byte_1_high_table, _mm_and_si128(_mm_srli_epi16(prev1, 4), low_nibble));
    __m128i byte_1_low = _mm_shuffle_epi8(byte_1_low_table, _mm_and_si128(prev1, low_nibble));
    __m128i byte_2_high = _mm_shuffle_epi8(byte_2_high_table, _mm_and_si128(_mm_srli_epi16(input, 4), low_nibble));
    return _mm_and_si128(_mm_and_si128(byte_1_high, byte_1_low), byte_2_high);
}

/// Nonzero bytes where `input` holds a refused control character: below 0x20 but tab, LF and CR; DEL; or
/// 0x80–0x9F after 0xC2 (`prev1`), a C1 control.
__attribute__((target("ssse3"))) static inline __m128i controls(__m128i input, __m128i prev1) {
    __m128i below_space = _mm_cmpeq_epi8(_mm_min_epu8(input, _mm_set1_epi8(0x1F)), input);
    __m128i layout = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(input, _mm_set1_epi8(0x09)), _mm_cmpeq_epi8(input, _mm_set1_epi8(0x0A))),
        _mm_cmpeq_epi8(input, _mm_set1_epi8(0x0D)));
    __m128i c0 = _mm_andnot_si128(layout, below_space);
    __m128i del = _mm_cmpeq_epi8(input, _mm_set1_epi8(0x7F));
    __m128i in_c1_range = _mm_and_si128(
        _mm_cmpeq_epi8(_mm_max_epu8(input, _mm_set1_epi8((char)0x80)), input),
        _mm_cmpeq_epi8(_mm_min_epu8(input, _mm_set1_epi8((char)0x9F)), input));
    __m128i c1 = _mm_and_si128(in_c1_range, _mm_cmpeq_epi8(prev1, _mm_set1_epi8((char)0xC2)));
    return _mm_or_si128(_mm_or_si128(c0, del), c1);
}

/// The error bits of one block (`input`, after `previous`), and its control characters ORed into `*control`.
__attribute__((target("ssse3"))) static inline __m128i block_errors(__m128i input, __m128i previous, __m128i *control) {
    __m128i prev1 = _mm_alignr_epi8(input, previous, 15);
    __m128i prev2 = _mm_alignr_epi8(input, previous, 14);
    __m128i prev3 = _mm_alignr_epi8(input, previous, 13);
    // A third byte where two back is a three- or four-byte lead (≥ E0), a fourth where three back is a
    // four-byte lead (≥ F0): the bytes the tables leave as TWO_CONTS must be exactly these.
    __m128i is_third = _mm_subs_epu8(prev2, _mm_set1_epi8((char)(0xE0 - 1)));
    __m128i is_fourth = _mm_subs_epu8(prev3, _mm_set1_epi8((char)(0xF0 - 1)));
    __m128i must_be_continuation = _mm_cmpgt_epi8(_mm_or_si128(is_third, is_fourth), _mm_setzero_si128());
    *control = _mm_or_si128(*control, controls(input, prev1));
    return _mm_xor_si128(_mm_and_si128(must_be_continuation, _mm_set1_epi8((char)0x80)), special_cases(input, prev1));
}

__attribute__((target("ssse3"))) static size_t valid_prefix_ssse3(const uint8_t *bytes, size_t count, int *holds_control) {
    __m128i previous = _mm_setzero_si128();
    size_t offset = 0;
    int control = 0;
    // Four blocks a step, their errors and control characters gathered and asked once: a step with an
    // error is left whole to the caller's exact check (which stops at the first invalid byte).
    while (offset + 64 <= count) {
        __m128i in0 = _mm_loadu_si128((const __m128i *)(bytes + offset));
        __m128i in1 = _mm_loadu_si128((const __m128i *)(bytes + offset + 16));
        __m128i in2 = _mm_loadu_si128((const __m128i *)(bytes + offset + 32));
        __m128i in3 = _mm_loadu_si128((const __m128i *)(bytes + offset + 48));
        __m128i found = _mm_setzero_si128();
        __m128i error = block_errors(in0, previous, &found);
        error = _mm_or_si128(error, block_errors(in1, in0, &found));
        error = _mm_or_si128(error, block_errors(in2, in1, &found));
        error = _mm_or_si128(error, block_errors(in3, in2, &found));
        if (_mm_movemask_epi8(_mm_cmpeq_epi8(error, _mm_setzero_si128())) != 0xFFFF) break;
        if (_mm_movemask_epi8(_mm_cmpeq_epi8(found, _mm_setzero_si128())) != 0xFFFF) control = 1;
        previous = in3;
        offset += 64;
    }
    while (offset + 16 <= count) {
        __m128i input = _mm_loadu_si128((const __m128i *)(bytes + offset));
        __m128i found = _mm_setzero_si128();
        __m128i error = block_errors(input, previous, &found);
        if (_mm_movemask_epi8(_mm_cmpeq_epi8(error, _mm_setzero_si128())) != 0xFFFF) break;
        if (_mm_movemask_epi8(_mm_cmpeq_epi8(found, _mm_setzero_si128())) != 0xFFFF) control = 1;
        previous = input;
        offset += 16;
    }
    // The blocks before `offset` are checked, but a sequence may start in the last three bytes and end
    // after them: hand back from the last lead byte there (a byte that is not 10______).
    size_t end = offset;
    for (size_t back = 1; back <= 3 && back <= end; back++) {
        if ((bytes[end - back] & 0xC0) != 0x80) {
            if (bytes[end - back] >= 0xC0) offset = end - back;
            break;
        }
    }
    if (control) *holds_control = 1;
    return offset;
}

// The same check thirty-two bytes a step (AVX2): each 128-bit lane shuffles through the same tables, and
// the bytes before a lane come from the lane before it (`permute2x128`), as simdjson's Haswell kernel does.
#define GOV_TABLE256(...) _mm256_setr_epi8(__VA_ARGS__, __VA_ARGS__)

__attribute__((target("avx2"))) static inline __m256i special_cases_avx2(__m256i input, __m256i prev1) {
    const __m256i low_nibble = _mm256_set1_epi8(0x0F);
    const __m256i byte_1_high_table = GOV_TABLE256(BYTE_1_HIGH_TABLE);
    const __m256i byte_1_low_table = GOV_TABLE256(BYTE_1_LOW_TABLE);
    const __m256i byte_2_high_table = GOV_TABLE256(BYTE_2_HIGH_TABLE);
    __m256i byte_1_high = _mm256_shuffle_epi8(byte_1_high_table, _mm256_and_si256(_mm256_srli_epi16(prev1, 4), low_nibble));
    __m256i byte_1_low = _mm256_shuffle_epi8(byte_1_low_table, _mm256_and_si256(prev1, low_nibble));
    __m256i byte_2_high = _mm256_shuffle_epi8(byte_2_high_table, _mm256_and_si256(_mm256_srli_epi16(input, 4), low_nibble));
    return _mm256_and_si256(_mm256_and_si256(byte_1_high, byte_1_low), byte_2_high);
}

/// `controls`, thirty-two bytes at once.
__attribute__((target("avx2"))) static inline __m256i controls_avx2(__m256i input, __m256i prev1) {
    __m256i below_space = _mm256_cmpeq_epi8(_mm256_min_epu8(input, _mm256_set1_epi8(0x1F)), input);
    __m256i layout = _mm256_or_si256(
        _mm256_or_si256(_mm256_cmpeq_epi8(input, _mm256_set1_epi8(0x09)), _mm256_cmpeq_epi8(input, _mm256_set1_epi8(0x0A))),
        _mm256_cmpeq_epi8(input, _mm256_set1_epi8(0x0D)));
    __m256i c0 = _mm256_andnot_si256(layout, below_space);
    __m256i del = _mm256_cmpeq_epi8(input, _mm256_set1_epi8(0x7F));
    __m256i in_c1_range = _mm256_and_si256(
        _mm256_cmpeq_epi8(_mm256_max_epu8(input, _mm256_set1_epi8((char)0x80)), input),
        _mm256_cmpeq_epi8(_mm256_min_epu8(input, _mm256_set1_epi8((char)0x9F)), input));
    __m256i c1 = _mm256_and_si256(in_c1_range, _mm256_cmpeq_epi8(prev1, _mm256_set1_epi8((char)0xC2)));
    return _mm256_or_si256(_mm256_or_si256(c0, del), c1);
}

/// `block_errors`, thirty-two bytes at once.
__attribute__((target("avx2"))) static inline __m256i block_errors_avx2(__m256i input, __m256i previous, __m256i *control) {
    // The lane before each lane: `previous`'s high lane, then `input`'s low one.
    __m256i before = _mm256_permute2x128_si256(previous, input, 0x21);
    __m256i prev1 = _mm256_alignr_epi8(input, before, 15);
    __m256i prev2 = _mm256_alignr_epi8(input, before, 14);
    __m256i prev3 = _mm256_alignr_epi8(input, before, 13);
    __m256i is_third = _mm256_subs_epu8(prev2, _mm256_set1_epi8((char)(0xE0 - 1)));
    __m256i is_fourth = _mm256_subs_epu8(prev3, _mm256_set1_epi8((char)(0xF0 - 1)));
    __m256i must_be_continuation = _mm256_cmpgt_epi8(_mm256_or_si256(is_third, is_fourth), _mm256_setzero_si256());
    *control = _mm256_or_si256(*control, controls_avx2(input, prev1));
    return _mm256_xor_si256(_mm256_and_si256(must_be_continuation, _mm256_set1_epi8((char)0x80)), special_cases_avx2(input, prev1));
}

/// `valid_prefix_ssse3` sixty-four bytes a step; the same hand-back at the end.
__attribute__((target("avx2"))) static size_t valid_prefix_avx2(const uint8_t *bytes, size_t count, int *holds_control) {
    __m256i previous = _mm256_setzero_si256();
    size_t offset = 0;
    int control = 0;
    while (offset + 64 <= count) {
        __m256i in0 = _mm256_loadu_si256((const __m256i *)(bytes + offset));
        __m256i in1 = _mm256_loadu_si256((const __m256i *)(bytes + offset + 32));
        __m256i found = _mm256_setzero_si256();
        __m256i error = _mm256_or_si256(block_errors_avx2(in0, previous, &found), block_errors_avx2(in1, in0, &found));
        if (!_mm256_testz_si256(error, error)) break;
        if (!_mm256_testz_si256(found, found)) control = 1;
        previous = in1;
        offset += 64;
    }
    size_t end = offset;
    for (size_t back = 1; back <= 3 && back <= end; back++) {
        if ((bytes[end - back] & 0xC0) != 0x80) {
            if (bytes[end - back] >= 0xC0) offset = end - back;
            break;
        }
    }
    if (control) *holds_control = 1;
    return offset;
}

size_t gov_utf8_valid_prefix_at_level(const uint8_t *bytes, size_t count, int *holds_control, int level) {
    if (bytes == NULL) return 0;
    size_t offset = 0;
    switch (vector_level(level)) {
    case 2:
        // Thirty-two bytes a step up to a character's start; the sixteen-byte step goes on from there (a
        // character's start needs nothing from the bytes before it), through the last 32 bytes.
        offset = valid_prefix_avx2(bytes, count, holds_control);
        return offset + valid_prefix_ssse3(bytes + offset, count - offset, holds_control);
    case 1:
        return valid_prefix_ssse3(bytes, count, holds_control);
    default:
        return 0;
    }
}

size_t gov_utf8_valid_prefix(const uint8_t *bytes, size_t count, int *holds_control) {
    return gov_utf8_valid_prefix_at_level(bytes, count, holds_control, 2);
}

#else

size_t gov_utf8_valid_prefix(const uint8_t *bytes, size_t count, int *holds_control) {
    (void)bytes;
    (void)count;
    (void)holds_control;
    return 0;
}

size_t gov_utf8_valid_prefix_at_level(const uint8_t *bytes, size_t count, int *holds_control, int level) {
    (void)level;
    return gov_utf8_valid_prefix(bytes, count, holds_control);
}

#endif

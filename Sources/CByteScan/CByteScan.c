#include "CByteScan.h"
#include "VectorLevel.h"

static size_t find_digit_or_brace_scalar(const uint8_t *bytes, size_t count, size_t from) {
    for (size_t offset = from; offset < count; offset++) {
        uint8_t byte = bytes[offset];
        if ((byte >= '0' && byte <= '9') || byte == '{' || byte == '}') return offset;
        if (byte == 0xEF && offset + 2 < count && bytes[offset + 1] == 0xBC && bytes[offset + 2] >= 0x90 && bytes[offset + 2] <= 0x99) return offset;
    }
    return count;
}

/// Whether a word goes on at `bytes[offset]`: ASCII letters, digits and `_`, and any byte from 0x80 but
/// the ideographic space's lead (E3 80 80) where the whole space lies before `count`.
static size_t word_end_scalar(const uint8_t *bytes, size_t count, size_t from) {
    for (size_t offset = from; offset < count; offset++) {
        uint8_t byte = bytes[offset];
        if (byte >= 0x80) {
            if (byte == 0xE3 && offset + 2 < count && bytes[offset + 1] == 0x80 && bytes[offset + 2] == 0x80) return offset;
        } else {
            uint8_t lower = byte | 0x20;
            if (!((byte >= '0' && byte <= '9') || (lower >= 'a' && lower <= 'z') || byte == '_')) return offset;
        }
    }
    return count;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>


/// 0xFF in each lane whose byte lies in `low`…`low + width` (unsigned), 0 elsewhere. SSE2.
static inline __m128i bytes_in_range(__m128i input, uint8_t low, uint8_t width) {
    __m128i from_low = _mm_sub_epi8(input, _mm_set1_epi8((char)low));
    return _mm_cmpeq_epi8(_mm_min_epu8(from_low, _mm_set1_epi8((char)width)), from_low);
}

/// SSE2, which every x86-64 processor has; from `offset`.
static size_t find_digit_or_brace_sse2(const uint8_t *bytes, size_t count, size_t offset) {
    const __m128i open = _mm_set1_epi8('{'), close = _mm_set1_epi8('}'), ef = _mm_set1_epi8((char)0xEF);
    const __m128i bc = _mm_set1_epi8((char)0xBC);
    // Two bytes of look-ahead: EF counts only as a full-width digit's lead (EF BC 90–99), not as the
    // full-width punctuation (，（）：；EF BC 8C…) that Chinese text is full of.
    while (offset + 18 <= count) {
        __m128i input = _mm_loadu_si128((const __m128i *)(bytes + offset));
        __m128i next = _mm_loadu_si128((const __m128i *)(bytes + offset + 1));
        __m128i after = _mm_loadu_si128((const __m128i *)(bytes + offset + 2));
        __m128i digit = bytes_in_range(input, '0', 9);
        __m128i full_digit = _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(input, ef), _mm_cmpeq_epi8(next, bc)),
            bytes_in_range(after, 0x90, 9));
        __m128i found = _mm_or_si128(_mm_or_si128(digit, full_digit),
            _mm_or_si128(_mm_cmpeq_epi8(input, open), _mm_cmpeq_epi8(input, close)));
        int mask = _mm_movemask_epi8(found);
        if (mask != 0) return offset + (size_t)__builtin_ctz((unsigned)mask);
        offset += 16;
    }
    return find_digit_or_brace_scalar(bytes, count, offset);
}

/// `find_digit_or_brace_sse2` thirty-two bytes a step (AVX2), then sixteen.
__attribute__((target("avx2"))) static size_t find_digit_or_brace_avx2(const uint8_t *bytes, size_t count) {
    size_t offset = 0;
    const __m256i open = _mm256_set1_epi8('{'), close = _mm256_set1_epi8('}'), ef = _mm256_set1_epi8((char)0xEF);
    const __m256i bc = _mm256_set1_epi8((char)0xBC);
    const __m256i zero_char = _mm256_set1_epi8('0'), nine = _mm256_set1_epi8(9);
    const __m256i x90 = _mm256_set1_epi8((char)0x90);
    while (offset + 34 <= count) {
        __m256i input = _mm256_loadu_si256((const __m256i *)(bytes + offset));
        __m256i next = _mm256_loadu_si256((const __m256i *)(bytes + offset + 1));
        __m256i after = _mm256_loadu_si256((const __m256i *)(bytes + offset + 2));
        __m256i from_zero = _mm256_sub_epi8(input, zero_char);
        __m256i digit = _mm256_cmpeq_epi8(_mm256_min_epu8(from_zero, nine), from_zero);
        __m256i from_90 = _mm256_sub_epi8(after, x90);
        __m256i full_digit = _mm256_and_si256(_mm256_and_si256(_mm256_cmpeq_epi8(input, ef), _mm256_cmpeq_epi8(next, bc)),
            _mm256_cmpeq_epi8(_mm256_min_epu8(from_90, nine), from_90));
        __m256i found = _mm256_or_si256(_mm256_or_si256(digit, full_digit),
            _mm256_or_si256(_mm256_cmpeq_epi8(input, open), _mm256_cmpeq_epi8(input, close)));
        unsigned mask = (unsigned)_mm256_movemask_epi8(found);
        if (mask != 0) return offset + (size_t)__builtin_ctz(mask);
        offset += 32;
    }
    return find_digit_or_brace_sse2(bytes, count, offset);
}

size_t gov_find_digit_or_brace_at_level(const uint8_t *bytes, size_t count, int level) {
    if (bytes == NULL) return count;
    // SSE2 is every x86-64 processor's: only AVX2 is asked for.
    switch (level >= 2 ? vector_level(2) == 2 ? 2 : 1 : level) {
    case 2: return find_digit_or_brace_avx2(bytes, count);
    case 1: return find_digit_or_brace_sse2(bytes, count, 0);
    default: return find_digit_or_brace_scalar(bytes, count, 0);
    }
}

size_t gov_find_digit_or_brace(const uint8_t *bytes, size_t count) {
    return gov_find_digit_or_brace_at_level(bytes, count, 2);
}

/// SSE2. Most words are shorter than sixteen bytes: one step finds their end.
size_t gov_word_end(const uint8_t *bytes, size_t count) {
    if (bytes == NULL) return count;
    size_t offset = 0;
    const __m128i case_bit = _mm_set1_epi8(0x20), underscore = _mm_set1_epi8('_');
    const __m128i e3 = _mm_set1_epi8((char)0xE3), x80 = _mm_set1_epi8((char)0x80);
    // Two bytes of look-ahead for the ideographic space (E3 80 80), as the scalar loop reads them.
    while (offset + 18 <= count) {
        __m128i input = _mm_loadu_si128((const __m128i *)(bytes + offset));
        __m128i next = _mm_loadu_si128((const __m128i *)(bytes + offset + 1));
        __m128i after = _mm_loadu_si128((const __m128i *)(bytes + offset + 2));
        __m128i digit = bytes_in_range(input, '0', 9);
        // A letter of either case: bit 5 set makes A–Z a–z, and moves nothing else into a–z.
        __m128i letter = bytes_in_range(_mm_or_si128(input, case_bit), 'a', 25);
        __m128i ascii_word = _mm_or_si128(_mm_or_si128(digit, letter), _mm_cmpeq_epi8(input, underscore));
        // A byte from 0x80 has its top bit set: the mask of `input` itself marks them.
        unsigned word = (unsigned)(_mm_movemask_epi8(ascii_word) | _mm_movemask_epi8(input));
        __m128i space = _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(input, e3), _mm_cmpeq_epi8(next, x80)), _mm_cmpeq_epi8(after, x80));
        unsigned stop = (~word & 0xFFFFu) | (unsigned)_mm_movemask_epi8(space);
        if (stop != 0) return offset + (size_t)__builtin_ctz(stop);
        offset += 16;
    }
    return word_end_scalar(bytes, count, offset);
}

#else

size_t gov_word_end(const uint8_t *bytes, size_t count) {
    return bytes == NULL ? count : word_end_scalar(bytes, count, 0);
}

size_t gov_find_digit_or_brace(const uint8_t *bytes, size_t count) {
    return bytes == NULL ? count : find_digit_or_brace_scalar(bytes, count, 0);
}

size_t gov_find_digit_or_brace_at_level(const uint8_t *bytes, size_t count, int level) {
    (void)level;
    return gov_find_digit_or_brace(bytes, count);
}

#endif

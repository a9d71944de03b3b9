#ifndef GOV_CBYTESCAN_H
#define GOV_CBYTESCAN_H

// Byte scans sixteen bytes a step, or thirty-two where the processor has AVX2 (asked at each call), for the
// loops every script's text passes through: the vector part of the loader's UTF-8 check (GovLanguage's
// UTF8Validation), with SSSE3's byte shuffle, which Swift's SIMD types do not offer; the text check's
// search for what can start a number; and the lexer's search for where a word ends. C so that the
// compiler's intrinsics serve.

#include <stddef.h>
#include <stdint.h>

/// Checks `bytes[0..<count]` sixteen or thirty-two bytes at a time and returns an offset up to which they are valid
/// UTF-8, ending at the start of a character: every sequence before it is complete and valid. The caller
/// checks the rest — the tail, and the block where a check failed — one sequence at a time, from there.
/// `*holds_control` is set to 1 when a refused control character lies before the returned offset (C0
/// but tab, LF and CR; DEL; the C1 controls U+0080–U+009F), and left as it is otherwise. Returns 0 where
/// the processor lacks SSSE3 (and on other architectures): the caller then checks every byte.
size_t gov_utf8_valid_prefix(const uint8_t *bytes, size_t count, int *holds_control);

/// `gov_utf8_valid_prefix` with the vector step at most `level` (2 AVX2, 1 SSSE3, 0 none): so the tests can
/// hold each step the processor has to the same answers.
size_t gov_utf8_valid_prefix_at_level(const uint8_t *bytes, size_t count, int *holds_control, int level);

/// The offset of the first byte of `bytes[0..<count]` that is an ASCII digit, `{`, `}` or starts a
/// full-width digit (EF BC 90–99), or `count` when there is none.
size_t gov_find_digit_or_brace(const uint8_t *bytes, size_t count);

/// `gov_find_digit_or_brace` with the vector step at most `level` (2 AVX2, 1 SSE2, 0 none), for the tests.
size_t gov_find_digit_or_brace_at_level(const uint8_t *bytes, size_t count, int level);

/// The offset of the first byte of `bytes[0..<count]` that ends a word (`Lexer`'s words: ASCII letters,
/// digits and `_`, and every byte from 0x80 but the start of an ideographic space, E3 80 80, that lies
/// whole before `count`), or `count` when there is none.
size_t gov_word_end(const uint8_t *bytes, size_t count);

#endif

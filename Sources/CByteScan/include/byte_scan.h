#ifndef BOTLINT_BYTE_SCAN_H
#define BOTLINT_BYTE_SCAN_H
#include <stddef.h>
#include <stdint.h>

/*
 * Byte scans that run over every file of a repository, written with compiler vector types so
 * that they compile to SIMD on every target (SSE2, NEON). Swift's SIMD types lowered some of
 * these comparisons to one-lane-at-a-time loops, which cost more than the plain scalar scan.
 */

/*
 * The offset of the first 16-byte block at `from`, `from + 16`, ... whose 16 bytes are all in
 * [0-9A-Za-z_:-] (the bytes a Telegram bot token is made of); `length` when there is none.
 */
size_t botlint_next_token_block(const uint8_t *bytes, size_t length, size_t from);

#endif

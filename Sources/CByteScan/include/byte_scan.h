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

/*
 * Several short needles found in one pass (the "Teddy" technique of Hyperscan and Rust's
 * aho-corasick): each needle is a bucket, and every position of the text is tested against the
 * first three bytes of all needles at once with nibble lookup tables, 16 positions at a time.
 * Positions it reports may still miss; positions it skips cannot match.
 */
typedef struct {
    /* For fingerprint byte j (0-2): bit k set where needle k's byte j has this low / high nibble. */
    uint8_t low[3][16];
    uint8_t high[3][16];
} botlint_teddy_tables;

/* Needles of 3 bytes or more, at most 8 of them, can be searched this way on this machine. */
int botlint_teddy_available(void);

/* Fills `tables` for `count` needles (at most 8, each at least 3 bytes). */
void botlint_teddy_build(botlint_teddy_tables *tables, const uint8_t *const *needles, size_t count);

/*
 * The first position p >= `from` where the three bytes at p could start some needle, with the
 * set of such needles (bit k for needle k) in `*buckets`; `length` when there is none. Only
 * call when botlint_teddy_available() says so.
 */
size_t botlint_teddy_next(const botlint_teddy_tables *tables, const uint8_t *bytes, size_t length, size_t from,
                          uint8_t *buckets);

#endif

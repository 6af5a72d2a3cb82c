#include "byte_scan.h"
#include <string.h>

typedef uint8_t bytes16 __attribute__((vector_size(16)));

static inline bytes16 load16(const uint8_t *at) {
    bytes16 lanes;
    memcpy(&lanes, at, sizeof lanes);
    return lanes;
}

static inline bytes16 splat(uint8_t byte) {
    return (bytes16){byte, byte, byte, byte, byte, byte, byte, byte, byte, byte, byte, byte, byte, byte, byte, byte};
}

/* Whether any lane of a comparison result (0 or all ones per lane) is set. */
static inline int any_set(bytes16 mask) {
    uint64_t low, high;
    memcpy(&low, &mask, 8);
    memcpy(&high, (const uint8_t *)&mask + 8, 8);
    return (low | high) != 0;
}

size_t botlint_next_token_block(const uint8_t *bytes, size_t length, size_t from) {
    for (size_t at = from; length >= 16 && at <= length - 16; at += 16) {
        bytes16 lanes = load16(bytes + at);
        /* Text nearly always has a space, newline, quote or bracket per 16 bytes: all below '-'. */
        if (any_set((bytes16)(lanes < splat('-')))) continue;
        bytes16 digit_or_colon = (bytes16)((bytes16)(lanes - splat('0')) < splat(11));
        bytes16 letter = (bytes16)((bytes16)((lanes | splat(0x20)) - splat('a')) < splat(26));
        bytes16 mark = (bytes16)(lanes == splat('_')) | (bytes16)(lanes == splat('-'));
        bytes16 outside = ~(digit_or_colon | letter | mark);
        if (!any_set(outside)) return at;
    }
    return length;
}

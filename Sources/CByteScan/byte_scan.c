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

void botlint_teddy_build(botlint_teddy_tables *tables, const uint8_t *const *needles, size_t count) {
    memset(tables, 0, sizeof *tables);
    for (size_t k = 0; k < count && k < 8; k++) {
        for (int j = 0; j < 3; j++) {
            uint8_t byte = needles[k][j];
            tables->low[j][byte & 0x0F] |= (uint8_t)(1u << k);
            tables->high[j][byte >> 4] |= (uint8_t)(1u << k);
        }
    }
}

static inline uint8_t teddy_lanes(const botlint_teddy_tables *tables, const uint8_t *at) {
    uint8_t found = 0xFF;
    for (int j = 0; j < 3; j++) found &= tables->low[j][at[j] & 0x0F] & tables->high[j][at[j] >> 4];
    return found;
}

/* One position at a time: the tail the vector loops leave, and CPUs without byte shuffles. */
static size_t teddy_next_scalar(const botlint_teddy_tables *tables, const uint8_t *bytes, size_t length, size_t from,
                                uint8_t *buckets) {
    for (size_t at = from; length >= 3 && at <= length - 3; at++) {
        uint8_t found = teddy_lanes(tables, bytes + at);
        if (found) {
            *buckets = found;
            return at;
        }
    }
    return length;
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

int botlint_teddy_available(void) {
    return __builtin_cpu_supports("ssse3");
}

__attribute__((target("ssse3")))
static size_t teddy_next_ssse3(const botlint_teddy_tables *tables, const uint8_t *bytes, size_t length, size_t from,
                               uint8_t *buckets) {
    const __m128i nibble = _mm_set1_epi8(0x0F);
    __m128i low[3], high[3];
    for (int j = 0; j < 3; j++) {
        low[j] = _mm_loadu_si128((const __m128i *)tables->low[j]);
        high[j] = _mm_loadu_si128((const __m128i *)tables->high[j]);
    }
    size_t at = from;
    /* Positions at..at+15 need bytes up to at + 17. */
    for (; length >= 18 && at <= length - 18; at += 16) {
        __m128i found = _mm_set1_epi8((char)0xFF);
        for (int j = 0; j < 3; j++) {
            __m128i lanes = _mm_loadu_si128((const __m128i *)(bytes + at + j));
            __m128i lo = _mm_shuffle_epi8(low[j], _mm_and_si128(lanes, nibble));
            __m128i hi = _mm_shuffle_epi8(high[j], _mm_and_si128(_mm_srli_epi16(lanes, 4), nibble));
            found = _mm_and_si128(found, _mm_and_si128(lo, hi));
        }
        unsigned empty = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(found, _mm_setzero_si128()));
        if (empty != 0xFFFF) {
            unsigned lane = (unsigned)__builtin_ctz(~empty & 0xFFFF);
            uint8_t lanes[16];
            _mm_storeu_si128((__m128i *)lanes, found);
            *buckets = lanes[lane];
            return at + lane;
        }
    }
    return teddy_next_scalar(tables, bytes, length, at, buckets);
}

/* The same, 32 positions at a time; byte shuffles work within each 16-byte half, so the
 * tables are repeated in both. */
__attribute__((target("avx2")))
static size_t teddy_next_avx2(const botlint_teddy_tables *tables, const uint8_t *bytes, size_t length, size_t from,
                              uint8_t *buckets) {
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    __m256i low[3], high[3];
    for (int j = 0; j < 3; j++) {
        low[j] = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)tables->low[j]));
        high[j] = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)tables->high[j]));
    }
    size_t at = from;
    for (; length >= 34 && at <= length - 34; at += 32) {
        __m256i found = _mm256_set1_epi8((char)0xFF);
        for (int j = 0; j < 3; j++) {
            __m256i lanes = _mm256_loadu_si256((const __m256i *)(bytes + at + j));
            __m256i lo = _mm256_shuffle_epi8(low[j], _mm256_and_si256(lanes, nibble));
            __m256i hi = _mm256_shuffle_epi8(high[j], _mm256_and_si256(_mm256_srli_epi16(lanes, 4), nibble));
            found = _mm256_and_si256(found, _mm256_and_si256(lo, hi));
        }
        unsigned empty = (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(found, _mm256_setzero_si256()));
        if (empty != 0xFFFFFFFFu) {
            unsigned lane = (unsigned)__builtin_ctz(~empty);
            uint8_t lanes[32];
            _mm256_storeu_si256((__m256i *)lanes, found);
            *buckets = lanes[lane];
            return at + lane;
        }
    }
    return teddy_next_ssse3(tables, bytes, length, at, buckets);
}

size_t botlint_teddy_next(const botlint_teddy_tables *tables, const uint8_t *bytes, size_t length, size_t from,
                          uint8_t *buckets) {
    if (__builtin_cpu_supports("avx2")) return teddy_next_avx2(tables, bytes, length, from, buckets);
    return teddy_next_ssse3(tables, bytes, length, from, buckets);
}
#else
int botlint_teddy_available(void) {
    return 0;
}

size_t botlint_teddy_next(const botlint_teddy_tables *tables, const uint8_t *bytes, size_t length, size_t from,
                          uint8_t *buckets) {
    return teddy_next_scalar(tables, bytes, length, from, buckets);
}
#endif

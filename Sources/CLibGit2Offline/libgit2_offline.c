#include "libgit2_offline.h"

/* mbedTLS's signatures, with the certificate chain left opaque (no mbedTLS headers here).
 * 0 is success: libgit2 then installs the still-empty chain and goes on. */
int mbedtls_x509_crt_parse_file(void *chain, const char *path) {
    (void)chain;
    (void)path;
    return 0;
}

int mbedtls_x509_crt_parse_path(void *chain, const char *path) {
    (void)chain;
    (void)path;
    return 0;
}

int botlint_libgit2_offline_linked(void) {
    return 1;
}

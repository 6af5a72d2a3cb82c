#ifndef BOTLINT_LIBGIT2_OFFLINE_H
#define BOTLINT_LIBGIT2_OFFLINE_H

/*
 * botlint reads repositories through libgit2 and never opens a network connection. Debian's
 * libgit2 is built with mbedTLS, and git_libgit2_init() makes mbedTLS parse every certificate
 * in the system CA bundle (/etc/ssl/certs/ca-certificates.crt, about 4 ms: a fifth of a
 * 200-file `botlint --staged` run) for HTTPS that botlint never does.
 *
 * This target defines the two mbedTLS functions libgit2 calls to load that bundle. An
 * executable's exported symbols come first in ELF symbol lookup, so libgit2's calls land here
 * and load nothing. The CA chain stays empty, so if anything in this process ever did try an
 * HTTPS connection through libgit2, certificate verification would fail closed.
 * Where libgit2 uses another TLS library (OpenSSL, macOS), nothing calls these.
 */

/* Always 1: lets Swift (and a test) check that this object is linked into the binary. */
int botlint_libgit2_offline_linked(void);

#endif

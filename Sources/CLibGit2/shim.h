#ifndef BOTLINT_CLIBGIT2_SHIM_H
#define BOTLINT_CLIBGIT2_SHIM_H
#include <git2.h>
#include <git2/sys/odb_backend.h>

/* git_libgit2_opts is variadic, which Swift cannot call; one fixed-arity wrapper per option used. */
static inline int botlint_git_set_owner_validation(int enabled) {
    return git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, enabled);
}

static inline int botlint_git_set_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}

/*
 * An object database backend that reads loose objects through botlint's own reader
 * (GitLooseObjectReader): libgit2 1.5 loops forever reading a truncated loose object. `reader` is
 * the reader, retained for as long as libgit2 keeps the backend.
 */
typedef struct {
    git_odb_backend parent;
    void *reader;
} botlint_loose_backend;

#endif

#ifndef BOTLINT_CSYSTEMCALLS_SHIM_H
#define BOTLINT_CSYSTEMCALLS_SHIM_H
#include <errno.h>
#include <fcntl.h>

#if defined(__linux__)
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

/* openat2 with `resolve` flags, or -1 with errno ENOSYS where the system has no such call. */
#if defined(__linux__) && defined(SYS_openat2)
static inline int botlint_openat2(int directory, const char *path, int flags, unsigned long long resolve) {
    struct open_how how = {0};
    how.flags = (unsigned long long)flags;
    how.resolve = resolve;
    return (int)syscall(SYS_openat2, directory, path, &how, sizeof how);
}
#else
static inline int botlint_openat2(int directory, const char *path, int flags, unsigned long long resolve) {
    (void)directory; (void)path; (void)flags; (void)resolve;
    errno = ENOSYS;
    return -1;
}
#ifndef RESOLVE_NO_SYMLINKS
#define RESOLVE_NO_SYMLINKS 0
#define RESOLVE_NO_MAGICLINKS 0
#define RESOLVE_BENEATH 0
#endif
#endif

/*
 * Opens `path` (absolute, or relative to `directory`) without following a symlink in any of its
 * components: Linux 5.6+ openat2 with RESOLVE_NO_SYMLINKS. The kernel checks every component in
 * the same call that opens the file, so no folder can be swapped for a symlink in between.
 * Returns -1 with errno ENOSYS where the call does not exist (other systems, old kernels) and
 * usually EPERM where a seccomp filter forbids it (older container runtimes).
 * syscall() is variadic, which Swift cannot call, hence these wrappers.
 */
static inline int botlint_open_no_symlinks(int directory, const char *path, int flags) {
    return botlint_openat2(directory, path, flags, RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS);
}

/*
 * Opens `path` relative to the open folder `directory` as botlint_open_no_symlinks does, and
 * also refuses to leave that folder (RESOLVE_BENEATH: no `..` above it, no absolute path).
 */
static inline int botlint_open_beneath(int directory, const char *path, int flags) {
    return botlint_openat2(directory, path, flags, RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS);
}

/*
 * Opens the folder `path` as botlint_open_no_symlinks does, only as a starting point for later
 * lookups (O_PATH where the system has it: nothing is read through it, so no read permission
 * is needed). O_PATH is hidden behind _GNU_SOURCE in glibc's headers, hence its raw name.
 */
static inline int botlint_open_folder_no_symlinks(const char *path) {
#if defined(__O_PATH)
    return botlint_open_no_symlinks(AT_FDCWD, path, __O_PATH | O_DIRECTORY | O_CLOEXEC);
#else
    return botlint_open_no_symlinks(AT_FDCWD, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
#endif
}

/*
 * glibc raises its mmap threshold to the size of the largest block freed so far, after which
 * freed memory stays in the heap instead of going back to the system; a fixed threshold (any
 * mallopt call) turns that off. A no-op elsewhere.
 */
#if defined(__GLIBC__)
#include <malloc.h>
static inline void botlint_fix_mmap_threshold(int bytes) {
    mallopt(M_MMAP_THRESHOLD, bytes);
}
#else
static inline void botlint_fix_mmap_threshold(int bytes) {
    (void)bytes;
}
#endif

#endif

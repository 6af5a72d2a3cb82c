#ifndef BOTLINT_CLIBGIT2_SHIM_H
#define BOTLINT_CLIBGIT2_SHIM_H
#include <git2.h>
#endif

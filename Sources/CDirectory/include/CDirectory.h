#ifndef GOV_CDIRECTORY_H
#define GOV_CDIRECTORY_H

// A directory's entries read straight from the kernel (Linux's getdents64), for the batch walk: glibc's
// opendir asks the kernel for the directory's status first (to size its buffer), a system call per
// directory that the walk does not need; and glibc declares getdents64 only under _GNU_SOURCE, which
// Swift's Glibc module does not see. C because the system call is variadic.

#include <stddef.h>
#include <sys/types.h>

/// Fills `buffer` with as many `struct linux_dirent64` records of the open directory `descriptor` as fit,
/// and returns their total size in bytes: 0 at the end of the directory, -1 on an error (errno set).
/// Returns -1 with errno ENOSYS where the system has no getdents64 (not Linux).
ssize_t gov_read_directory(int descriptor, void *buffer, size_t size);

#endif

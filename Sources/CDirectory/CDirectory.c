#ifdef __linux__
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <unistd.h>
#endif
#include <errno.h>
#include "CDirectory.h"

ssize_t gov_read_directory(int descriptor, void *buffer, size_t size) {
#ifdef __linux__
    return syscall(SYS_getdents64, descriptor, buffer, size);
#else
    (void)descriptor; (void)buffer; (void)size;
    errno = ENOSYS;
    return -1;
#endif
}

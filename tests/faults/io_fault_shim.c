/* An LD_PRELOAD library for I/O fault injection (after SQLite's I/O-error tests): it counts the
   calls of write, pwrite, fsync, fdatasync, rename, ftruncate and close that a process makes on
   its files (standard streams excepted) and makes call number PRIMSIM_FAULT_AT fail with
   PRIMSIM_FAULT_ERRNO (EIO or ENOSPC), or every call from it on with PRIMSIM_FAULT_PERSIST=1 (a
   disk that stays full). Without PRIMSIM_FAULT_AT it only counts. PRIMSIM_FAULT_LOG names a file
   that gets one line per call ("N function kind", kind file, read-only-file or folder) and, at exit,
   "calls N". HDF5's sec2 driver does its I/O through these calls, so they cover it too. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

static long fault_at = 0;
static int fault_errno = EIO;
static int persist = 0;
static int log_fd = -1;
static long calls = 0;

static void log_line(const char* text) {
  if (log_fd < 0) return;
  /* The raw system call: the shim's own writes are neither counted nor failed. */
  syscall(SYS_write, log_fd, text, strlen(text));
}

__attribute__((constructor)) static void start(void) {
  const char* at = getenv("PRIMSIM_FAULT_AT");
  const char* code = getenv("PRIMSIM_FAULT_ERRNO");
  const char* log = getenv("PRIMSIM_FAULT_LOG");
  const char* sticky = getenv("PRIMSIM_FAULT_PERSIST");
  fault_at = at != NULL ? strtol(at, NULL, 10) : 0;
  if (code != NULL && strcmp(code, "ENOSPC") == 0) fault_errno = ENOSPC;
  persist = sticky != NULL && strcmp(sticky, "1") == 0;
  if (log != NULL)
    log_fd =
        (int)syscall(SYS_openat, AT_FDCWD, log, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);
}

__attribute__((destructor)) static void stop(void) {
  char text[64];
  snprintf(text, sizeof text, "calls %ld\n", __atomic_load_n(&calls, __ATOMIC_SEQ_CST));
  log_line(text);
}

/* folder, file, or read-only-file: a descriptor opened only to read (and sync). */
static const char* kind_of(int fd) {
  struct stat status;
  if (fd < 0 || fstat(fd, &status) != 0) return "path";
  if (S_ISDIR(status.st_mode)) return "folder";
  return (fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDONLY ? "read-only-file" : "file";
}

/* Counts a call; true when it is to fail. */
static int counted(const char* function, int fd) {
  if (fd >= 0 && fd <= 2) return 0;
  const long n = __atomic_add_fetch(&calls, 1, __ATOMIC_SEQ_CST);
  const int fails = fault_at > 0 && (n == fault_at || (persist && n > fault_at));
  char text[128];
  snprintf(text, sizeof text, "%ld %s %s%s\n", n, function, kind_of(fd), fails ? " FAILED" : "");
  log_line(text);
  return fails;
}

#define REAL(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

ssize_t write(int fd, const void* data, size_t size) {
  if (counted("write", fd)) return errno = fault_errno, -1;
  return REAL(write)(fd, data, size);
}

ssize_t pwrite(int fd, const void* data, size_t size, off_t offset) {
  if (counted("pwrite", fd)) return errno = fault_errno, -1;
  return REAL(pwrite)(fd, data, size, offset);
}

ssize_t pwrite64(int fd, const void* data, size_t size, off64_t offset) {
  if (counted("pwrite", fd)) return errno = fault_errno, -1;
  return REAL(pwrite64)(fd, data, size, offset);
}

int fsync(int fd) {
  if (counted("fsync", fd)) return errno = fault_errno, -1;
  return REAL(fsync)(fd);
}

int fdatasync(int fd) {
  if (counted("fdatasync", fd)) return errno = fault_errno, -1;
  return REAL(fdatasync)(fd);
}

int ftruncate(int fd, off_t size) {
  if (counted("ftruncate", fd)) return errno = fault_errno, -1;
  return REAL(ftruncate)(fd, size);
}

int ftruncate64(int fd, off64_t size) {
  if (counted("ftruncate", fd)) return errno = fault_errno, -1;
  return REAL(ftruncate64)(fd, size);
}

int rename(const char* from, const char* to) {
  if (counted("rename", -1)) return errno = fault_errno, -1;
  return REAL(rename)(from, to);
}

int close(int fd) {
  if (counted("close", fd)) {
    /* A failed close still releases the descriptor on Linux. */
    REAL(close)(fd);
    return errno = fault_errno, -1;
  }
  return REAL(close)(fd);
}

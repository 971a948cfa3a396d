// Thin C wrappers over system calls that Swift cannot reach portably on its own: `epoll(7)`,
// `eventfd(2)` and `accept4(2)` on Linux (the Glibc module does not export <sys/epoll.h>), and
// starting a detached thread (pthread_t is an integer on glibc and a pointer on Darwin and musl).
// Every function returns plain integers and fields, so no C struct layout is computed in Swift.
#ifndef CSKILLGATE_SYSTEM_H
#define CSKILLGATE_SYSTEM_H

#include <stdint.h>
#include <spawn.h>

#if defined(__linux__)
#include <sys/socket.h>
#endif

#pragma clang assume_nonnull begin

/// Readiness bits reported in `CSkillGateReadyEvent.flags` (the shim's own values, not EPOLL*).
enum {
    CSKILLGATE_READY_READABLE = 1,
    CSKILLGATE_READY_WRITABLE = 2,
    CSKILLGATE_READY_ERROR = 4,
    CSKILLGATE_READY_HANG_UP = 8,
    CSKILLGATE_READY_READ_HANG_UP = 16,
};

/// posix_spawn_file_actions_addchdir_np where the C library has it (glibc 2.29+, Darwin).
/// Returns 0, the error number, or ENOSYS when this C library lacks it.
int cskillgate_spawn_add_chdir(posix_spawn_file_actions_t *actions, const char *path);

/// posix_spawn_file_actions_addclosefrom_np where the C library has it (glibc 2.34+): the child
/// gets no descriptor from `from` up. Returns 0, the error number, or ENOSYS.
int cskillgate_spawn_add_closefrom(posix_spawn_file_actions_t *actions, int from);

/// Remembers, for the calling thread only, the handler worker it runs (NULL: none).
void cskillgate_set_current_worker(void *_Nullable worker);

/// The handler worker the calling thread runs, as set by cskillgate_set_current_worker, or NULL.
void *_Nullable cskillgate_current_worker(void);

/// Remembers, for the calling thread only, the handler worker whose wake-ups it holds back (an
/// event loop handling one wake-up's events; NULL: none).
void cskillgate_set_held_worker(void *_Nullable worker);

/// The handler worker the calling thread holds back, as set by cskillgate_set_held_worker, or NULL.
void *_Nullable cskillgate_held_worker(void);

/// Starts a detached thread running `body(argument)`.
/// Returns 0, or the error number from pthread_create.
int cskillgate_thread_start_detached(void *_Nullable (*_Nonnull body)(void *_Nullable), void *_Nullable argument);

#if defined(__linux__)

/// One readiness report: the token given at registration and CSKILLGATE_READY_* bits.
typedef struct CSkillGateReadyEvent {
    uint64_t token;
    uint32_t flags;
} CSkillGateReadyEvent;

/// The most events one cskillgate_epoll_wait call reports.
enum { CSKILLGATE_EPOLL_MAX_EVENTS = 256 };

/// epoll_create1(EPOLL_CLOEXEC): the descriptor, or -1 with errno set.
int cskillgate_epoll_create(void);

/// Registers `fd` with `token`. With `edge_triggered` non-zero it is watched edge-triggered for
/// input, output and peer half-close; otherwise level-triggered for input only.
/// Returns 0, or the error number.
int cskillgate_epoll_add(int epoll_fd, int fd, uint64_t token, int edge_triggered);

/// Removes `fd` from the interest list. Returns 0, or the error number.
int cskillgate_epoll_remove(int epoll_fd, int fd);

/// Waits up to `timeout_ms` (-1: forever) and fills `events` with at most `capacity` reports
/// (capped at CSKILLGATE_EPOLL_MAX_EVENTS). Returns the count, or -1 with errno set.
int cskillgate_epoll_wait(int epoll_fd, CSkillGateReadyEvent *events, int capacity, int timeout_ms);

/// eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC): the descriptor, or -1 with errno set.
int cskillgate_eventfd(void);

/// accept4 with SOCK_NONBLOCK | SOCK_CLOEXEC: the descriptor, or -1 with errno set.
int cskillgate_accept_nonblocking(int fd, struct sockaddr *_Nullable address, socklen_t *_Nullable length);


/// The calling thread's kernel ID (gettid(2)), as /proc/self/task/<id> names it.
int cskillgate_thread_id(void);

#endif  // __linux__

#pragma clang assume_nonnull end

#endif  // CSKILLGATE_SYSTEM_H

#if defined(__linux__)
#define _GNU_SOURCE
#endif

#include "CSkillGateSystem.h"

#include <errno.h>

#include <pthread.h>

static __thread void *cskillgate_current_worker_value;
static __thread void *cskillgate_held_worker_value;

void cskillgate_set_current_worker(void *_Nullable worker) {
    cskillgate_current_worker_value = worker;
}

void *_Nullable cskillgate_current_worker(void) {
    return cskillgate_current_worker_value;
}

void cskillgate_set_held_worker(void *_Nullable worker) {
    cskillgate_held_worker_value = worker;
}

void *_Nullable cskillgate_held_worker(void) {
    return cskillgate_held_worker_value;
}

int cskillgate_thread_start_detached(void *_Nullable (*_Nonnull body)(void *_Nullable), void *_Nullable argument) {
    pthread_t thread;
    int status = pthread_create(&thread, NULL, body, argument);
    if (status != 0) {
        return status;
    }
    pthread_detach(thread);
    return 0;
}

#if defined(__linux__)

#include <errno.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <unistd.h>

int cskillgate_epoll_create(void) {
    return epoll_create1(EPOLL_CLOEXEC);
}

int cskillgate_epoll_add(int epoll_fd, int fd, uint64_t token, int edge_triggered) {
    struct epoll_event event;
    event.events = edge_triggered ? (EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET) : EPOLLIN;
    event.data.u64 = token;
    return epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &event) == 0 ? 0 : errno;
}

int cskillgate_epoll_remove(int epoll_fd, int fd) {
    struct epoll_event event = {0};
    return epoll_ctl(epoll_fd, EPOLL_CTL_DEL, fd, &event) == 0 ? 0 : errno;
}

int cskillgate_epoll_wait(int epoll_fd, CSkillGateReadyEvent *events, int capacity, int timeout_ms) {
    struct epoll_event raw[CSKILLGATE_EPOLL_MAX_EVENTS];
    if (capacity > CSKILLGATE_EPOLL_MAX_EVENTS) {
        capacity = CSKILLGATE_EPOLL_MAX_EVENTS;
    }
    if (capacity < 1) {
        errno = EINVAL;
        return -1;
    }
    int count = epoll_wait(epoll_fd, raw, capacity, timeout_ms);
    for (int index = 0; index < count; index++) {
        uint32_t bits = raw[index].events;
        uint32_t flags = 0;
        if (bits & EPOLLIN) flags |= CSKILLGATE_READY_READABLE;
        if (bits & EPOLLOUT) flags |= CSKILLGATE_READY_WRITABLE;
        if (bits & EPOLLERR) flags |= CSKILLGATE_READY_ERROR;
        if (bits & EPOLLHUP) flags |= CSKILLGATE_READY_HANG_UP;
        if (bits & EPOLLRDHUP) flags |= CSKILLGATE_READY_READ_HANG_UP;
        events[index].token = raw[index].data.u64;
        events[index].flags = flags;
    }
    return count;
}

int cskillgate_thread_id(void) {
    return (int)syscall(SYS_gettid);
}

int cskillgate_eventfd(void) {
    return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}

int cskillgate_accept_nonblocking(int fd, struct sockaddr *_Nullable address, socklen_t *_Nullable length) {
    return accept4(fd, address, length, SOCK_NONBLOCK | SOCK_CLOEXEC);
}

#endif  // __linux__

int cskillgate_spawn_add_chdir(posix_spawn_file_actions_t *actions, const char *path) {
#if defined(__APPLE__) || (defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 29)))
    return posix_spawn_file_actions_addchdir_np(actions, path);
#else
    (void)actions;
    (void)path;
    return ENOSYS;
#endif
}

int cskillgate_spawn_add_closefrom(posix_spawn_file_actions_t *actions, int from) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    return posix_spawn_file_actions_addclosefrom_np(actions, from);
#else
    (void)actions;
    (void)from;
    return ENOSYS;
#endif
}

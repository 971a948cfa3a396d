import CSkillGateSystem

/// A new detached thread, through the C shim (pthread_t is an integer on glibc and a pointer on
/// Darwin and musl, so the shim does the pthread calls).
package enum DetachedThread {
    /// Starts `body` on a new detached thread.
    /// - Returns: 0, or the error number from `pthread_create` (the body is then never run).
    package static func start(_ body: @escaping @Sendable () -> Void) -> Int32 {
        let box = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        let status = cskillgate_thread_start_detached(
            { argument in
                guard let argument else { return nil }
                Unmanaged<ThreadBody>.fromOpaque(argument).takeRetainedValue().run()
                return nil
            }, box)
        if status != 0 {
            Unmanaged<ThreadBody>.fromOpaque(box).release()
        }
        return status
    }
}

/// A thread's body, passed through `pthread_create`'s context pointer.
private final class ThreadBody: Sendable {
    let run: @Sendable () -> Void

    init(_ run: @escaping @Sendable () -> Void) {
        self.run = run
    }
}

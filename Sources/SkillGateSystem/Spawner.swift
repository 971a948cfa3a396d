import CSkillGateSystem
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `posix_spawn` call behind ``Subprocess``: file actions for the three standard streams,
/// signal defaults, the process group, and no other inherited descriptor.
enum Spawner {
    /// A started child and our ends of its pipes (-1 where a stream is not a pipe).
    struct Spawned {
        let pid: pid_t
        /// stdin's write end, stdout's and stderr's read ends.
        let parentEnds: [Int32]
    }

    /// Starts `executable`; see ``Subprocess/init(_:arguments:environment:workingDirectory:standardInput:standardOutput:standardError:ownProcessGroup:)``.
    static func spawn(
        _ executable: String, arguments: [String], environment: [String: String]?, workingDirectory: String?,
        redirections: [Subprocess.Redirection], ownProcessGroup: Bool
    ) throws(SubprocessError) -> Spawned {
        let commandLine = SubprocessError.commandLine(executable, arguments)
        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t? = nil
        #else
            var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var parentEnds: [Int32] = [-1, -1, -1]
        var childEnds: [Int32] = []
        for (index, redirection) in redirections.enumerated() {
            let target = Int32(index)
            switch redirection {
            case .inherit, .descriptor(target):
                // Linux keeps 0, 1 and 2 by default; Darwin closes all but these (CLOEXEC_DEFAULT).
                #if canImport(Darwin)
                    posix_spawn_file_actions_addinherit_np(&actions, target)
                #endif
                continue
            case .descriptor(let source):
                posix_spawn_file_actions_adddup2(&actions, source, target)
            case .nullDevice:
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", target == 0 ? O_RDONLY : O_WRONLY, 0)
            case .pipe:
                var ends: [Int32] = [-1, -1]
                guard pipe(&ends) == 0 else {
                    let message = SubprocessError.systemMessage(errno)
                    for descriptor in parentEnds + childEnds where descriptor >= 0 { close(descriptor) }
                    throw SubprocessError(.cannotStart, "cannot create a pipe for \(commandLine): \(message)")
                }
                // Close-on-exec: the child gets only the dup2'd copy as 0, 1 or 2.
                for descriptor in ends { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
                let childEnd = target == 0 ? ends[0] : ends[1]
                parentEnds[index] = target == 0 ? ends[1] : ends[0]
                childEnds.append(childEnd)
                posix_spawn_file_actions_adddup2(&actions, childEnd, target)
            }
        }
        func closeChildEnds() { for descriptor in childEnds { close(descriptor) } }
        if let workingDirectory {
            guard cskillgate_spawn_add_chdir(&actions, workingDirectory) != ENOSYS else {
                closeChildEnds()
                for descriptor in parentEnds where descriptor >= 0 { close(descriptor) }
                throw SubprocessError(.cannotStart, "cannot start \(commandLine) in \(workingDirectory): this C library cannot do that")
            }
        }
        #if !canImport(Darwin)
            // Descriptors other code opened without close-on-exec stay out of the child too
            // (on Darwin, POSIX_SPAWN_CLOEXEC_DEFAULT below does this).
            _ = cskillgate_spawn_add_closefrom(&actions, 3)
        #endif

        #if canImport(Darwin)
            var attributes: posix_spawnattr_t? = nil
        #else
            var attributes = posix_spawnattr_t()
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signalNumber in [SIGPIPE, SIGTERM, SIGINT, SIGHUP] { sigaddset(&defaults, signalNumber) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var flags = Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)
        if ownProcessGroup {
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
        }
        #if canImport(Darwin)
            flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
        #endif
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([executable] + arguments).map { strdup($0) }
        let envp = environment.map { variables in variables.map { strdup($0.key + "=" + $0.value) } }
        defer {
            for pointer in argv + (envp ?? []) { free(pointer) }
        }
        var pid: pid_t = 0
        let result: Int32
        if let envp {
            result = posix_spawn(&pid, executable, &actions, &attributes, argv + [nil], envp + [nil])
        } else {
            result = posix_spawn(&pid, executable, &actions, &attributes, argv + [nil], currentEnvironment())
        }
        closeChildEnds()
        guard result == 0 else {
            for descriptor in parentEnds where descriptor >= 0 { close(descriptor) }
            throw SubprocessError(.cannotStart, "cannot start \(commandLine): \(SubprocessError.systemMessage(result))")
        }
        for descriptor in parentEnds where descriptor >= 0 {
            // Non-blocking: every read and write waits in `poll`, with a deadline.
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            #if canImport(Darwin)
                _ = fcntl(descriptor, F_SETNOSIGPIPE, 1)
            #endif
        }
        return Spawned(pid: pid, parentEnds: parentEnds)
    }

    /// This process's environment block.
    private static func currentEnvironment() -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        #if canImport(Darwin)
            _NSGetEnviron()?.pointee
        #else
            environ
        #endif
    }
}

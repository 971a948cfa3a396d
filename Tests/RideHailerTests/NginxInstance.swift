import Foundation
import SkillGateSystem
import SkillGateTestSupport

/// nginx run in the foreground from a temporary folder, with a configuration of the test's own
/// `server`/`upstream` blocks inside the usual prelude (one worker, no daemon, temp paths and the
/// error log in the folder).
struct NginxInstance {
    /// The running nginx.
    let process: Subprocess

    /// Writes `folder/nginx.conf` and starts nginx with it.
    /// - Parameters:
    ///   - folder: a temporary folder the test owns.
    ///   - http: what goes inside the `http { }` block.
    static func start(in folder: URL, http: String) throws -> NginxInstance {
        guard let nginx = ChildProcess.which("nginx") else {
            throw ChildProcess.Failure(description: "nginx is not installed")
        }
        let conf = """
            worker_processes 1;
            daemon off;
            user root;
            pid \(folder.path)/nginx.pid;
            error_log \(folder.path)/error.log;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path \(folder.path)/body;
                proxy_temp_path \(folder.path)/proxy;
                fastcgi_temp_path \(folder.path)/fastcgi;
                uwsgi_temp_path \(folder.path)/uwsgi;
                scgi_temp_path \(folder.path)/scgi;
            \(http)
            }
            """
        let path = folder.appendingPathComponent("nginx.conf")
        try conf.write(to: path, atomically: true, encoding: .utf8)
        let process = try Subprocess(
            nginx, arguments: ["-p", folder.path, "-c", path.path], standardOutput: .nullDevice, standardError: .nullDevice)
        return NginxInstance(process: process)
    }

    /// nginx's error log so far (where it says why it answered 502).
    static func errorLog(in folder: URL) -> String {
        (try? String(contentsOf: folder.appendingPathComponent("error.log"), encoding: .utf8)) ?? ""
    }

    /// Stops nginx.
    func terminate() { process.terminate() }
}

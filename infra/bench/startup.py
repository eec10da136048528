#!/usr/bin/env python3
"""Start to first 200: starts `APP serve` on memory storage N times, each time measuring the
milliseconds from spawning the process to the first 200 answer of GET /accounts/login/, and the
CPU time the JVM used until then (user + system: unlike the wall time, it hardly depends on what
else the machine runs), then stops it (SIGTERM, by its PID). Prints JSON. Usage: startup.py APP PORT N PIDFILE
PIDFILE receives "PID STARTTIME" (the infra pid-file format) so a caller's cleanup can stop a
process left behind if this script is killed."""
import http.client
import json
import os
import signal
import subprocess
import sys
import tempfile
import time


def starttime(pid):
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()[19]


def once(app, port, pidfile):
    with tempfile.TemporaryDirectory(prefix="postbox-startup-") as data:
        env = {k: v for k, v in os.environ.items() if not k.startswith("POSTBOX_") or k == "POSTBOX_JAVA_OPTS"}
        env.update(POSTBOX_STORAGE="memory", POSTBOX_HTTP_HOST="127.0.0.1", POSTBOX_HTTP_PORT=str(port),
                   POSTBOX_DATA_DIR=data, POSTBOX_INSTANCE_NAME="startup")
        t0 = time.monotonic()
        proc = subprocess.Popen([app, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=sys.stderr,
                                stdin=subprocess.DEVNULL)
        try:
            with open(pidfile, "w") as f:
                f.write(f"{proc.pid} {starttime(proc.pid)}\n")
            deadline = t0 + 60
            while time.monotonic() < deadline:
                if proc.poll() is not None:
                    raise SystemExit(f"startup: the app exited with {proc.returncode}")
                try:
                    c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
                    c.request("GET", "/accounts/login/")
                    status = c.getresponse().status
                    c.close()
                    if status == 200:
                        wall = (time.monotonic() - t0) * 1000
                        with open(f"/proc/{proc.pid}/stat") as f:
                            fields = f.read().rsplit(")", 1)[1].split()
                        cpu = (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")
                        return wall, cpu
                except OSError:
                    pass
                time.sleep(0.01)
            raise SystemExit("startup: no 200 within 60 s")
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
            os.unlink(pidfile)


def main():
    app, port, n, pidfile = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    runs = [once(app, port, pidfile) for _ in range(n)]
    times = [w for w, _ in runs]
    cpus = [c for _, c in runs]
    print(json.dumps({"runs_ms": [round(t) for t in times], "median_ms": round(sorted(times)[len(times) // 2]),
                      "best_ms": round(min(times)), "cpu_ms": [round(c) for c in cpus],
                      "median_cpu_ms": round(sorted(cpus)[len(cpus) // 2]),
                      "load": open("/proc/loadavg").read().split()[:3]}))


if __name__ == "__main__":
    main()

"""Samples the app's JVM from outside: /proc (RSS, the resident part of the heap, threads,
descriptors, CPU, TCP connections), its /metrics (heap and non-heap in use, GC live data) and,
through the HotSpot attach socket, the heap's address range (GC.heap_info) and the heap in use
right after a forced full GC (GC.run, then GC.heap_info)."""
import os
import re
import socket
import subprocess
import time
import urllib.request

CLK_TCK = os.sysconf("SC_CLK_TCK")
HEAP_LINE = re.compile(r"^\s*(?!Metaspace|class space)([A-Za-z][A-Za-z -]*?)\s+(?:total \d+[KMG], )?used (\d+)([KMG])",
                       re.M)
HEAP_BOUNDS = re.compile(r"\[(0x[0-9a-f]+(?:, 0x[0-9a-f]+)+)\)")
UNIT = {"K": 1 / 1024, "M": 1, "G": 1024}


def proc_status(pid):
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            k, _, v = line.partition(":")
            if k in ("VmRSS", "Threads"):
                out[k] = int(v.split()[0])
    return out["VmRSS"] / 1024, out["Threads"]


def resident_in(pid, lo, hi):
    """MiB of the process's memory resident between addresses lo and hi (/proc/PID/smaps).

    The heap is committed long before the collector has touched every page of it, so RSS minus
    the committed heap keeps rising while eden walks into fresh regions: that is not native
    memory. The heap's own resident pages are what to subtract."""
    kib, inside = 0, False
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            head = line.split(" ", 1)[0]
            if "-" in head and ":" not in head:
                start, end = (int(x, 16) for x in head.split("-"))
                inside = start < hi and end > lo
            elif inside and line.startswith("Rss:"):
                kib += int(line.split()[1])
    return round(kib / 1024, 1)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime + stime (fields 14, 15)


def socket_inodes(pid):
    """Open descriptors and the inodes of the sockets among them."""
    fds, inodes = 0, set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        fds += 1
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue  # closed while we looked
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    return fds, inodes


def established(inodes):
    """(local port, remote port) of every ESTABLISHED TCP connection whose socket is in inodes."""
    conns = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                next(f)
                for line in f:
                    p = line.split()
                    if p[3] == "01" and p[9] in inodes:
                        conns.append((int(p[1].rsplit(":", 1)[1], 16), int(p[2].rsplit(":", 1)[1], 16)))
        except FileNotFoundError:
            pass
    return conns


def metrics(url):
    """A few values (MiB or counts) from the app's Prometheus text."""
    with urllib.request.urlopen(url, timeout=5) as r:
        text = r.read().decode()
    out = {"heap_used_mib": 0.0, "heap_committed_mib": 0.0, "nonheap_used_mib": 0.0, "code_cache_mib": 0.0,
           "metaspace_mib": 0.0}
    for line in text.splitlines():
        if line.startswith("#") or " " not in line:
            continue
        name, value = line.rsplit(" ", 1)
        mib = float(value) / 2**20
        if name.startswith("jvm_memory_used_bytes{"):
            if 'area="heap"' in name:
                out["heap_used_mib"] += mib
            else:
                out["nonheap_used_mib"] += mib
                if "CodeHeap" in name:
                    out["code_cache_mib"] += mib
                elif 'id="Metaspace"' in name:
                    out["metaspace_mib"] += mib
        elif name.startswith("jvm_memory_committed_bytes{") and 'area="heap"' in name:
            out["heap_committed_mib"] += mib
        elif name.startswith("jvm_gc_live_data_size_bytes"):
            out["gc_live_data_mib"] = mib
        elif name.startswith("jvm_classes_loaded_classes"):
            out["classes_loaded"] = int(float(value))
        elif name.startswith("hikaricp_connections{") or name == "hikaricp_connections":
            out["hikari_connections"] = out.get("hikari_connections", 0) + int(float(value))
    return {k: round(v, 2) if isinstance(v, float) else v for k, v in out.items()}


class Attach:
    """jcmd commands over the HotSpot attach socket (the protocol jcmd itself speaks), so a sample
    costs no JVM start; `jcmd PID VM.version` once brings the attach listener up."""

    def __init__(self, pid, log):
        self.pid, self.log = pid, log
        self.path = f"/proc/{pid}/root/tmp/.java_pid{pid}"

    def start(self):
        if not os.path.exists(self.path):
            subprocess.run(["jcmd", str(self.pid), "VM.version"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=60, check=False)
        return os.path.exists(self.path)

    def command(self, line):
        s = socket.socket(socket.AF_UNIX)
        s.settimeout(30)
        try:
            s.connect(self.path)
            s.sendall(b"1\0jcmd\0" + line.encode() + b"\0\0\0")
            chunks = []
            while True:
                b = s.recv(65536)
                if not b:
                    break
                chunks.append(b)
        finally:
            s.close()
        code, _, out = b"".join(chunks).decode("utf-8", "replace").partition("\n")
        if code.strip() != "0":
            raise RuntimeError(f"jcmd {line}: code {code.strip()}")
        return out

    def heap_range(self):
        """(start, end) of the reserved Java heap: the lowest and highest address GC.heap_info
        prints for its spaces (G1 prints [start, end), Serial and Parallel [start, top, end) for
        each generation)."""
        addresses = [int(a, 16) for group in HEAP_BOUNDS.findall(self.command("GC.heap_info")) for a in group.split(", ")]
        if not addresses:
            raise RuntimeError("GC.heap_info printed no address range")
        return min(addresses), max(addresses)

    def heap_after_gc(self):
        self.command("GC.run")
        info = self.command("GC.heap_info")
        spaces = HEAP_LINE.findall(info)
        if not spaces:
            raise RuntimeError("GC.heap_info printed no heap spaces")
        return round(sum(int(n) * UNIT[u] for _, n, u in spaces), 2)


class Probe:
    def __init__(self, pid, app_port, store_ports, heap_range=None):
        self.pid, self.app_port, self.heap_range = pid, app_port, heap_range
        self.store_ports = store_ports  # name -> port (remote ports of the app's outgoing connections)
        self.cpu0 = self.t_cpu0 = None

    def alive(self):
        try:
            os.kill(self.pid, 0)
        except OSError:
            return False
        return True

    def sample(self):
        rss, threads = proc_status(self.pid)
        fds, inodes = socket_inodes(self.pid)
        conns = established(inodes)
        now, cpu = time.monotonic(), cpu_seconds(self.pid)
        cpu_share = None
        if self.cpu0 is not None:
            cpu_share = round((cpu - self.cpu0) / max(now - self.t_cpu0, 1e-6), 3)
        self.cpu0, self.t_cpu0 = cpu, now
        row = {"rss_mib": round(rss, 1), "threads": threads, "fds": fds, "tcp": len(conns),
               "tcp_http": sum(1 for lp, _ in conns if lp == self.app_port), "cpu_cores": cpu_share}
        if self.heap_range:
            row["heap_resident_mib"] = resident_in(self.pid, *self.heap_range)
        for name, port in self.store_ports.items():
            row[f"tcp_{name}"] = sum(1 for _, rp in conns if rp == port)
        return row

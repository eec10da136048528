#!/usr/bin/env python3
"""Drives the soak's traffic against a running stack, samples the app while it runs, writes the
results and judges them (run, beside this file, starts and stops the stack around this).

Usage: soak.py --base URL --app-pid PID --app-port PORT --mysql-port P --cassandra-port P
               --duration S --out DIR [--clients N] [--think-ms MS] [--sample-s S] [--gc-every-s S]
       soak.py --judge DIR     judges a results dir again (after changing a bound, say)
Exit status 0 when every check holds, 1 otherwise.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import threading
import time

import judge
from probe import Attach, Probe, metrics
from traffic import HashGate, Recorder, VirtualUser

SAMPLE_FIELDS = ["t", "requests", "failures", "rss_mib", "heap_resident_mib", "heap_used_mib", "heap_committed_mib",
                 "nonheap_used_mib",
                 "code_cache_mib", "metaspace_mib", "classes_loaded", "gc_live_data_mib", "threads", "fds", "tcp",
                 "tcp_http", "tcp_mysql", "tcp_cassandra", "hikari_connections", "cpu_cores"]


def log(msg):
    print(f"{time.strftime('%H:%M:%S')} {msg}", file=sys.stderr, flush=True)


class Csv:
    def __init__(self, path, fields):
        self.f = open(path, "w", newline="")
        self.w = csv.DictWriter(self.f, fields, extrasaction="ignore")
        self.w.writeheader()

    def row(self, r):
        self.w.writerow(r)
        self.f.flush()  # an interrupted run keeps what it sampled


def number(v):
    if v in ("", None):
        return None
    return int(v) if v.lstrip("-").isdigit() else float(v)


def read_csv(path):
    with open(path) as f:
        return [{k: number(v) for k, v in r.items()} for r in csv.DictReader(f)]


class GcAttach(Attach):
    """Falls back to running jcmd when the attach socket is not usable."""

    def command(self, line):
        try:
            return super().command(line)
        except OSError:
            r = subprocess.run(["jcmd", str(self.pid), line], capture_output=True, text=True, timeout=60, check=True)
            return r.stdout.split("\n", 1)[1] if r.stdout.startswith(f"{self.pid}:") else r.stdout


def run(a):
    os.makedirs(a.out, exist_ok=True)
    recorder, stop, gate = Recorder(), threading.Event(), HashGate()
    seed = int(time.time()) % 100000
    users = [VirtualUser(i + 1, a.base, recorder, stop, gate, a.think_ms / 1000, seed)
             for i in range(a.clients)]
    for vu in users:
        if not vu.signup():
            log(f"sign-up of {vu.username} failed: {recorder.summary()['by_action']}")
            return 1
    attach = GcAttach(a.app_pid, log)
    if not attach.start():
        log("the attach socket did not appear; heap-after-GC samples use jcmd processes")
    try:
        heap_range = attach.heap_range()
    except (OSError, RuntimeError, subprocess.SubprocessError) as e:
        heap_range = None
        log(f"heap address range: {e}; RSS outside the heap is judged against the committed heap")
    probe = Probe(a.app_pid, a.app_port, {"mysql": a.mysql_port, "cassandra": a.cassandra_port}, heap_range)
    metrics_url = f"http://127.0.0.1:{a.app_port}/metrics"
    samples_csv = Csv(os.path.join(a.out, "samples.csv"), SAMPLE_FIELDS)
    gc_csv = Csv(os.path.join(a.out, "heap-after-gc.csv"), ["t", "heap_after_gc_mib", "gc_ms"])
    samples, gc_samples = [], []
    probe.sample()  # CPU baseline

    judged = a.duration * judge.JUDGED_FRACTION
    log(f"soak: {a.clients} virtual users; warm-up without think time for at least "
        f"{a.duration - judged:.0f} s and {judge.WARMUP_REQUESTS} requests, then {judged:.0f} s with "
        f"{a.think_ms} ms think time; samples every {a.sample_s} s, a full GC every {a.gc_every_s} s; "
        f"results in {a.out}")
    t0 = time.monotonic()
    for i, vu in enumerate(users):
        vu.burst_until = float("inf")
        vu.start_delay = i * 0.5  # not every first log-in at once
        vu.start()
    next_sample, next_gc, next_log = 0.0, a.gc_every_s, 30.0
    warm_end, end, warm_requests = None, None, 0
    died = False
    try:
        while True:
            t = time.monotonic() - t0
            if warm_end is None and judge.warmup_done(t, recorder.totals()[0], a.duration):
                warm_end, end, warm_requests = t, t + judged, recorder.totals()[0]
                for vu in users:
                    vu.burst_until = 0.0
                log(f"  warm-up over at t={t:.0f}s after {warm_requests} requests; {judged:.0f} s at moderate load")
            if end is not None and t >= end:
                break
            if t < next_sample:
                stop.wait(min(next_sample - t, 1.0))
                continue
            next_sample += a.sample_s
            if not probe.alive():
                died = True
                log("the app process is gone")
                break
            row = {"t": round(t, 1), **probe.sample()}
            try:
                row.update(metrics(metrics_url))
            except OSError as e:
                log(f"/metrics: {e}")
            row["requests"], row["failures"] = recorder.totals()
            samples.append(row)
            samples_csv.row(row)
            if t >= next_gc:
                next_gc += a.gc_every_s
                g0 = time.monotonic()
                heap = None
                try:
                    if gate.quiesce(10):
                        heap = attach.heap_after_gc()
                    else:
                        log("heap after GC: a password hash was still running after 10 s; sample skipped")
                except (OSError, RuntimeError, subprocess.SubprocessError) as e:
                    log(f"heap after GC: {e}")
                finally:
                    gate.reopen()
                g = {"t": round(time.monotonic() - t0, 1), "heap_after_gc_mib": heap,
                     "gc_ms": round((time.monotonic() - g0) * 1000)}
                gc_samples.append(g)
                gc_csv.row(g)
            if t >= next_log:
                next_log += 30
                last_heap = gc_samples[-1]["heap_after_gc_mib"] if gc_samples else None
                log(f"  t={t:4.0f}s requests {row['requests']} failures {row['failures']} rss {row['rss_mib']} MiB "
                    f"heap-after-GC {last_heap} MiB threads {row['threads']} tcp {row['tcp']} fds {row['fds']} "
                    f"cpu {row['cpu_cores']}")
    finally:
        stop.set()
        gate.reopen()
        for vu in users:
            vu.join(15)
    traffic = recorder.summary()
    traffic.update(nominal_duration_s=a.duration, clients=a.clients, think_ms=a.think_ms,
                   warmup_end_s=round(warm_end, 1) if warm_end is not None else None,
                   end_s=round(end, 1) if end is not None else None, warmup_requests=warm_requests)
    with open(os.path.join(a.out, "traffic.json"), "w") as f:
        json.dump(traffic, f, indent=1)
    if died or end is None:
        log("FAIL: the app died during the soak" if died else "FAIL: interrupted before the warm-up ended")
        return 1
    return verdict(a.out, samples, gc_samples, traffic)


def verdict(out, samples, gc_samples, traffic):
    warm_end, end = traffic["warmup_end_s"], traffic["end_s"]
    ok, checks, figures = judge.judge(samples, gc_samples, warm_end, end, traffic)
    with open(os.path.join(out, "verdict.json"), "w") as f:
        json.dump({"ok": ok, "checks": checks, "figures": figures, "bounds": {
            "judged_fraction": judge.JUDGED_FRACTION, "warmup_requests": judge.WARMUP_REQUESTS,
            "max_warmup_s": judge.MAX_WARMUP_S, "window_fraction": judge.WINDOW_FRACTION,
            "heap_slope_mib_per_min": judge.HEAP_SLOPE_MIB_PER_MIN,
            "rss_slope_mib_per_min": judge.RSS_SLOPE_MIB_PER_MIN,
            "native_slope_mib_per_min": judge.NATIVE_SLOPE_MIB_PER_MIN, "slack": judge.SLACK}}, f, indent=1)
    print(f"soak: {traffic['requests']} requests in {end:.0f} s, {traffic['warmup_requests']} of them in the "
          f"{warm_end:.0f} s warm-up; statuses {traffic['by_status_class']}")
    for line in traffic.get("first_failures", []):
        print(f"  failure: {line}")
    print(f"  warm-up {figures['warmup_s']} s, windows {figures['window_s']} s")
    print(f"  {'':18} {'start':>8} {'warm':>8} {'end':>8} {'min':>8} {'max':>8}   (warm: after the warm-up)")
    for key, d in figures.items():
        if isinstance(d, dict):
            print(f"  {key:18} {d['start']:>8} {d['warm']:>8} {d['end']:>8} {d['min']:>8} {d['max']:>8}"
                  + (f"  mean after the warm-up {d['mean_after_warmup']}" if "mean_after_warmup" in d else ""))
    for c in checks:
        print(f"  {'ok  ' if c['ok'] else 'FAIL'} {c['check']}: {c['detail']}")
    print("soak: PASS" if ok else "soak: FAIL")
    return 0 if ok else 1


def rejudge(out):
    with open(os.path.join(out, "traffic.json")) as f:
        traffic = json.load(f)
    return verdict(out, read_csv(os.path.join(out, "samples.csv")), read_csv(os.path.join(out, "heap-after-gc.csv")),
                   traffic)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--judge", metavar="DIR")
    p.add_argument("--base")
    p.add_argument("--app-pid", type=int)
    p.add_argument("--app-port", type=int)
    p.add_argument("--mysql-port", type=int)
    p.add_argument("--cassandra-port", type=int)
    p.add_argument("--duration", type=int)
    p.add_argument("--out")
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--think-ms", type=int, default=40)
    p.add_argument("--sample-s", type=float, default=5)
    p.add_argument("--gc-every-s", type=float, help="a forced full GC this often (5 s for runs up to 5 min, else 10)")
    a = p.parse_args()
    if a.judge:
        return rejudge(a.judge)
    if a.gc_every_s is None and a.duration:
        a.gc_every_s = 5 if a.duration <= 300 else 10
    missing = [n for n in ("base", "app_pid", "app_port", "mysql_port", "cassandra_port", "duration", "out")
               if getattr(a, n) is None]
    if missing:
        p.error("missing " + ", ".join("--" + n.replace("_", "-") for n in missing))
    return run(a)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Combines one bench run's figures (RESULTS_DIR/*.json) into OUT_DIR/<date>[-short].json and
.md, prints the Markdown, and exits 1 when any scenario or the store-only run had errors (speed
never fails a run). Usage: report.py RESULTS_DIR OUT_DIR"""
import json
import os
import sys

ORDER = ["static", "static-baseline", "login-page", "list", "api-list", "create", "login"]


def load(path):
    with open(path) as f:
        return json.load(f)


def budgets(sc, store, startup, rss_max):
    """(name, target, measured, met) for every budget of issue 8 whose inputs this run has."""
    out = []
    if "list" in sc:
        r = sc["list"]
        out.append(("list req/s", ">= 1,500", f"{r['rps']:,.0f}", r["rps"] >= 1500))
        out.append(("list p99", "<= 50 ms", f"{r['p99_ms']:.1f} ms", r["p99_ms"] <= 50))
        if store:
            ratio = r["rps"] / store["ops_per_s"]
            out.append(("list / store-only", ">= 0.5", f"{ratio:.2f}", ratio >= 0.5))
    if "create" in sc:
        r = sc["create"]
        out.append(("create req/s", ">= 3,000", f"{r['rps']:,.0f}", r["rps"] >= 3000))
        out.append(("create p99", "<= 50 ms", f"{r['p99_ms']:.1f} ms", r["p99_ms"] <= 50))
    if "login-page" in sc:
        r = sc["login-page"]
        out.append(("login-page req/s", ">= 12,000", f"{r['rps']:,.0f}", r["rps"] >= 12000))
    if "static" in sc and "static-baseline" in sc:
        ratio = sc["static"]["rps"] / sc["static-baseline"]["rps"]
        out.append(("static vs nginx alone", ">= 0.90", f"{ratio:.2f}", ratio >= 0.9))
    if rss_max is not None:
        out.append(("app RSS under load", "<= 400 MiB", f"{rss_max:.0f} MiB", rss_max <= 400))
    if startup:
        out.append(("start to first 200 (memory)", "<= 2,000 ms", f"{startup['median_ms']:,} ms",
                    startup["median_ms"] <= 2000))
    return out


def main():
    src, dst = sys.argv[1], sys.argv[2]
    meta = load(os.path.join(src, "meta.json"))
    sc = {}
    for name in ORDER:
        p = os.path.join(src, f"scenario-{name}.json")
        if os.path.exists(p):
            sc[name] = load(p)
    store = load(os.path.join(src, "store-only.json")) if os.path.exists(os.path.join(src, "store-only.json")) else None
    startup = load(os.path.join(src, "startup.json")) if os.path.exists(os.path.join(src, "startup.json")) else None
    end = load(os.path.join(src, "app-end.json")) if os.path.exists(os.path.join(src, "app-end.json")) else {}
    rss = [r["app_rss_mib"] for r in sc.values() if "app_rss_mib" in r]
    if end.get("app_rss_mib_end"):
        rss.append(end["app_rss_mib_end"])
    rss_max = max(rss) if rss else None
    checks = budgets(sc, store, startup, rss_max)
    errors = sum(r["errors"] for r in sc.values()) + (store["errors"] if store else 0)

    lines = [f"## Bench {meta['date']}" + (" (short run)" if meta["short"] else ""), "",
             f"Machine: {meta['nproc']} cores ({meta['cpu']}), {meta['memory_mib']:,} MiB, JDK {meta['jdk']}; "
             f"JVM options: {meta['java_opts']}; commit {meta['git']}.  ",
             f"wrk: {meta['threads']} threads, {meta['connections']} connections, {meta['warmup_s']} s warm-up + "
             f"{meta['duration_s']} s measured per scenario, through nginx ({meta['nginx_workers']} worker, "
             f"access log {meta['nginx_access_log']}). Load average at start: {' '.join(meta['load_at_start'])}.",
             ""]
    if meta.get("note"):
        lines += [f"Note: {meta['note']}", ""]
    lines += ["| scenario | req/s | p50 ms | p99 ms | errors | app CPU s / 1k req | app RSS MiB | load avg (1 min) before → after |",
              "|---|---:|---:|---:|---:|---:|---:|---|"]
    for name, r in sc.items():
        cpu = f"{r['app_cpu_s_per_1000']:.3f}" if "app_cpu_s_per_1000" in r else "—"
        rs = f"{r['app_rss_mib']:.0f}" if "app_rss_mib" in r else "—"
        err = str(r["errors"]) + (f" ({r['bad_statuses'].strip()})" if r["status_bad"] else "")
        label = name + (" (app stopped)" if name == "static-baseline" else "") + (" ¹" if name == "login" else "")
        lines.append(f"| {label} | {r['rps']:,.0f} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | {err} | {cpu} | {rs} | "
                     f"{r['load_before'][0]} → {r['load_after'][0]} |")
    if store:
        lines.append(f"| store-only (driver: session + 101 posts) | {store['ops_per_s']:,.0f} ops/s | "
                     f"{store['p50_ms']:.2f} | {store['p99_ms']:.2f} | {store['errors']} | — | — | — |")
    if any("cpu_s_per_1000" in r for r in sc.values()):
        parts = ["app", "nginx", "cassandra", "mariadb", "wrk"]
        lines += ["", "Where the CPU went: seconds of CPU per 1,000 requests for each process of the stack, and "
                      f"the requests/s {meta['nproc']} idle cores would allow at that cost (capacity).", "",
                  "| scenario | " + " | ".join(parts) + " | whole stack ms / req | capacity req/s |",
                  "|---|" + "---:|" * (len(parts) + 2)]
        for name, r in sc.items():
            c = r.get("cpu_s_per_1000")
            if c:
                cap = f"{r['capacity_rps']:,}" if r.get("capacity_rps") else "—"
                lines.append(f"| {name} | " + " | ".join(f"{c.get(p, 0):.3f}" for p in parts)
                             + f" | {r['stack_cpu_ms_per_request']:.3f} | {cap} |")
    if startup:
        lines += ["", f"Start to first 200 on memory storage: median {startup['median_ms']:,} ms "
                      f"(runs: {', '.join(map(str, startup['runs_ms']))} ms; JVM CPU time until then: "
                      f"{', '.join(map(str, startup.get('cpu_ms', [])))} ms; load average then "
                      f"{' '.join(startup['load'])})."]
    if "login" in sc:
        lines += ["", "¹ `login` is bound by Argon2id (m=19 MiB, t=2): it measures the hash, not the app; "
                      "it has no budget. It runs with its own (smaller) number of connections, see `BENCH_LOGIN_CONNECTIONS`."]
    if checks:
        lines += ["", "| budget | target | measured | |", "|---|---|---|---|"]
        lines += [f"| {n} | {t} | {m} | {'met' if ok else '**missed**'} |" for n, t, m, ok in checks]
    lines += ["", f"Errors (unexpected statuses + socket errors): {errors}" + (" — RUN INVALID" if errors else "")]
    md = "\n".join(lines) + "\n"

    stamp = meta["date"][:16].replace(":", "")
    base = os.path.join(dst, stamp + ("-short" if meta["short"] else ""))
    with open(base + ".json", "w") as f:
        json.dump({"meta": meta, "scenarios": sc, "store_only": store, "startup": startup,
                   "app_rss_mib_max": rss_max, "errors": errors,
                   "budgets": [{"name": n, "target": t, "measured": m, "met": ok} for n, t, m, ok in checks]},
                  f, indent=1)
    with open(base + ".md", "w") as f:
        f.write(md)
    print(md)
    print(f"written: {base}.json, {base}.md")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()

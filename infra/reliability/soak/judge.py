"""The soak's verdict, from the samples alone (so a kept results dir can be judged again).

Time t is seconds since the traffic started. A run of nominal duration D is a warm-up, then a
judged part of JUDGED_FRACTION x D at moderate load. The warm-up runs the same mix without think
time and lasts until (1 - JUDGED_FRACTION) x D has passed AND the app has answered
WARMUP_REQUESTS requests (warmup_done): pools fill, Jetty's thread pool grows, the heap sizes
itself, and the JIT compiles by work done, not by time (in a 10-minute run at load 20 the code
cache grew from 10 to 27 MiB over the first 15,000 requests, then stayed), so a busy machine
makes the run longer instead of the verdict weaker (on JDK 25 the resident memory still rose by
6 MiB between 10,000 and 16,500 requests, then stayed: hence 20,000). It never lasts longer than
MAX_WARMUP_S.
After it:
  - "flat" for heap-after-full-GC, RSS and RSS outside the heap (RSS minus the heap's resident
    pages, read from /proc/PID/smaps in the heap's address range: the committed heap is resident
    only as far as the collector has touched it, and with a fixed committed size of 148 MiB on
    JDK 25 RSS minus the committed heap still rose 2.5 MiB over 80 s while eden reached fresh
    regions, which failed a CI soak): the one-sided 95% lower confidence limit of the Theil-Sen
    slope (the median of the slopes between every pair of samples, so one odd sample does not
    tilt it) is at most the bound, in MiB per minute. The limit, not the median: in the 90 s the
    short form judges, one late 5 MiB step gives a median slope of about 4 MiB/min while the pairs
    on either side of it are flat, and a leak moves every pair;
  - "not growing" for threads, open descriptors and established TCP connections: the maximum of
    the last window is at most the maximum of the first post-warm-up window plus a small slack.
Windows are WINDOW_FRACTION of the judged part, at least MIN_WINDOW_S seconds.
"""
import math
import statistics

JUDGED_FRACTION = 0.75
WARMUP_REQUESTS = 20000
MAX_WARMUP_S = 300
WINDOW_FRACTION = 0.2
MIN_WINDOW_S = 15
HEAP_SLOPE_MIB_PER_MIN = 1.0
RSS_SLOPE_MIB_PER_MIN = 4.0
NATIVE_SLOPE_MIB_PER_MIN = 2.0
SLACK = {"threads": 4, "fds": 8, "tcp": 4}


def pairwise_slopes(points):
    """The slopes between every pair of (x, y) points with distinct x, sorted."""
    return sorted((y2 - y1) / (x2 - x1) for i, (x1, y1) in enumerate(points) for x2, y2 in points[i + 1:] if x2 != x1)


def theil_sen(points, slopes=None):
    """Median pairwise slope of (x, y) points; None for fewer than two distinct x."""
    slopes = pairwise_slopes(points) if slopes is None else slopes
    return statistics.median(slopes) if slopes else None


def sen_lower_bound(points, z=1.645, slopes=None):
    """One-sided 95% lower confidence limit of the Theil-Sen slope (Gilbert 1987, 16.5): the
    M1-th smallest pairwise slope, M1 = (N - z * sqrt(Var S)) / 2, Var S = n(n-1)(2n+5)/18.
    A leak makes every pairwise slope about its rate, so the limit sits near it; a one-time step
    (a late compilation, a new thread's stack) leaves the pairs on either side of it flat, and
    the limit near zero, even when the median slope is high in a short run."""
    slopes = pairwise_slopes(points) if slopes is None else slopes
    if not slopes:
        return None
    n = len(points)
    m1 = int((len(slopes) - z * math.sqrt(n * (n - 1) * (2 * n + 5) / 18)) / 2)
    return slopes[max(m1 - 1, 0)]


def outside_heap(sample):
    """RSS minus the heap's resident pages; runs sampled before those were measured subtract the
    committed heap, which also counts heap pages the collector has not touched yet."""
    if sample.get("heap_resident_mib") is not None:
        return sample["rss_mib"] - sample["heap_resident_mib"]
    if sample.get("heap_committed_mib") is not None:
        return sample["rss_mib"] - sample["heap_committed_mib"]
    return None


def requests_per_min(rows):
    if len(rows) < 2 or rows[0].get("requests") is None or rows[-1]["t"] <= rows[0]["t"]:
        return None
    return (rows[-1]["requests"] - rows[0]["requests"]) / (rows[-1]["t"] - rows[0]["t"]) * 60


def describe(rows, key, warm_end):
    values = [s[key] for s in rows]
    warm = next((s[key] for s in rows if s["t"] >= warm_end), None)
    return {"start": values[0], "warm": warm, "end": values[-1], "min": min(values), "max": max(values)}


def warmup_done(t, requests, duration):
    """Whether the warm-up of a run of nominal duration (seconds) is over at time t."""
    return t >= MAX_WARMUP_S or (t >= duration * (1 - JUDGED_FRACTION) and requests >= WARMUP_REQUESTS)


def judge(samples, gc_samples, warm_end, end, traffic, bounds=None):
    """Returns (ok, checks, figures). samples/gc_samples: dicts with "t" and their metrics;
    warm_end and end: when the warm-up and the run ended (seconds since the traffic started)."""
    b = {"heap_slope": HEAP_SLOPE_MIB_PER_MIN, "rss_slope": RSS_SLOPE_MIB_PER_MIN,
         "native_slope": NATIVE_SLOPE_MIB_PER_MIN, **(bounds or {})}
    window = max(MIN_WINDOW_S, (end - warm_end) * WINDOW_FRACTION)
    checks = []

    def check(name, ok, detail):
        checks.append({"check": name, "ok": bool(ok), "detail": detail})

    check("traffic: no 5xx, socket error or unexpected status", traffic["requests"] > 0 and traffic["failures"] == 0,
          f"{traffic['requests']} requests, {traffic['failures']} failures {traffic['by_status_class']}")

    post = [s for s in samples if s["t"] >= warm_end]
    post_gc = [s for s in gc_samples if s["t"] >= warm_end and s.get("heap_after_gc_mib") is not None]
    rate = requests_per_min(post)
    for name, rows, value, bound in (
            ("heap after full GC", post_gc, lambda s: s["heap_after_gc_mib"], b["heap_slope"]),
            ("RSS", post, lambda s: s["rss_mib"], b["rss_slope"]),
            ("RSS outside the heap", [s for s in post if outside_heap(s) is not None], outside_heap, b["native_slope"])):
        pts = [(s["t"] / 60, value(s)) for s in rows]
        if len(pts) < 5:
            check(f"{name} flat", False, f"only {len(pts)} samples after the warm-up; run longer")
            continue
        slopes = pairwise_slopes(pts)
        slope, lower = theil_sen(pts, slopes), sen_lower_bound(pts, slopes=slopes)
        per_k = f", {slope * 1024 / rate * 1000:+.1f} KiB per 1000 requests" if rate else ""
        check(f"{name} flat", lower <= bound,
              f"Theil-Sen slope {slope:+.3f} MiB/min, 95% lower limit {lower:+.3f}, over {len(pts)} samples{per_k}"
              f" (bound {bound} for the lower limit)")

    first = [s for s in post if s["t"] < warm_end + window]
    last = [s for s in post if s["t"] >= end - window]
    for key, slack in SLACK.items():
        if not first or not last:
            check(f"{key} not growing", False, "no samples in the first or last window; run longer")
            continue
        f_max, l_max = max(s[key] for s in first), max(s[key] for s in last)
        check(f"{key} not growing", l_max <= f_max + slack,
              f"max {l_max} in the last {window:.0f} s vs {f_max} after the warm-up (slack {slack})")

    figures = {}  # over the whole run; "warm" is the first sample after the warm-up
    for key in ("rss_mib", "heap_used_mib", "heap_committed_mib", "nonheap_used_mib", "code_cache_mib",
                "metaspace_mib", "classes_loaded", "threads", "fds", "tcp", "tcp_http", "tcp_mysql",
                "tcp_cassandra", "cpu_cores"):
        rows = [s for s in samples if s.get(key) is not None]
        if rows:
            figures[key] = describe(rows, key, warm_end)
            if key == "cpu_cores":
                figures[key]["mean_after_warmup"] = round(statistics.fmean(s[key] for s in rows if s["t"] >= warm_end), 3)
    heap = [s for s in gc_samples if s.get("heap_after_gc_mib") is not None]
    if heap:
        figures["heap_after_gc_mib"] = describe(heap, "heap_after_gc_mib", warm_end)
    figures["warmup_s"], figures["window_s"] = round(warm_end, 1), round(window, 1)
    figures["requests_per_s_after_warmup"] = round(rate / 60, 1) if rate else None
    return all(c["ok"] for c in checks), checks, figures

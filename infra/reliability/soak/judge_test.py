"""The soak's judge on made-up series: a leak fails it, noise and warm-up growth don't.
Run: python3 infra/reliability/soak/judge_test.py (the soak runs it first)."""
import random
import unittest

from judge import MAX_WARMUP_S, WARMUP_REQUESTS, judge, theil_sen, warmup_done

TRAFFIC_OK = {"requests": 1000, "failures": 0, "by_status_class": {}}


def series(duration, step, heap, rss, threads=40, tcp=14, seed=1, requests=lambda t: 60 * t):
    """Samples every step seconds; heap/rss are functions of t (seconds) plus a little noise; the
    committed heap wanders by +-8 MiB as the collector resizes it, and RSS with it."""
    rng = random.Random(seed)
    samples, gc = [], []
    for i in range(int(duration / step)):
        t = i * step
        committed = 150 + rng.uniform(-8, 8)
        samples.append({"t": t, "requests": requests(t), "rss_mib": rss(t) + committed - 150 + rng.uniform(-3, 3),
                        "heap_committed_mib": committed, "threads": threads, "fds": 140, "tcp": tcp})
        gc.append({"t": t, "heap_after_gc_mib": heap(t) + rng.uniform(-0.3, 0.3)})
    return samples, gc


def failed(checks):
    return [c["check"] for c in checks if not c["ok"]]


class JudgeTest(unittest.TestCase):
    def test_flat_after_a_warm_up_that_grew_passes(self):
        # pools and the JIT grow during the first minute of ten, then nothing moves
        s, g = series(600, 10, heap=lambda t: 26 + min(t, 60) / 6, rss=lambda t: 300 + min(t, 120) / 2)
        ok, checks, _ = judge(s, g, 150, 600, TRAFFIC_OK)
        self.assertTrue(ok, failed(checks))

    def test_a_heap_leak_of_two_mib_a_minute_fails(self):
        s, g = series(600, 10, heap=lambda t: 26 + t / 30, rss=lambda t: 350)
        ok, checks, _ = judge(s, g, 150, 600, TRAFFIC_OK)
        self.assertEqual(failed(checks), ["heap after full GC flat"])

    def test_a_native_leak_of_five_mib_a_minute_fails(self):
        s, g = series(600, 5, heap=lambda t: 26, rss=lambda t: 350 + t / 12)
        ok, checks, _ = judge(s, g, 150, 600, TRAFFIC_OK)
        self.assertEqual(failed(checks), ["RSS flat", "RSS outside the heap flat"])

    def test_a_native_leak_of_three_mib_a_minute_fails_outside_the_heap(self):
        s, g = series(600, 5, heap=lambda t: 26, rss=lambda t: 350 + t / 20)
        ok, checks, _ = judge(s, g, 150, 600, TRAFFIC_OK)
        self.assertEqual(failed(checks), ["RSS outside the heap flat"])

    def test_heap_pages_touched_for_the_first_time_are_not_native_growth(self):
        # the committed heap stays put while eden reaches regions it never used: RSS rises with the
        # heap's resident pages (as in a CI soak on JDK 25: +2.5 MiB in 80 s, then a failure)
        s, g = series(600, 5, heap=lambda t: 26, rss=lambda t: 330 + t / 20)
        for row in s:
            row["heap_resident_mib"] = 100 + row["t"] / 20 + row["heap_committed_mib"] - 150
        ok, checks, _ = judge(s, g, 150, 600, TRAFFIC_OK)
        self.assertEqual(failed(checks), [])
        # the same RSS with the heap's resident pages flat is native growth
        for row in s:
            row["heap_resident_mib"] = 100 + row["heap_committed_mib"] - 150
        ok, checks, _ = judge(s, g, 150, 600, TRAFFIC_OK)
        self.assertEqual(failed(checks), ["RSS outside the heap flat"])

    def test_the_short_ci_form_catches_a_steady_leak_but_not_a_one_time_step(self):
        # 90 s judged after a 50 s warm-up, samples every 5 s, RSS as quiet as in real runs
        def short(rss):
            rng = random.Random(7)
            s = [{"t": t, "requests": 110 * t, "rss_mib": rss(t) + rng.uniform(-0.3, 0.3), "heap_committed_mib": 148,
                  "heap_resident_mib": 103, "threads": 31, "fds": 145, "tcp": 14} for t in range(0, 145, 5)]
            return judge(s, [{"t": r["t"], "heap_after_gc_mib": 61} for r in s], 50, 140, TRAFFIC_OK)
        ok, checks, _ = short(lambda t: 330 + t / 20)  # 3 MiB a minute: about 0.5 KiB per request
        self.assertEqual(failed(checks), ["RSS outside the heap flat"])
        ok, checks, _ = short(lambda t: 330 + (5 if t >= 95 else 0))  # one step of 5 MiB half-way
        self.assertEqual(failed(checks), [])

    def test_the_warm_up_lasts_a_quarter_of_the_run_and_enough_requests_but_not_forever(self):
        self.assertFalse(warmup_done(29, WARMUP_REQUESTS, 120))
        self.assertFalse(warmup_done(100, WARMUP_REQUESTS - 1, 120))  # a busy machine: keep warming up
        self.assertTrue(warmup_done(30, WARMUP_REQUESTS, 120))
        self.assertTrue(warmup_done(MAX_WARMUP_S, 10, 120))
        self.assertFalse(warmup_done(149, 10**6, 600))

    def test_a_few_samples_with_a_password_hash_in_flight_do_not_tilt_the_heap(self):
        s, g = series(600, 10, heap=lambda t: 26, rss=lambda t: 350)
        for i in (30, 41, 52, 58):  # late samples 19 MiB high, as with an Argon2 block alive
            g[i]["heap_after_gc_mib"] += 19
        ok, checks, _ = judge(s, g, 150, 600, TRAFFIC_OK)
        self.assertTrue(ok, failed(checks))

    def test_growing_threads_and_connections_fail(self):
        s, g = series(600, 5, heap=lambda t: 26, rss=lambda t: 350)
        for row in s:
            row["threads"] = 40 + int(row["t"] / 60)
            row["tcp"] = 14 + int(row["t"] / 60)
        ok, checks, _ = judge(s, g, 150, 600, TRAFFIC_OK)
        self.assertEqual(failed(checks), ["threads not growing", "tcp not growing"])

    def test_any_failed_request_fails(self):
        s, g = series(600, 10, heap=lambda t: 26, rss=lambda t: 350)
        ok, checks, _ = judge(s, g, 150, 600, {"requests": 1000, "failures": 1, "by_status_class": {"5xx": 1}})
        self.assertEqual(failed(checks), ["traffic: no 5xx, socket error or unexpected status"])

    def test_too_few_samples_fail_instead_of_passing(self):
        s, g = series(600, 200, heap=lambda t: 26, rss=lambda t: 350)
        ok, _, _ = judge(s, g, 150, 600, TRAFFIC_OK)
        self.assertFalse(ok)

    def test_theil_sen_ignores_outliers(self):
        pts = [(x, 2.0 * x) for x in range(10)]
        pts[3] = (3, 100.0)
        self.assertAlmostEqual(theil_sen(pts), 2.0)


if __name__ == "__main__":
    unittest.main()

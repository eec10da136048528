package dev.postbox.adapter.http;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The CSRF token work of every form page and every unsafe request: masking the secret with fresh
 * random bytes (each page) and the constant-time check of a submitted token (each POST), for a
 * match and a mismatch. Run with {@code scripts/bench-jmh}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CsrfBenchmark {
    private static final String SECRET = "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c";
    private static final String OTHER = "Z1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c";
    private String token;

    @Setup
    public void mask() {
        token = Csrf.mask(SECRET);
        if (!Csrf.matches(token, SECRET) || Csrf.matches(token, OTHER)) {
            throw new IllegalStateException("the CSRF check does not behave as the benchmark expects");
        }
    }

    @Benchmark
    public String maskForAPage() {
        return Csrf.mask(SECRET);
    }

    @Benchmark
    public boolean checkMatching() {
        return Csrf.matches(token, SECRET);
    }

    @Benchmark
    public boolean checkWrongSecret() {
        return Csrf.matches(token, OTHER);
    }
}

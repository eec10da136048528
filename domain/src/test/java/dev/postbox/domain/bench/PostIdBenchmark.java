package dev.postbox.domain.bench;

import dev.postbox.domain.PostId;
import dev.postbox.domain.PostIdGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Making a post id (a version-1 time UUID whose timestamps strictly increase, one CAS per id),
 * alone and from two threads sharing the generator as the app's request threads do, plus its
 * text round trip (the form of ids in URLs). Run with {@code scripts/bench-jmh}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PostIdBenchmark {
    private final PostIdGenerator generator = PostIdGenerator.systemUtc();
    private final String text = generator.next().toString();

    @Benchmark
    public PostId next() {
        return generator.next();
    }

    @Benchmark
    @Threads(2)
    public PostId nextContended() {
        return generator.next();
    }

    @Benchmark
    public PostId parse() {
        return PostId.parse(text);
    }
}

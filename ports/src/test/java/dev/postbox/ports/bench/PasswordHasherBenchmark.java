package dev.postbox.ports.bench;

import dev.postbox.domain.PasswordHash;
import dev.postbox.ports.crypto.DjangoPasswordHasher;
import dev.postbox.ports.out.PasswordHasher.Verification;
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
 * What one login costs: Argon2id at the defaults (hash and verify) and a PBKDF2-SHA256 verify at
 * Django 5.2's 1,000,000 iterations. Run with {@code scripts/bench-jmh}; not part of the build's tests.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class PasswordHasherBenchmark {
    private static final String PASSWORD = "correct horse battery staple";

    private final DjangoPasswordHasher hasher = new DjangoPasswordHasher();
    private PasswordHash argon2id;
    private PasswordHash pbkdf2;

    @Setup
    public void makeHashes() {
        argon2id = hasher.hash(PASSWORD);
        pbkdf2 = hasher.hashPbkdf2(PASSWORD, 1_000_000);
        if (hasher.verify(PASSWORD, argon2id) != Verification.MATCH || !hasher.verify(PASSWORD, pbkdf2).matches()) {
            throw new IllegalStateException("the benchmark's hashes do not verify");
        }
    }

    @Benchmark
    public PasswordHash argon2idHash() {
        return hasher.hash(PASSWORD);
    }

    @Benchmark
    public Verification argon2idVerify() {
        return hasher.verify(PASSWORD, argon2id);
    }

    @Benchmark
    public Verification pbkdf2Sha256Verify1M() {
        return hasher.verify(PASSWORD, pbkdf2);
    }
}

package dev.postbox.ports.bench;

import dev.postbox.domain.SessionToken;
import dev.postbox.ports.in.LogInUseCase.LogIn;
import dev.postbox.ports.in.RegisterUserUseCase.RegisterUser;
import dev.postbox.ports.in.ResolveSessionUseCase.CurrentUser;
import dev.postbox.ports.service.Postbox;
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

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What every logged-in request pays in the core before touching a network: resolving a session
 * token on in-memory storage (SHA-256 of the token, session read, user read, expiry and touch
 * checks), for a live session and for an unknown token. Run with {@code scripts/bench-jmh}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SessionResolveBenchmark {
    private Postbox postbox;
    private SessionToken live;
    private SessionToken unknown;

    @Setup
    public void logIn() {
        postbox = Postbox.inMemory();
        postbox.register().register(new RegisterUser("bench", "bench@example.com", "bench-password-1"));
        live = postbox.logIn().logIn(new LogIn("bench", "bench-password-1")).token();
        unknown = SessionToken.random();
        if (postbox.resolveSession().resolve(live).isEmpty() || postbox.resolveSession().resolve(unknown).isPresent()) {
            throw new IllegalStateException("the benchmark's sessions are not what it expects");
        }
    }

    @Benchmark
    public Optional<CurrentUser> resolveLiveSession() {
        return postbox.resolveSession().resolve(live);
    }

    @Benchmark
    public Optional<CurrentUser> resolveUnknownToken() {
        return postbox.resolveSession().resolve(unknown);
    }

    /** The cookie's text back to a token, as the web adapter does first. */
    @Benchmark
    public SessionToken parseToken() {
        return SessionToken.parse(live.reveal());
    }
}

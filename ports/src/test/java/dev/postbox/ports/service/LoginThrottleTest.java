package dev.postbox.ports.service;

import dev.postbox.domain.NotAuthenticatedException;
import dev.postbox.domain.ThrottledException;
import dev.postbox.ports.in.LogInUseCase;
import dev.postbox.ports.in.LogInUseCase.LogIn;
import dev.postbox.ports.memory.RandomIds;
import dev.postbox.ports.out.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LoginThrottleTest {
    private static final String PASSWORD = TestCore.PASSWORD;
    private static final String WRONG = "not the password at all";
    private final TestCore core = new TestCore();
    private final LogInUseCase accounts = core.postbox.logIn();

    private void register(String name) {
        core.register(name);
    }

    private void failTimes(LogInUseCase service, String name, String address, int times) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> service.logIn(new LogIn(name, WRONG, address)))
                    .as("failure %d", i + 1).isInstanceOf(NotAuthenticatedException.class);
        }
    }

    private ThrottledException throttled(LogInUseCase service, String name, String password, String address) {
        return catchThrowableOfType(ThrottledException.class, () -> service.logIn(new LogIn(name, password, address)));
    }

    @Test
    void tenFailuresForOneUsernameRefuseEvenTheRightPasswordUntilTheWindowPasses() {
        register("alice");
        failTimes(accounts, "alice", "198.51.100.1", 10);

        ThrottledException refused = throttled(accounts, "ALICE", PASSWORD, "198.51.100.2");
        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo("login.throttled");
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(15));

        core.clock.advance(Duration.ofMinutes(10));
        assertThat(throttled(accounts, "alice", PASSWORD, "198.51.100.2").retryAfter()).isEqualTo(Duration.ofMinutes(5));

        core.clock.advance(Duration.ofMinutes(5));
        assertThat(accounts.logIn(new LogIn("alice", PASSWORD, "198.51.100.2")).user().username().value()).isEqualTo("alice");
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotTheUserExists() {
        register("bob");
        failTimes(accounts, "bob", "198.51.100.1", 10);
        failTimes(accounts, "nobody", "198.51.100.1", 10);

        ThrottledException known = throttled(accounts, "bob", WRONG, "198.51.100.3");
        ThrottledException unknown = throttled(accounts, "nobody", WRONG, "198.51.100.3");

        assertThat(known.getMessage()).isEqualTo(unknown.getMessage()).isEqualTo(LoginThrottle.MESSAGE);
        assertThat(known.code()).isEqualTo(unknown.code());
        assertThat(known.retryAfter()).isEqualTo(unknown.retryAfter());
    }

    @Test
    void aSuccessfulLoginResetsTheUsernamesCount() {
        register("carol");
        failTimes(accounts, "carol", "198.51.100.1", 9);
        accounts.logIn(new LogIn("carol", PASSWORD, "198.51.100.1"));
        failTimes(accounts, "carol", "198.51.100.1", 9);

        assertThat(accounts.logIn(new LogIn("carol", PASSWORD, "198.51.100.1")).user().username().value()).isEqualTo("carol");
    }

    @Test
    void fiftyFailuresFromOneAddressRefuseThatAddressOnly() {
        register("dave");
        for (int i = 0; i < 50; i++) {
            failTimes(accounts, "spray" + i, "203.0.113.7", 1);
        }

        assertThat(throttled(accounts, "dave", PASSWORD, "203.0.113.7")).isNotNull();
        assertThat(accounts.logIn(new LogIn("dave", PASSWORD, "203.0.113.8")).user().username().value()).isEqualTo("dave");
    }

    @Test
    void failuresCountAcrossInstancesSharingTheStore() {
        register("erin");
        LogInUseCase other = new Postbox(new Postbox.Storage(core.users, core.sessions, core.posts, UnitOfWork.NONE,
                core.loginAttempts), core.hasher, new RandomIds(core.clock), core.clock, TestCore.POLICY).logIn();
        for (int i = 0; i < 10; i++) {
            failTimes(i % 2 == 0 ? accounts : other, "erin", "198.51.100.1", 1);
        }

        assertThat(throttled(accounts, "erin", PASSWORD, "198.51.100.9")).isNotNull();
        assertThat(throttled(other, "erin", PASSWORD, "198.51.100.9")).isNotNull();
    }

    @Test
    void limitsAndWindowAreConfigurableAndCanBeOff() {
        register("fred");
        LogInUseCase strict = new Postbox(new Postbox.Storage(core.users, core.sessions, core.posts, UnitOfWork.NONE),
                core.hasher, new RandomIds(core.clock), core.clock, TestCore.POLICY,
                new LoginThrottle(2, 3, Duration.ofMinutes(1))).logIn();
        failTimes(strict, "fred", null, 2);
        assertThat(throttled(strict, "fred", PASSWORD, null).retryAfter()).isEqualTo(Duration.ofMinutes(1));

        LogInUseCase off = new Postbox(new Postbox.Storage(core.users, core.sessions, core.posts, UnitOfWork.NONE),
                core.hasher, new RandomIds(core.clock), core.clock, TestCore.POLICY, LoginThrottle.OFF).logIn();
        failTimes(off, "fred", "198.51.100.1", 60);
        assertThat(off.logIn(new LogIn("fred", PASSWORD, "198.51.100.1")).user().username().value()).isEqualTo("fred");

        assertThatThrownBy(() -> new LoginThrottle(-1, 1, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginThrottle(1, 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hugeAndOddUsernamesAreCountedWithoutBreakingTheStore() {
        String huge = "😀".repeat(500);
        failTimes(accounts, huge, "198.51.100.1", 10);
        assertThat(throttled(accounts, huge, WRONG, "198.51.100.1")).isNotNull();
        assertThat(LoginThrottle.usernameKey(huge)).hasSizeLessThanOrEqualTo(200);
        assertThat(Character.isHighSurrogate(LoginThrottle.usernameKey(huge).charAt(LoginThrottle.usernameKey(huge).length() - 1))).isFalse();
        failTimes(accounts, null, "198.51.100.5", 1);
    }
}

package dev.postbox.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionPolicyTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private final SessionPolicy policy = SessionPolicy.DEFAULT;
    private final SessionTokenHash hash = SessionToken.random().hash();

    @Test
    void defaultIsTwoWeeksTouchedAtMostEveryFiveMinutes() {
        assertThat(policy.maxIdle()).isEqualTo(Duration.ofDays(14));
        assertThat(policy.touchInterval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void startGivesAFullLifetime() {
        Session session = policy.start(hash, new UserId(1), T0, "csrf");

        assertThat(session).isEqualTo(new Session(hash, new UserId(1), T0, T0, T0.plus(Duration.ofDays(14)), "csrf"));
    }

    @Test
    void touchIsThrottledToTheInterval() {
        Session session = policy.start(hash, new UserId(1), T0, "csrf");

        assertThat(policy.needsTouch(session, T0)).isFalse();
        assertThat(policy.needsTouch(session, T0.plus(Duration.ofMinutes(5)).minusMillis(1))).isFalse();
        assertThat(policy.needsTouch(session, T0.plus(Duration.ofMinutes(5)))).isTrue();
        assertThat(policy.needsTouch(session, T0.plus(Duration.ofDays(1)))).isTrue();
    }

    @Test
    void touchSlidesTheExpiry() {
        Session session = policy.start(hash, new UserId(1), T0, "csrf");
        Instant later = T0.plus(Duration.ofDays(10));

        Session touched = policy.touch(session, later);

        assertThat(touched.lastSeen()).isEqualTo(later);
        assertThat(touched.expires()).isEqualTo(later.plus(Duration.ofDays(14)));
        assertThat(touched.created()).isEqualTo(T0);
        assertThat(touched.isExpiredAt(T0.plus(Duration.ofDays(20)))).isFalse();
        assertThat(session.isExpiredAt(T0.plus(Duration.ofDays(20)))).isTrue();
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new SessionPolicy(Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the session age must be positive");
        assertThatThrownBy(() -> new SessionPolicy(Duration.ofDays(-1), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionPolicy(Duration.ofMinutes(5), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the touch interval must be shorter than the session age");
        assertThatThrownBy(() -> new SessionPolicy(Duration.ofMinutes(5), Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionPolicy(null, Duration.ZERO)).isInstanceOf(NullPointerException.class);
        assertThat(new SessionPolicy(Duration.ofMinutes(5), Duration.ZERO).needsTouch(
                new SessionPolicy(Duration.ofMinutes(5), Duration.ZERO).start(hash, new UserId(1), T0, "c"), T0)).isTrue();
    }
}

package dev.postbox.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private final SessionToken token = SessionToken.random();
    private final UserId user = new UserId(7);

    @Test
    void expiresAtItsExpiryInstant() {
        Session session = new Session(token.hash(), user, T0, T0, T0.plusSeconds(60), "csrf");

        assertThat(session.isExpiredAt(T0.plusSeconds(59))).isFalse();
        assertThat(session.isExpiredAt(T0.plusSeconds(60))).isTrue();
        assertThat(session.isExpiredAt(T0.plusSeconds(61))).isTrue();
    }

    @Test
    void touchedKeepsIdentityAndMovesLastSeenAndExpiry() {
        Session session = new Session(token.hash(), user, T0, T0, T0.plusSeconds(60), "csrf");

        Session touched = session.touched(T0.plusSeconds(30), T0.plusSeconds(90));

        assertThat(touched).isEqualTo(new Session(token.hash(), user, T0, T0.plusSeconds(30), T0.plusSeconds(90), "csrf"));
    }

    @Test
    void refusesMissingPartsAndExpiryBeforeCreation() {
        assertThatThrownBy(() -> new Session(null, user, T0, T0, T0, "c")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Session(token.hash(), null, T0, T0, T0, "c")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Session(token.hash(), user, null, T0, T0, "c")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Session(token.hash(), user, T0, null, T0, "c")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Session(token.hash(), user, T0, T0, null, "c")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Session(token.hash(), user, T0, T0, T0, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Session(token.hash(), user, T0, T0, T0.minusMillis(1), "c"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a session cannot expire before it was created");
    }

    @Test
    void toStringHidesTheCsrfSecretAndMostOfTheHash() {
        Session session = new Session(token.hash(), user, T0, T0, T0.plus(Duration.ofDays(1)), "very-secret-csrf");

        assertThat(session.toString()).doesNotContain("very-secret-csrf").doesNotContain(token.hash().hex())
                .doesNotContain(token.reveal()).contains(token.hash().hex().substring(0, 8));
    }
}

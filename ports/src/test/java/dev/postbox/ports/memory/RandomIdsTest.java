package dev.postbox.ports.memory;

import dev.postbox.domain.PostId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RandomIdsTest {
    @Test
    void csrfSecretsAre256RandomBitsOfBase64Url() {
        RandomIds ids = new RandomIds();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String secret = ids.newCsrfSecret();
            assertThat(secret).matches("[A-Za-z0-9_-]{43}");
            seen.add(secret);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void sessionTokensDiffer() {
        RandomIds ids = new RandomIds();

        assertThat(ids.newSessionToken()).isNotEqualTo(ids.newSessionToken());
    }

    @Test
    void postIdsFollowTheClockAndStrictlyIncrease() {
        Instant now = Instant.parse("2025-06-01T12:00:00.123Z");
        RandomIds ids = new RandomIds(Clock.fixed(now, ZoneOffset.UTC));

        PostId first = ids.newPostId();
        PostId second = ids.newPostId();

        assertThat(first.createdAt()).isEqualTo(now);
        assertThat(second).isGreaterThan(first);
    }
}

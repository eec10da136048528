package dev.postbox.adapter.http;

import dev.postbox.domain.NotFoundException;
import dev.postbox.domain.StoreUnavailableException;
import dev.postbox.domain.ThrottledException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {
    @Test
    void anOutageSaysFiveSecondsAndAThrottleItsOwnWholeSecondsAtLeastOne() {
        assertThat(RetryAfter.seconds(new StoreUnavailableException("posts", new java.io.IOException("down")))).hasValue(5);
        assertThat(RetryAfter.seconds(new ThrottledException("login.throttled", "wait", Duration.ofMillis(90_400)))).hasValue(90);
        assertThat(RetryAfter.seconds(new ThrottledException("login.throttled", "wait", Duration.ofMillis(200)))).hasValue(1);
    }

    @Test
    void otherErrorsSayNothing() {
        assertThat(RetryAfter.seconds(new ThrottledException("login.throttled", "wait", null))).isEmpty();
        assertThat(RetryAfter.seconds(NotFoundException.noSuchPost())).isEmpty();
    }
}

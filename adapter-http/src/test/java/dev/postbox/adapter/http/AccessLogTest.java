package dev.postbox.adapter.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessLogTest {
    @Test
    void millisecondsHaveOneDecimalRoundedHalfUp() {
        assertThat(AccessLog.millis(0)).isEqualTo("0.0");
        assertThat(AccessLog.millis(49_999)).isEqualTo("0.0");
        assertThat(AccessLog.millis(50_000)).isEqualTo("0.1");
        assertThat(AccessLog.millis(1_234_567)).isEqualTo("1.2");
        assertThat(AccessLog.millis(1_250_000)).isEqualTo("1.3");
        assertThat(AccessLog.millis(12_345_000_000L)).isEqualTo("12345.0");
        assertThat(AccessLog.millis(-5)).isEqualTo("0.0");
    }
}

package dev.postbox.adapter.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of the web settings, as the launcher applies them to POSTBOX_* values and the constructors to values in code. */
class WebConfigTest {
    @Test
    void addressBlocksAreLiteralsOnly() {
        assertThat(WebConfig.parseAddressBlocks(" 10.0.0.0/8, fd00::/8 ,127.0.0.1")).containsExactly("10.0.0.0/8", "fd00::/8", "127.0.0.1");
        assertThat(WebConfig.parseAddressBlocks(" , ")).isEmpty();
        assertThatThrownBy(() -> WebConfig.parseAddressBlocks("10.0.0.0/8,proxy.example"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("'proxy.example' is not an IP address or CIDR block");
        assertThatThrownBy(() -> WebConfig.parseAddressBlocks("999.1.1.1")).hasMessage("'999.1.1.1' is not an IP address or CIDR block");
        assertThatThrownBy(() -> WebConfig.parseAddressBlocks("10.0.0.0/33")).hasMessage("'10.0.0.0/33' has a prefix outside 0..32");
        assertThatThrownBy(() -> WebConfig.defaults("a").withTrustedProxies(List.of("nope")))
                .hasMessage("'nope' is not an IP address or CIDR block");
    }

    @Test
    void instanceNameIsOnePrintableWord() {
        assertThat(WebConfig.requireInstanceName("app-1.example")).isEqualTo("app-1.example");
        for (String bad : List.of("", "two words", "line\nbreak", "é", "x".repeat(256))) {
            assertThatThrownBy(() -> WebConfig.requireInstanceName(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageEndingWith("must be 1 to 255 printable ASCII characters without spaces");
        }
        assertThatThrownBy(() -> WebConfig.defaults("two words")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void staticFolderMustExist(@TempDir Path dir) {
        assertThat(WebConfig.requireStaticDir(dir)).isEqualTo(dir);
        assertThatThrownBy(() -> WebConfig.requireStaticDir(dir.resolve("missing")))
                .hasMessage("static folder \"" + dir.resolve("missing") + "\" does not exist or is not a folder");
        assertThatThrownBy(() -> WebConfig.defaults("a").withServeStatic(true, Optional.of(dir.resolve("missing"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secureCookiesModes() {
        assertThat(WebConfig.SecureCookies.parse(" Always ")).isEqualTo(WebConfig.SecureCookies.ALWAYS);
        assertThatThrownBy(() -> WebConfig.SecureCookies.parse("maybe"))
                .hasMessage("secure cookies must be one of auto, always, never (got 'maybe')");
    }

    @Test
    void requestLimitBounds() {
        assertThat(RequestLimits.requireConcurrentRequests(10_000)).isEqualTo(10_000);
        assertThat(RequestLimits.requireQueuedRequests(0)).isZero();
        assertThatThrownBy(() -> RequestLimits.requireConcurrentRequests(0)).hasMessage("concurrent requests 0 is not between 1 and 10000");
        assertThatThrownBy(() -> RequestLimits.requireQueuedRequests(100_001))
                .hasMessage("queued requests 100001 is not between 0 and 100000");
        assertThatThrownBy(() -> RequestLimits.DEFAULT.withMaxConcurrentRequests(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestLimits.DEFAULT.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessage("timeouts must be positive");
    }
}

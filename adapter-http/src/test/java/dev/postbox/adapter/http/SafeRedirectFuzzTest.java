package dev.postbox.adapter.http;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.net.URI;
import java.net.URISyntaxException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any {@code next} that {@link SafeRedirect} accepts stays on this site, however a browser or a
 * proxy in front reads it. Replays {@code SafeRedirectFuzzTestInputs/} without JAZZER_FUZZ.
 */
class SafeRedirectFuzzTest {
    private static final URI SITE = URI.create("https://postbox.example/accounts/login/");

    @FuzzTest(maxDuration = "30s")
    void acceptedTargetsAreSameOriginPaths(String next) {
        String target = SafeRedirect.target(next);
        if (!SafeRedirect.isSafe(next)) {
            assertThat(target).isEqualTo(SafeRedirect.FALLBACK);
            return;
        }
        assertThat(target).isEqualTo(next);
        // what a browser does first: drop tab and newlines, read backslash as slash
        String asBrowser = next.replaceAll("[\\t\\n\\r]", "").replace('\\', '/');
        assertThat(asBrowser).startsWith("/").doesNotStartWith("//");
        // no header splitting, nothing a browser strips or rewrites
        assertThat(next.chars()).noneMatch(c -> c < 0x21 || c == 0x7f || Character.isWhitespace(c) || Character.isISOControl(c));
        // a proxy that percent-decodes once must not see another origin either
        String decodedOnce = decodeLeniently(next).replace('\\', '/');
        assertThat(decodedOnce).doesNotStartWith("//");
        try {
            URI resolved = SITE.resolve(new URI(next));
            assertThat(resolved.getScheme()).isEqualTo("https");
            assertThat(resolved.getRawAuthority()).isEqualTo("postbox.example");
        } catch (URISyntaxException | IllegalArgumentException notAUriJavaAccepts) {
            // java.net.URI is stricter than browsers; the checks above still hold
        }
    }

    private static String decodeLeniently(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

package dev.postbox.adapter.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the web app needs to know about its deployment. The launcher builds it from the
 * {@code POSTBOX_*} environment; tests build it directly. Each setting's rule is one public method
 * here ({@link #requireInstanceName}, {@link #parseAddressBlocks}, {@link #requireStaticDir},
 * {@link SecureCookies#parse}; the limits' in {@link RequestLimits}), used by the constructor and
 * by the launcher, so a value is refused in the same words before anything starts.
 *
 * @param instanceName   shown in the access log and the {@code X-Postbox-Instance} header
 * @param secureCookies  when cookies get the Secure attribute
 * @param trustedProxies CIDRs whose {@code X-Forwarded-Proto}/{@code X-Forwarded-For} are believed
 * @param serveStatic    whether the app serves {@code /static/} itself (nginx does in deployment)
 * @param staticDir      where to serve {@code /static/} from; empty means the copy inside the jar
 * @param maxBodyBytes   larger request bodies are refused with 413 before any parsing
 * @param limits         header size, timeouts and concurrency of each instance
 * @param metricsClients CIDRs of the clients (after trusted proxies) that may read {@code /metrics};
 *                       others get the 404 page, so the figures do not reach the internet
 */
public record WebConfig(String instanceName, SecureCookies secureCookies, List<String> trustedProxies,
                        boolean serveStatic, Optional<Path> staticDir, int maxBodyBytes, RequestLimits limits,
                        List<String> metricsClients) {

    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    public static final List<String> LOOPBACK = List.of("127.0.0.1/32", "::1/128");

    /** Whether session and CSRF cookies carry the Secure attribute. */
    public enum SecureCookies {
        /** Secure when the request came over https directly or via a trusted proxy. */
        AUTO,
        ALWAYS,
        NEVER;

        /** Parses {@code auto}, {@code always} or {@code never} (any letter case). */
        public static SecureCookies parse(String text) {
            if (text != null) {
                for (SecureCookies mode : values()) {
                    if (mode.name().equalsIgnoreCase(text.strip())) {
                        return mode;
                    }
                }
            }
            throw new IllegalArgumentException("secure cookies must be one of auto, always, never (got '" + text + "')");
        }
    }

    /** With the {@link RequestLimits#DEFAULT default request limits}; metrics for loopback clients only. */
    public WebConfig(String instanceName, SecureCookies secureCookies, List<String> trustedProxies,
                     boolean serveStatic, Optional<Path> staticDir, int maxBodyBytes) {
        this(instanceName, secureCookies, trustedProxies, serveStatic, staticDir, maxBodyBytes, RequestLimits.DEFAULT, LOOPBACK);
    }

    public WebConfig {
        requireInstanceName(instanceName);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(secureCookies, "secureCookies");
        trustedProxies = List.copyOf(trustedProxies);
        metricsClients = List.copyOf(metricsClients);
        staticDir = staticDir == null ? Optional.empty() : staticDir;
        staticDir.ifPresent(WebConfig::requireStaticDir);
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("the body limit must be at least 1024 bytes");
        }
        // fails with an exact message when a CIDR is malformed
        AddressBlocks.parse(trustedProxies);
        AddressBlocks.parse(metricsClients);
    }

    /** Local defaults: loopback proxies trusted, static files served from the jar, 64 KiB bodies. */
    public static WebConfig defaults(String instanceName) {
        return new WebConfig(instanceName, SecureCookies.AUTO, LOOPBACK, true, Optional.empty(), DEFAULT_MAX_BODY_BYTES);
    }

    public WebConfig withServeStatic(boolean serve, Optional<Path> dir) {
        return new WebConfig(instanceName, secureCookies, trustedProxies, serve, dir, maxBodyBytes, limits, metricsClients);
    }

    public WebConfig withSecureCookies(SecureCookies mode) {
        return new WebConfig(instanceName, mode, trustedProxies, serveStatic, staticDir, maxBodyBytes, limits, metricsClients);
    }

    public WebConfig withTrustedProxies(List<String> cidrs) {
        return new WebConfig(instanceName, secureCookies, cidrs, serveStatic, staticDir, maxBodyBytes, limits, metricsClients);
    }

    public WebConfig withLimits(RequestLimits newLimits) {
        return new WebConfig(instanceName, secureCookies, trustedProxies, serveStatic, staticDir, maxBodyBytes, newLimits, metricsClients);
    }

    public WebConfig withMetricsClients(List<String> cidrs) {
        return new WebConfig(instanceName, secureCookies, trustedProxies, serveStatic, staticDir, maxBodyBytes, limits, cidrs);
    }

    /**
     * A comma list of IP addresses or CIDR blocks such as {@code 127.0.0.1/32,::1/128} (the
     * POSTBOX_TRUSTED_PROXIES and POSTBOX_METRICS_CLIENTS format); literals only, never a DNS look-up.
     */
    public static List<String> parseAddressBlocks(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> blocks = Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        AddressBlocks.parse(blocks);
        return blocks;
    }

    /** Shown in the access log and a response header, so one printable word of at most 255 characters. */
    public static String requireInstanceName(String name) {
        Objects.requireNonNull(name, "instanceName");
        if (name.isEmpty() || name.length() > 255 || !name.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new IllegalArgumentException("instance name \"" + name
                    + "\" must be 1 to 255 printable ASCII characters without spaces");
        }
        return name;
    }

    /** Jetty serves {@code /static/} from this folder, and refuses to start when it is not one. */
    public static Path requireStaticDir(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("static folder \"" + dir + "\" does not exist or is not a folder");
        }
        return dir;
    }
}

package dev.postbox.adapter.http;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the web app needs to know about its deployment. The launcher builds it from the
 * {@code POSTBOX_*} environment; tests build it directly.
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
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(secureCookies, "secureCookies");
        trustedProxies = List.copyOf(trustedProxies);
        metricsClients = List.copyOf(metricsClients);
        staticDir = staticDir == null ? Optional.empty() : staticDir;
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

    /** Splits a comma list such as {@code 127.0.0.1/32,::1/128} (the POSTBOX_TRUSTED_PROXIES format). */
    public static List<String> cidrList(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }
}

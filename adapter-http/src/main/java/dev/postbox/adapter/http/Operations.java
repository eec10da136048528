package dev.postbox.adapter.http;

import dev.postbox.ports.out.HealthCheck;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Liveness, readiness (every driven port) and Prometheus metrics (for the allowed clients only). */
final class Operations {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final List<HealthCheck> checks;
    private final Optional<PrometheusMeterRegistry> prometheus;
    private final AddressBlocks metricsClients;

    Operations(List<HealthCheck> checks, Optional<PrometheusMeterRegistry> prometheus, AddressBlocks metricsClients) {
        this.checks = List.copyOf(checks);
        this.prometheus = prometheus;
        this.metricsClients = metricsClients;
    }

    void register(RoutesConfig routes) {
        routes.get("/health/live", ctx -> ctx.json(Map.of("status", "up")));
        routes.get("/health/ready", this::ready);
        // HAProxy may check with HEAD: Javalin would answer a HEAD 200 from the GET route without running it
        routes.head("/health/live", ctx -> ctx.status(200));
        routes.head("/health/ready", this::ready);
        routes.get("/metrics", this::metrics);
    }

    private void ready(Context ctx) {
        List<Map<String, Object>> results = new ArrayList<>();
        List<String> down = new ArrayList<>();
        for (HealthCheck check : checks) {
            HealthCheck.Status status;
            try {
                status = check.check();
            } catch (RuntimeException e) {
                // the contract says checks never throw; one that does is simply down
                status = new HealthCheck.Status(check.name(), false, "check failed");
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", status.name());
            one.put("up", status.up());
            one.put("detail", status.detail());
            one.put("critical", check.critical());
            results.add(one);
            if (!status.up() && check.critical()) {
                down.add(status.name());
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", down.isEmpty() ? "up" : "down");
        body.put("down", down);
        body.put("checks", results);
        ctx.status(down.isEmpty() ? 200 : 503).json(body);
    }

    private void metrics(Context ctx) {
        // the client as the trusted proxies report it: through HAProxy and nginx, the visitor, not nginx
        if (prometheus.isEmpty() || !metricsClients.contains(Exchange.of(ctx).clientAddress)) {
            throw new io.javalin.http.NotFoundResponse();
        }
        ctx.contentType(PROMETHEUS_TEXT).result(prometheus.get().scrape());
    }
}

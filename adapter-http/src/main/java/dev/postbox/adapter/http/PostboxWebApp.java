package dev.postbox.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.postbox.ports.out.HealthCheck;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Postbox web app: pages, JSON API, health and metrics on Javalin 7. Built from the use cases
 * (never storage); the launcher starts it on a host and port, or adds its own Jetty connector
 * (a unix-domain socket) through the customizer.
 */
public final class PostboxWebApp {
    /** A route as registered, for documentation checks. */
    public record Route(String method, String path) {
    }

    private final Javalin javalin;
    private final MeterRegistry registry;
    private final List<Route> routes = Collections.synchronizedList(new ArrayList<>());
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private final Hardening hardening;

    public PostboxWebApp(WebConfig config, UseCases useCases, List<HealthCheck> healthChecks, MeterRegistry registry) {
        this(config, useCases, healthChecks, registry, cfg -> {
        });
    }

    /**
     * @param registry   where HTTP and JVM metrics go; {@code /metrics} serves it when it is (or
     *                   contains) a {@link PrometheusMeterRegistry}; null makes a private one
     * @param customizer runs last on Javalin's config, e.g. {@code cfg.jetty.addConnector(...)}
     */
    public PostboxWebApp(WebConfig config, UseCases useCases, List<HealthCheck> healthChecks, MeterRegistry registry,
                         Consumer<JavalinConfig> customizer) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(useCases, "useCases");
        this.registry = registry == null ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT) : registry;
        bindJvmMetrics(this.registry);

        ObjectMapper mapper = JavalinJackson.defaultMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        PebbleRenderer renderer = new PebbleRenderer();
        Sessions sessions = new Sessions(useCases.sessions(), useCases.logOut());
        Csrf csrf = new Csrf(sessions);
        Pages pages = new Pages(renderer, sessions, csrf);
        Failures failures = new Failures(pages, mapper);
        Filters filters = new Filters(config, csrf, sessions);
        AccessLog accessLog = new AccessLog(config.instanceName(), this.registry);
        this.hardening = new Hardening(config.limits(), this.registry);

        this.javalin = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            // Virtual threads where the JDK has them (21+). Measured on the 2-core bench
            // (docs/performance.md): they cost more CPU than platform threads (their stacks are heap garbage)
            // but keep the list page's p99 at 45 ms where 32 platform threads time-sliced it to 72
            cfg.concurrency.useVirtualThreads = true;
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.http.prefer405over404 = true;
            cfg.http.generateEtags = false;
            cfg.jsonMapper(new JavalinJackson(mapper, false));
            cfg.fileRenderer(renderer);
            if (config.serveStatic() && config.staticDir().isPresent()) {
                // a collectstatic folder holds the plain and the hashed names
                cfg.staticFiles.add(files -> {
                    files.hostedPath = "/static";
                    files.directory = config.staticDir().get().toString();
                    files.location = Location.EXTERNAL;
                    files.headers = Map.of("Cache-Control", "public, max-age=3600");
                });
            }
            cfg.jetty.modifyServer(server -> {
                server.setErrorHandler(new JettyErrors(config.instanceName()));
                hardening.install(server);
            });
            cfg.jetty.modifyHttpConfiguration(hardening::configure);
            cfg.requestLogger.http(accessLog::log);
            cfg.router.handlerWrapper(endpoint -> {
                Handler handler = endpoint.handler;
                if (!endpoint.method.isHttpMethod()) {
                    return handler;
                }
                String path = endpoint.path;
                return ctx -> {
                    Exchange.of(ctx).route = path;
                    handler.handle(ctx);
                };
            });
            cfg.events.handlerAdded(meta -> {
                if (meta.getHttpMethod().isHttpMethod()) {
                    routes.add(new Route(meta.getHttpMethod().name(), meta.getPath()));
                }
            });
            cfg.routes.before(filters::before);
            cfg.routes.beforeMatched(filters::beforeMatched);
            cfg.routes.after(filters::after);
            new PostPages(useCases, sessions, pages).register(cfg.routes);
            new AccountPages(useCases, sessions, pages).register(cfg.routes);
            new AdminPages(useCases, sessions, pages).register(cfg.routes);
            new ApiV1(useCases, sessions, mapper).register(cfg.routes);
            new OpenApi().register(cfg.routes);
            if (config.serveStatic() && config.staticDir().isEmpty()) {
                cfg.routes.get("/static/{file}", PostboxWebApp::staticAsset);
            }
            new Operations(healthChecks, prometheus(this.registry), AddressBlocks.parse(config.metricsClients())).register(cfg.routes);
            cfg.routes.exception(HttpResponseException.class, failures::handle);
            cfg.routes.exception(Exception.class, failures::handle);
            customizer.accept(cfg);
        });
    }

    /** The assets inside the jar; hashed names never change, so they may be cached for good. */
    private static void staticAsset(io.javalin.http.Context ctx) {
        String file = ctx.pathParam("file");
        Map.Entry<byte[], Boolean> asset = StaticAssets.find(file).orElseThrow(io.javalin.http.NotFoundResponse::new);
        ctx.header("Cache-Control", asset.getValue() ? "public, max-age=31536000, immutable" : "public, max-age=3600");
        ctx.contentType(StaticAssets.contentType(file)).result(asset.getKey());
    }

    private void bindJvmMetrics(MeterRegistry target) {
        for (MeterBinder binder : List.of(new JvmMemoryMetrics(), new JvmThreadMetrics(), new ClassLoaderMetrics(),
                new ProcessorMetrics(), new UptimeMetrics(), gcMetrics)) {
            binder.bindTo(target);
        }
    }

    private static Optional<PrometheusMeterRegistry> prometheus(MeterRegistry registry) {
        if (registry instanceof PrometheusMeterRegistry prometheus) {
            return Optional.of(prometheus);
        }
        if (registry instanceof CompositeMeterRegistry composite) {
            for (MeterRegistry child : composite.getRegistries()) {
                Optional<PrometheusMeterRegistry> found = prometheus(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** The underlying Javalin instance (not started). */
    public Javalin javalin() {
        return javalin;
    }

    /** The registry HTTP metrics are recorded in. */
    public MeterRegistry meterRegistry() {
        return registry;
    }

    /** Starts serving; port 0 picks a free port (see {@link #port()}). */
    public PostboxWebApp start(String host, int port) {
        javalin.start(host, port);
        return this;
    }

    /**
     * Starts serving on the connectors the customizer added (for example a unix-domain socket);
     * Javalin adds its own TCP connector only when there is none.
     */
    public PostboxWebApp start() {
        javalin.start();
        return this;
    }

    /** The TCP port (only when the first connector is a TCP one). */
    public int port() {
        return javalin.port();
    }

    public void stop() {
        javalin.stop();
        gcMetrics.close();
    }

    /** Every HTTP route registered (method and path template). */
    public List<Route> routes() {
        synchronized (routes) {
            return List.copyOf(routes);
        }
    }
}

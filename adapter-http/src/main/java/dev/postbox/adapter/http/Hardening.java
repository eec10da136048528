package dev.postbox.adapter.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * The {@link RequestLimits} on Jetty: header size on the HTTP configuration, idle timeout and the
 * {@link SlowRequestGuard} on every connector (also ones the launcher adds, such as a unix
 * socket), and a {@link QoSHandler} in front of everything but health and metrics for the
 * concurrency limit.
 */
final class Hardening {
    private final RequestLimits limits;
    private final QoSHandler qos = new QoSHandler();
    private SlowRequestGuard guard;

    Hardening(RequestLimits limits, MeterRegistry registry) {
        this.limits = limits;
        qos.setMaxRequestCount(limits.maxConcurrentRequests());
        qos.setMaxSuspendedRequestCount(limits.maxQueuedRequests());
        qos.setMaxSuspend(limits.maxQueueWait());
        // A busy instance is not a dead one: were HAProxy's checks queued and refused with the
        // rest, it would take the instance out of rotation and move its load onto the others.
        // The metrics scrape is wanted most at exactly that moment. Both are cheap.
        qos.excludePath("/health/*", "/metrics");
        Gauge.builder("postbox.http.requests.queued", qos, QoSHandler::getSuspendedRequestCount)
                .description("requests waiting for a free slot").register(registry);
        FunctionCounter.builder("postbox.http.requests.rejected", qos,
                        q -> q.getTotalExceededRequestCount() + q.getTotalExpiredRequestCount())
                .description("requests refused with 503: queue full or waited too long").register(registry);
        FunctionCounter.builder("postbox.http.connections.slow.closed", this,
                        h -> h.guard == null ? 0 : h.guard.dropped())
                .description("connections closed because a request arrived too slowly").register(registry);
    }

    void configure(HttpConfiguration http) {
        http.setRequestHeaderSize(limits.maxHeaderBytes());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
    }

    void install(Server server) {
        server.insertHandler(qos);
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                guard = new SlowRequestGuard(server.getScheduler(), limits.requestReadTimeout());
                for (Connector connector : server.getConnectors()) {
                    if (connector instanceof AbstractConnector c) {
                        c.setIdleTimeout(limits.idleTimeout().toMillis());
                    }
                    connector.addEventListener(guard);
                }
            }
        });
    }
}

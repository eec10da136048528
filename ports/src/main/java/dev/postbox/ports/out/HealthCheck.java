package dev.postbox.ports.out;

/** A driven adapter's answer to "can you serve now?", used by /health/ready. */
public interface HealthCheck {
    record Status(String name, boolean up, String detail) {
    }

    /** Short, stable name such as {@code mysql-primary} or {@code cassandra}. */
    String name();

    /** Must return within about a second and never throw; details never carry secrets. */
    Status check();

    /**
     * Whether the instance cannot serve while this check is down. A replica whose reads fall back
     * to the primary is not critical: readiness reports it but stays up, so a load balancer does
     * not take every instance out when one replica dies.
     */
    default boolean critical() {
        return true;
    }
}

package dev.postbox.ports.out;

/** A driven adapter's answer to "can you serve now?", used by /health/ready. */
public interface HealthCheck {
    record Status(String name, boolean up, String detail) {
    }

    /** Short, stable name such as {@code mysql-primary} or {@code cassandra}. */
    String name();

    /** Must return within about a second and never throw; details never carry secrets. */
    Status check();
}

package dev.postbox.launcher.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed, validated reads of {@code POSTBOX_*} variables. Every problem becomes a
 * {@link ConfigException} naming the variable, before anything connects anywhere. Each name read
 * is remembered, so the launcher can list every variable it knows ({@link #known()}).
 */
public final class Env {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
    private static final Set<String> KNOWN = new TreeSet<>();

    private final Map<String, String> values;

    public Env(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    /** Every variable name any {@code Env} has been asked for in this JVM. */
    public static synchronized Set<String> known() {
        return Set.copyOf(KNOWN);
    }

    private static synchronized void remember(String name) {
        KNOWN.add(name);
    }

    public Optional<String> optional(String name) {
        remember(name);
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public String string(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new ConfigException(name, "is required but not set"));
    }

    public int integer(String name, int fallback, int min, int max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw new ConfigException(name, "must be between " + min + " and " + max + ", got " + quote(raw.get()));
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(name, "must be a whole number between " + min + " and " + max + ", got " + quote(raw.get()));
        }
    }

    public int port(String name, int fallback) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= 0 && value <= 65535) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the same message as an out-of-range number
        }
        throw new ConfigException(name, "must be a TCP port number from 1 to 65535 (0 picks a free one), got " + quote(raw.get()));
    }

    public boolean bool(String name, boolean fallback) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new ConfigException(name, "must be true or false, got " + quote(raw.get()));
        };
    }

    /** Durations like {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 14d}. */
    public Duration duration(String name, Duration fallback) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        Matcher m = DURATION.matcher(raw.get());
        if (!m.matches()) {
            throw new ConfigException(name, "must be a duration such as 500ms, 30s, 5m, 2h or 14d, got " + quote(raw.get()));
        }
        long n = Long.parseLong(m.group(1));
        Duration value = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (value.isZero()) {
            throw new ConfigException(name, "must be longer than zero, got " + quote(raw.get()));
        }
        return value;
    }

    public <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(raw.get())) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT));
        }
        throw new ConfigException(name, "must be one of " + String.join(", ", names) + ", got " + quote(raw.get()));
    }

    /** A JDBC URL for MySQL/MariaDB: {@code jdbc:mysql://host[:port]/database[?params]}. */
    public String jdbcUrl(String name, String fallback) {
        String value = string(name, fallback);
        String problem = "must be a JDBC URL like jdbc:mysql://127.0.0.1:3306/postbox, got " + quote(Urls.shown(value));
        if (!value.startsWith("jdbc:mysql://")) {
            throw new ConfigException(name, problem);
        }
        try {
            URI uri = new URI(value.substring("jdbc:".length()));
            if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
                throw new ConfigException(name, problem);
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(name, problem);
        }
        return value;
    }

    /** A comma-separated list of {@code host:port} (port optional, defaulting to {@code defaultPort}). */
    public List<String> hostPorts(String name, String fallback, int defaultPort) {
        String value = string(name, fallback);
        List<String> result = new ArrayList<>();
        for (String part : value.split(",")) {
            String entry = part.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.lastIndexOf(':');
            String host = colon < 0 ? entry : entry.substring(0, colon);
            String port = colon < 0 ? Integer.toString(defaultPort) : entry.substring(colon + 1);
            if (host.isEmpty() || !host.matches("[A-Za-z0-9.\\-]+") || !port.matches("\\d{1,5}")
                    || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                throw new ConfigException(name, "must be a comma-separated list of host:port, got " + quote(value));
            }
            result.add(host + ":" + port);
        }
        if (result.isEmpty()) {
            throw new ConfigException(name, "must name at least one host:port");
        }
        return List.copyOf(result);
    }

    /** A secret from {@code NAME} or from the file named by {@code NAME_FILE} (Docker secrets). */
    public Optional<String> secret(String name) {
        Optional<String> direct = optional(name);
        Optional<String> file = optional(name + "_FILE");
        if (direct.isPresent() && file.isPresent()) {
            throw new ConfigException(name, "and " + name + "_FILE are both set; set only one");
        }
        if (file.isPresent()) {
            Path path = Path.of(file.get());
            try {
                return Optional.of(Files.readString(path).strip());
            } catch (java.io.IOException | SecurityException e) {
                throw new ConfigException(name + "_FILE", "names a file that cannot be read: " + quote(file.get()));
            }
        }
        return direct;
    }

    private static String quote(String raw) {
        String shown = raw.length() > 80 ? raw.substring(0, 80) + "…" : raw;
        return "\"" + shown + "\"";
    }
}

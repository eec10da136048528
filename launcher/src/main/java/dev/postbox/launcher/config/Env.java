package dev.postbox.launcher.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code POSTBOX_*} variables. The generic formats (text, whole numbers, ports, durations,
 * booleans, choices, secrets with {@code _FILE}) are written here, once. A value that a type has
 * its own rule for goes through that rule (a parse or require method next to the type, such as
 * {@code CassandraConfig.parseConsistency}); whatever refuses a value, the refusal becomes one
 * {@link ConfigException} naming the variable, before anything connects anywhere.
 * <p>
 * Each instance records every setting it read, in order, with the value in effect as it may be
 * shown (secrets masked, URLs without credentials) and where it came from: {@code postbox config}
 * prints that record, so it lists exactly what the settings read.
 */
public final class Env {
    public static final String MASK = "********";
    public static final String NOT_SET = "(not set)";
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    /** One setting as read: the value in effect as it may be shown (never a secret), and where it came from. */
    public record Setting(String name, String shown, Source source, String file) {
        public enum Source { DEFAULT, ENVIRONMENT, FILE }

        /** {@code default}, {@code environment}, or {@code file NAME_FILE=path}. */
        public String origin() {
            return source == Source.FILE ? "file " + name + "_FILE=" + file : source.name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<String, String> values;
    private final Map<String, Setting> read = new LinkedHashMap<>();
    private final Set<String> consulted = new LinkedHashSet<>();

    public Env(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    /** The settings read so far, in the order they were read. */
    public synchronized List<Setting> settings() {
        return List.copyOf(read.values());
    }

    /** Every variable looked at so far, a secret's {@code _FILE} variable included. */
    public synchronized Set<String> names() {
        return Set.copyOf(consulted);
    }

    /** Any text; blank counts as not set. */
    public String string(String name, String fallback) {
        return parsed(name, fallback, text -> text);
    }

    public Optional<String> optional(String name) {
        return parsedOptional(name, text -> text);
    }

    /** The text, or {@code fallback}, through {@code rule}; a rule's {@link IllegalArgumentException} names the variable. */
    public <T> T parsed(String name, String fallback, Function<String, ? extends T> rule) {
        return parsed(name, fallback, rule, UnaryOperator.identity());
    }

    /** As {@link #parsed(String, String, Function)}, recorded as {@code shown} gives it (e.g. a URL without credentials). */
    public <T> T parsed(String name, String fallback, Function<String, ? extends T> rule, UnaryOperator<String> shown) {
        Optional<String> raw = raw(name);
        String text = raw.orElse(fallback);
        T value = apply(name, rule, text);
        record(new Setting(name, shown.apply(text), raw.isPresent() ? Setting.Source.ENVIRONMENT : Setting.Source.DEFAULT, null));
        return value;
    }

    /** A setting without a default: empty when not set. */
    public <T> Optional<T> parsedOptional(String name, Function<String, ? extends T> rule) {
        Optional<String> raw = raw(name);
        Optional<T> value = raw.map(text -> apply(name, rule, text));
        record(new Setting(name, raw.orElse(NOT_SET), raw.isPresent() ? Setting.Source.ENVIRONMENT : Setting.Source.DEFAULT, null));
        return value;
    }

    /** A whole number, then the type's {@code rule} (its bounds). */
    public int integer(String name, int fallback, IntUnaryOperator rule) {
        return parsed(name, Integer.toString(fallback), text -> rule.applyAsInt(wholeNumber(text)));
    }

    public int port(String name, int fallback) {
        return parsed(name, Integer.toString(fallback), text -> {
            if (text.matches("\\d{1,5}") && Integer.parseInt(text) <= 65535) {
                return Integer.parseInt(text);
            }
            throw new IllegalArgumentException("must be a TCP port number from 1 to 65535 (0 picks a free one), got " + quote(text));
        });
    }

    public boolean bool(String name, boolean fallback) {
        return parsed(name, Boolean.toString(fallback), text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException("must be true or false, got " + quote(text));
        });
    }

    /** A duration longer than zero ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 14d}). */
    public Duration duration(String name, Duration fallback) {
        return duration(name, fallback, UnaryOperator.identity());
    }

    /** A duration longer than zero, then the type's {@code rule} (its bounds). */
    public Duration duration(String name, Duration fallback, UnaryOperator<Duration> rule) {
        return parsed(name, text(fallback), text -> {
            Duration value = parseDuration(text);
            if (value.isZero()) {
                throw new IllegalArgumentException("must be longer than zero, got " + quote(text));
            }
            return rule.apply(value);
        });
    }

    public <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
        return parsed(name, fallback.name().toLowerCase(Locale.ROOT), text -> {
            List<String> names = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(text)) {
                    return e;
                }
                names.add(e.name().toLowerCase(Locale.ROOT));
            }
            throw new IllegalArgumentException("must be one of " + String.join(", ", names) + ", got " + quote(text));
        });
    }

    /** A secret from {@code NAME} or from the file named by {@code NAME_FILE} (Docker secrets); recorded masked. */
    public Optional<String> secret(String name) {
        String fileVariable = name + "_FILE";
        Optional<String> direct = raw(name);
        Optional<String> file = raw(fileVariable);
        if (direct.isPresent() && file.isPresent()) {
            throw new ConfigException(fileVariable, "set only one of " + name + " and " + fileVariable);
        }
        Optional<String> value = direct;
        if (file.isPresent()) {
            try {
                value = Optional.of(Files.readString(Path.of(file.get())).strip());
            } catch (IOException | RuntimeException e) {
                throw new ConfigException(fileVariable, "cannot read the file " + quote(file.get()));
            }
        }
        Setting.Source source = file.isPresent() ? Setting.Source.FILE
                : direct.isPresent() ? Setting.Source.ENVIRONMENT : Setting.Source.DEFAULT;
        record(new Setting(name, value.isPresent() ? MASK : NOT_SET, source, file.orElse(null)));
        return value;
    }

    /**
     * Builds a value from settings already read, for a rule that spans several of them (e.g. the
     * touch interval must be shorter than the session age); a refusal names them all.
     */
    public <T> T together(Supplier<T> build, String... names) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            String joined = names.length == 1 ? names[0]
                    : String.join(", ", List.of(names).subList(0, names.length - 1)) + " and " + names[names.length - 1];
            throw new ConfigException(joined, e.getMessage(), e);
        }
    }

    /** A variable that is no Postbox setting (such as {@code HOSTNAME}), for a default; not recorded. */
    Optional<String> other(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 14d}; zero too (a rule may refuse it). */
    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("must be a duration such as 500ms, 30s, 5m, 2h or 14d, got " + quote(text));
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** The largest unit that writes {@code d} exactly, as {@link #parseDuration} reads it. */
    static String text(Duration d) {
        long ms = d.toMillis();
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1000L};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (ms != 0 && ms % units[i] == 0) {
                return ms / units[i] + names[i];
            }
        }
        return ms + "ms";
    }

    static int wholeNumber(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number, got " + quote(text));
        }
    }

    static String quote(String raw) {
        String shown = raw.length() > 80 ? raw.substring(0, 80) + "…" : raw;
        return "\"" + shown + "\"";
    }

    private synchronized Optional<String> raw(String name) {
        consulted.add(name);
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private synchronized void record(Setting setting) {
        read.put(setting.name(), setting);
    }

    private static <T> T apply(String name, Function<String, ? extends T> rule, String text) {
        try {
            return rule.apply(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, e.getMessage(), e);
        }
    }
}

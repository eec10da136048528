package dev.postbox.launcher.config;

/**
 * A missing or malformed setting. The message is one line: the variable's name, a colon, and
 * what is wrong (a rule's own words when a type refused the value).
 */
public final class ConfigException extends RuntimeException {
    public ConfigException(String variable, String problem) {
        super(variable + ": " + problem);
    }

    public ConfigException(String variable, String problem, Throwable cause) {
        super(variable + ": " + problem, cause);
    }
}

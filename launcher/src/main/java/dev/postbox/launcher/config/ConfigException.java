package dev.postbox.launcher.config;

/** A missing or malformed setting. The message names the variable and what is wrong, in one line. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String variable, String problem) {
        super(variable + " " + problem);
    }
}

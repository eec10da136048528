package dev.postbox.launcher;

/** The command was used wrongly (exit code 2); the message says how to use it instead. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}

package dev.postbox.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The one error style of Postbox. Every failure a user can cause or see is one of these
 * subclasses, with a stable {@link #code()} (for API clients and tests) and a message fit to show
 * to a person. Messages never contain passwords, tokens or internal details.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInputException, NotAuthenticatedException, ForbiddenException,
                NotFoundException, ConflictException, ThrottledException, StoreUnavailableException {

    private final String code;

    protected DomainException(String code, String message, Throwable cause) {
        // no stack trace for expected user errors keeps them cheap; causes still carry one.
        super(message, cause, true, cause != null);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** A stable, dotted identifier such as {@code username.taken}. */
    public String code() {
        return code;
    }

    public abstract ErrorKind kind();

    /** The input field this error is about, when there is one (for forms and problem details). */
    public Optional<String> field() {
        return Optional.empty();
    }
}

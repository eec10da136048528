package dev.postbox.domain;

import java.util.List;
import java.util.Optional;

/**
 * Input broke one or more domain rules. Each {@link Violation} names its field, so a form can
 * show every message next to its field and the API can list them as problem details.
 */
public final class InvalidInputException extends DomainException {
    /** One broken rule. */
    public record Violation(String field, String code, String message) {
    }

    private final List<Violation> violations;

    public InvalidInputException(String field, String code, String message) {
        this(List.of(new Violation(field, code, message)));
    }

    public InvalidInputException(List<Violation> violations) {
        super(first(violations).code(), first(violations).message(), null);
        this.violations = List.copyOf(violations);
    }

    private static Violation first(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid-input error needs at least one violation");
        }
        return violations.get(0);
    }

    public List<Violation> violations() {
        return violations;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.INVALID_INPUT;
    }

    @Override
    public Optional<String> field() {
        return Optional.ofNullable(violations.get(0).field());
    }
}

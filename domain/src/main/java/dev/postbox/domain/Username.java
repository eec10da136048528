package dev.postbox.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * A username by Django's rules: 1 to 150 characters, each a letter, a digit or one of
 * {@code @ . + - _}; NFKC-normalised as Django does. Uniqueness is case-insensitive:
 * {@link #canonical()} is the key stores must keep unique.
 */
public record Username(String value) implements Comparable<Username> {
    public static final int MAX_LENGTH = 150;

    public Username {
        if (value == null || value.isEmpty()) {
            throw invalid("username.required", "Enter a username.");
        }
        value = Normalizer.normalize(value, Normalizer.Form.NFKC);
        int length = value.codePointCount(0, value.length());
        if (length > MAX_LENGTH) {
            throw invalid("username.too_long", "Usernames are at most " + MAX_LENGTH + " characters.");
        }
        if (!value.codePoints().allMatch(Username::allowed)) {
            throw invalid("username.invalid",
                    "Usernames may contain only letters, digits and @ . + - _ characters.");
        }
    }

    /**
     * The username in {@code raw}, or empty when it is not a valid one: for look-ups, where a
     * malformed name is simply a name nobody has (no error tells it apart from an unknown one).
     */
    public static Optional<Username> tryParse(String raw) {
        try {
            return Optional.of(new Username(raw));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private static boolean allowed(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '@' || cp == '.' || cp == '+' || cp == '-' || cp == '_';
    }

    private static InvalidInputException invalid(String code, String message) {
        return new InvalidInputException("username", code, message);
    }

    /** The case-folded form used for uniqueness and look-ups. */
    public String canonical() {
        return value.toLowerCase(Locale.ROOT);
    }

    public boolean sameAs(Username other) {
        return canonical().equals(other.canonical());
    }

    @Override
    public int compareTo(Username o) {
        return canonical().compareTo(o.canonical());
    }

    @Override
    public String toString() {
        return value;
    }
}

package dev.postbox.domain;

import java.util.Locale;

/**
 * An e-mail address: at most 254 characters, one {@code @} with a non-empty local part and a
 * domain that has no spaces. The domain is lower-cased (as Django's normalize_email does); the
 * local part is kept as written. Deliverability is not this type's business.
 */
public record Email(String value) {
    public static final int MAX_LENGTH = 254;

    public Email {
        if (value == null || value.isBlank()) {
            throw invalid("email.required", "Enter an e-mail address.");
        }
        value = value.strip();
        if (value.length() > MAX_LENGTH) {
            throw invalid("email.too_long", "E-mail addresses are at most " + MAX_LENGTH + " characters.");
        }
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1 || value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))
                || value.substring(at + 1).indexOf('.') < 0 || value.substring(at + 1).startsWith(".")
                || value.endsWith(".")) {
            throw invalid("email.invalid", "Enter a valid e-mail address.");
        }
        value = value.substring(0, at) + "@" + value.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static InvalidInputException invalid(String code, String message) {
        return new InvalidInputException("email", code, message);
    }

    @Override
    public String toString() {
        return value;
    }
}

package dev.postbox.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * What a new password must be: 12 to 4096 characters, not the username, not one of the
 * ~20,000 common passwords Django ships (see COMMON-PASSWORDS-NOTICE.md beside the list).
 * The upper bound keeps hashing cost bounded for hostile input.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 4096;
    private static final String LIST = "common-passwords.txt.gz";

    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    /** The standard policy with Django's common-password list. Loaded once; thread-safe. */
    public static PasswordPolicy standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final PasswordPolicy STANDARD = new PasswordPolicy(loadCommon());
    }

    /** Throws {@link InvalidInputException} (field {@code password}) naming the first rule broken. */
    public void check(String password, Username username) {
        if (password == null || password.isEmpty()) {
            throw invalid("password.required", "Enter a password.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw invalid("password.too_short",
                    "This password is too short. It must contain at least " + MIN_LENGTH + " characters.");
        }
        if (length > MAX_LENGTH) {
            throw invalid("password.too_long", "Passwords are at most " + MAX_LENGTH + " characters.");
        }
        String folded = password.strip().toLowerCase(Locale.ROOT);
        if (username != null && folded.equals(username.canonical())) {
            throw invalid("password.is_username", "The password must not be the username.");
        }
        if (common.contains(folded)) {
            throw invalid("password.too_common", "This password is too common.");
        }
    }

    /** Number of passwords in the common list. */
    public int commonCount() {
        return common.size();
    }

    private static InvalidInputException invalid(String code, String message) {
        return new InvalidInputException("password", code, message);
    }

    private static Set<String> loadCommon() {
        try (InputStream raw = PasswordPolicy.class.getResourceAsStream(LIST)) {
            if (raw == null) {
                throw new IllegalStateException(LIST + " is missing from the domain jar");
            }
            Set<String> words = new HashSet<>(32_768);
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String word = line.strip();
                    if (!word.isEmpty()) {
                        words.add(word.toLowerCase(Locale.ROOT));
                    }
                }
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

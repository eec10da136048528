package dev.postbox.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The secret a browser holds: 256 random bits, base64url without padding (43 characters).
 * Stores keep only its SHA-256 ({@link #hash()}); {@link #toString()} never shows it.
 */
public final class SessionToken {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;
    private static final int ENCODED_LENGTH = 43;

    private final String value;

    private SessionToken(String value) {
        this.value = value;
    }

    public static SessionToken random() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new SessionToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Parses a token from a cookie or header; throws {@link NotAuthenticatedException} when malformed. */
    public static SessionToken parse(String text) {
        if (text == null || text.length() != ENCODED_LENGTH || !text.chars().allMatch(SessionToken::base64url)) {
            throw new NotAuthenticatedException("session.invalid", "Your session is not valid; please log in.");
        }
        return new SessionToken(text);
    }

    private static boolean base64url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    /** The value to put in the cookie. */
    public String reveal() {
        return value;
    }

    public SessionTokenHash hash() {
        return new SessionTokenHash(sha256Hex(value));
    }

    static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
            StringBuilder hex = new StringBuilder(64);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionToken other && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.US_ASCII), other.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "SessionToken[***]";
    }
}

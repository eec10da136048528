package dev.postbox.domain;

/**
 * A post's text: 1 to 10,000 Unicode code points after trimming. Line breaks are normalised to
 * {@code \n} (browsers send {@code \r\n}); newline and tab are the only control characters
 * allowed, and unpaired surrogates (not encodable as UTF-8) are refused.
 */
public record PostContent(String value) {
    public static final int MAX_LENGTH = 10_000;

    public PostContent {
        if (value == null) {
            throw invalid("content.required", "Write something first.");
        }
        value = value.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (value.isEmpty()) {
            throw invalid("content.required", "Write something first.");
        }
        int length = value.codePointCount(0, value.length());
        if (length > MAX_LENGTH) {
            throw invalid("content.too_long",
                    "Posts are at most " + MAX_LENGTH + " characters (this one has " + length + ").");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                throw invalid("content.control_character", "Posts cannot contain control characters.");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw invalid("content.invalid_text", "Posts must be valid Unicode text.");
            }
        }
    }

    private static InvalidInputException invalid(String code, String message) {
        return new InvalidInputException("content", code, message);
    }

    @Override
    public String toString() {
        return value;
    }
}

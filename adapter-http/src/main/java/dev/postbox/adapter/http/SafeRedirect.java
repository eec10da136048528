package dev.postbox.adapter.http;

/**
 * Where a {@code next} parameter may send the browser: only an absolute path on this site.
 * Anything that a browser could read as another origin ({@code //host}, {@code /\host},
 * {@code https://host}, {@code javascript:}, control characters that browsers strip) falls back.
 */
final class SafeRedirect {
    static final String FALLBACK = "/posts/";

    private SafeRedirect() {
    }

    static String target(String next) {
        return isSafe(next) ? next : FALLBACK;
    }

    static boolean isSafe(String next) {
        if (next == null || next.isEmpty() || next.length() > 2000) {
            return false;
        }
        if (next.charAt(0) != '/') {
            return false;
        }
        if (next.length() > 1 && (next.charAt(1) == '/' || next.charAt(1) == '\\')) {
            return false;
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            // browsers drop tabs/newlines inside URLs and treat backslash as slash
            if (c < 0x21 || c == 0x7f || c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        // a percent-encoded slash or backslash right after the first one can be decoded by a proxy
        String lower = next.toLowerCase(java.util.Locale.ROOT);
        return !(lower.startsWith("/%2f") || lower.startsWith("/%5c"));
    }
}

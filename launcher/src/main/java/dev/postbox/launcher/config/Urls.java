package dev.postbox.launcher.config;

/** JDBC URLs as they may be shown to people: Connector/J takes credentials in the user info and in the query. */
public final class Urls {
    private Urls() {
    }

    /** {@code jdbc:mysql://u:pw@host:3306/db?password=x} becomes {@code jdbc:mysql://host:3306/db?…}. */
    public static String shown(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "null";
        }
        String url = jdbcUrl;
        int query = url.indexOf('?');
        String suffix = "";
        if (query >= 0) {
            url = url.substring(0, query);
            suffix = "?…";
        }
        int scheme = url.indexOf("://");
        if (scheme >= 0) {
            int hostStart = scheme + 3;
            int at = url.lastIndexOf('@');
            if (at >= hostStart) {
                url = url.substring(0, hostStart) + url.substring(at + 1);
            }
        }
        return url + suffix;
    }
}

package dev.postbox.adapter.http;

import dev.postbox.domain.Post;
import dev.postbox.domain.User;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Plain values for templates, so templates never call into domain objects. */
final class Views {
    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MACHINE = DateTimeFormatter.ISO_INSTANT;

    private Views() {
    }

    record PostView(String id, String author, String content, String createdIso, String createdText) {
    }

    record UserView(long id, String username, String email, boolean superuser, boolean staff, boolean active,
                    String joined, String joinedDate, String lastLogin) {
    }

    static PostView post(Post post) {
        Instant created = post.createdAt();
        return new PostView(post.id().toString(), post.author().value(), post.content().value(),
                machine(created), shown(created));
    }

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    /**
     * {@code SHOWN.format(t)}, written out by hand for four-digit years: a page of 100 posts
     * formats 200 dates, and DateTimeFormatter took 8 % of the list page's CPU.
     */
    static String shown(Instant t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        if (d.getYear() < 1000 || d.getYear() > 9999) {
            return SHOWN.format(t);
        }
        StringBuilder b = new StringBuilder(24).append(d.getDayOfMonth()).append(' ')
                .append(MONTHS[d.getMonthValue() - 1]).append(' ').append(d.getYear()).append(", ");
        twoDigits(b, d.getHour()).append(':');
        return twoDigits(b, d.getMinute()).append(" UTC").toString();
    }

    /** {@code MACHINE.format(t)} to the second (ISO-8601, UTC), by hand for four-digit years. */
    static String machine(Instant t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        if (d.getYear() < 1000 || d.getYear() > 9999) {
            return MACHINE.format(Instant.ofEpochSecond(t.getEpochSecond()));
        }
        StringBuilder b = new StringBuilder(20).append(d.getYear()).append('-');
        twoDigits(b, d.getMonthValue()).append('-');
        twoDigits(b, d.getDayOfMonth()).append('T');
        twoDigits(b, d.getHour()).append(':');
        twoDigits(b, d.getMinute()).append(':');
        return twoDigits(b, d.getSecond()).append('Z').toString();
    }

    private static StringBuilder twoDigits(StringBuilder b, int value) {
        return b.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    static UserView user(User user) {
        return new UserView(user.id().value(), user.username().value(), user.email().value(), user.superuser(),
                user.staff(), user.active(), SHOWN.format(user.dateJoined()), DAY.format(user.dateJoined()),
                user.lastLoginTime().map(SHOWN::format).orElse("never"));
    }
}

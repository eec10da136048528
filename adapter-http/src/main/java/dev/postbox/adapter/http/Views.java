package dev.postbox.adapter.http;

import dev.postbox.domain.Post;
import dev.postbox.domain.User;

import java.time.Instant;
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
                MACHINE.format(created.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)), SHOWN.format(created));
    }

    static UserView user(User user) {
        return new UserView(user.id().value(), user.username().value(), user.email().value(), user.superuser(),
                user.staff(), user.active(), SHOWN.format(user.dateJoined()), DAY.format(user.dateJoined()),
                user.lastLoginTime().map(SHOWN::format).orElse("never"));
    }
}

package dev.postbox.domain;

import java.time.Instant;
import java.util.Objects;

/** A post: who wrote it, its time-based id (which carries its creation time) and its text. */
public record Post(Username author, PostId id, PostContent content) {
    public Post {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(content, "content");
    }

    public Instant createdAt() {
        return id.createdAt();
    }
}

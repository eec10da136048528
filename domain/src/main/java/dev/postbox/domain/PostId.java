package dev.postbox.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A post's id: a version-1 (time-based) UUID, made by the client, so a retried write is the same
 * post. Ids order by timestamp, then by the low 64 bits compared byte by byte as signed bytes:
 * every post store must list in exactly this order (the post repository contract checks it), so
 * pages and cursors agree whichever store holds the posts. Make new ids with {@link PostIdGenerator}.
 */
public record PostId(UUID value) implements Comparable<PostId> {
    /** 100-ns intervals between the UUID epoch (1582-10-15) and the Unix epoch. */
    static final long UUID_EPOCH_OFFSET = 0x01B21DD213814000L;

    public PostId {
        Objects.requireNonNull(value, "value");
        if (value.version() != 1 || value.variant() != 2) {
            throw new InvalidInputException("id", "post_id.invalid", "Not a post id.");
        }
    }

    /** Parses the canonical text form; anything else is an {@link InvalidInputException}. */
    public static PostId parse(String text) {
        if (text == null || text.length() != 36) {
            throw new InvalidInputException("id", "post_id.invalid", "Not a post id.");
        }
        try {
            return new PostId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("id", "post_id.invalid", "Not a post id.");
        }
    }

    /** The UUID timestamp: 100-ns intervals since 1582-10-15. */
    public long timestamp() {
        return value.timestamp();
    }

    /** When the post was made: the id's timestamp, to the 100 ns the UUID carries. */
    public Instant createdAt() {
        long unix100ns = timestamp() - UUID_EPOCH_OFFSET;
        return Instant.ofEpochSecond(Math.floorDiv(unix100ns, 10_000_000L), Math.floorMod(unix100ns, 10_000_000L) * 100);
    }

    @Override
    public int compareTo(PostId o) {
        int byTime = Long.compare(timestamp(), o.timestamp());
        if (byTime != 0) {
            return byTime;
        }
        // the low half byte by byte as signed bytes: a signed long compare does that for the top
        // byte; flipping the sign bit of the seven others makes it do so for them too
        return Long.compare(value.getLeastSignificantBits() ^ 0x0080808080808080L,
                o.value.getLeastSignificantBits() ^ 0x0080808080808080L);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

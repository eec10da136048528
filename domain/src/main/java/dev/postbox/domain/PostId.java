package dev.postbox.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A post's id: a version-1 (time-based) UUID, the same thing as a Cassandra {@code timeuuid}.
 * Ordering is Cassandra's: by timestamp, then by the low bits compared as signed bytes, so the
 * in-memory store and Cassandra sort alike. Make new ids with {@link PostIdGenerator}.
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

    /** When the post was made, derived from the id as Cassandra's dateOf/toTimestamp does. */
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
        // Cassandra's TimeUUIDType compares the low half as signed bytes.
        return Long.compare(value.getLeastSignificantBits() ^ 0x0080808080808080L,
                o.value.getLeastSignificantBits() ^ 0x0080808080808080L);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package dev.postbox.domain;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes version-1 UUIDs whose timestamps strictly increase within this generator, even for
 * many ids in one millisecond (each takes the next 100-ns tick). The node is random with the
 * multicast bit set (RFC 9562 §6.10), so no MAC address is leaked; the clock sequence is random
 * per generator, so two processes starting at once still differ in their low bits.
 */
public final class PostIdGenerator {
    private final Clock clock;
    private final long leastSignificantBits;
    // below any real timestamp, so the first id takes the clock's own tick (even tick 0, the UUID epoch)
    private final AtomicLong lastTimestamp = new AtomicLong(Long.MIN_VALUE);

    public PostIdGenerator(Clock clock) {
        this(clock, new SecureRandom().nextLong());
    }

    PostIdGenerator(Clock clock, long random) {
        this.clock = clock;
        long clockSeq = (random >>> 48) & 0x3FFFL;
        long node = (random & 0xFFFF_FFFF_FFFFL) | 0x0100_0000_0000L;
        this.leastSignificantBits = 0x8000_0000_0000_0000L | (clockSeq << 48) | node;
    }

    public static PostIdGenerator systemUtc() {
        return new PostIdGenerator(Clock.systemUTC());
    }

    public PostId next() {
        long candidate = clock.millis() * 10_000L + PostId.UUID_EPOCH_OFFSET;
        long timestamp = lastTimestamp.updateAndGet(last -> Math.max(candidate, last + 1));
        return new PostId(new UUID(mostSignificantBits(timestamp), leastSignificantBits));
    }

    static long mostSignificantBits(long timestamp) {
        long timeLow = timestamp & 0xFFFF_FFFFL;
        long timeMid = (timestamp >>> 32) & 0xFFFFL;
        long timeHigh = (timestamp >>> 48) & 0x0FFFL;
        return (timeLow << 32) | (timeMid << 16) | 0x1000L | timeHigh;
    }
}

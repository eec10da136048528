package dev.postbox.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PostIdPropertiesTest {
    /** 1582-10-15 .. 2200-01-01, the span a timeuuid covers comfortably. */
    private static final long MIN_MILLIS = -12_219_292_800_000L;
    private static final long MAX_MILLIS = 7_258_118_400_000L;

    private static PostIdGenerator frozenAt(long millis) {
        return new PostIdGenerator(Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
    }

    @Property(tries = 200)
    void idsFromOneGeneratorStrictlyIncreaseEvenWithAFrozenClock(
            @ForAll @LongRange(min = MIN_MILLIS, max = MAX_MILLIS) long millis, @ForAll @IntRange(min = 2, max = 3000) int count) {
        PostIdGenerator ids = frozenAt(millis);
        PostId previous = ids.next();
        for (int i = 1; i < count; i++) {
            PostId next = ids.next();
            assertThat(next).isGreaterThan(previous);
            assertThat(next.timestamp()).isEqualTo(previous.timestamp() + 1);
            previous = next;
        }
    }

    @Property(tries = 200)
    void idsStrictlyIncreaseWhateverTheClockDoes(@ForAll @Size(min = 2, max = 200) List<@LongRange(min = MIN_MILLIS, max = MAX_MILLIS) Long> readings) {
        List<Long> queue = new ArrayList<>(readings);
        PostIdGenerator ids = new PostIdGenerator(new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(queue.remove(0));
            }
        });
        PostId previous = ids.next();
        while (!queue.isEmpty()) {
            PostId next = ids.next();
            assertThat(next).isGreaterThan(previous);
            previous = next;
        }
    }

    @Property(tries = 300)
    void createdAtRoundTripsTheClockMillis(@ForAll @LongRange(min = MIN_MILLIS, max = MAX_MILLIS) long millis,
                                           @ForAll @IntRange(min = 1, max = 9_999) int idsInThatMillisecond) {
        PostIdGenerator ids = frozenAt(millis);
        PostId first = ids.next();
        PostId last = first;
        for (int i = 1; i < idsInThatMillisecond; i++) {
            last = ids.next();
        }

        assertThat(first.createdAt()).isEqualTo(Instant.ofEpochMilli(millis));
        // fewer than 10,000 ids (100-ns ticks) in one millisecond never spill into the next one
        assertThat(last.createdAt().truncatedTo(ChronoUnit.MILLIS)).isEqualTo(Instant.ofEpochMilli(millis));
        assertThat(PostId.parse(last.toString())).isEqualTo(last);
    }

    @Property(tries = 1000)
    void compareToIsCassandrasTimeUuidOrder(@ForAll("postIds") PostId a, @ForAll("postIds") PostId b) {
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Integer.signum(cassandraCompare(a.value(), b.value())));
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
        assertThat(a.compareTo(b) == 0).isEqualTo(a.equals(b));
    }

    @Property(tries = 100)
    void sortingByCompareToMatchesCassandra(@ForAll @Size(max = 60) List<@From("postIds") PostId> ids) {
        List<PostId> ours = ids.stream().sorted().toList();
        List<PostId> cassandras = ids.stream().map(PostId::value).sorted(PostIdPropertiesTest::cassandraCompare).map(PostId::new).toList();
        assertThat(ours).containsExactlyElementsOf(cassandras);
    }

    /** Version-1 ids, often sharing a timestamp so that the low bits have to decide. */
    @Provide
    Arbitrary<PostId> postIds() {
        Arbitrary<Long> timestamps = Arbitraries.oneOf(
                Arbitraries.longs().between(0, (1L << 60) - 1),
                Arbitraries.of(0L, 1L, 0x01B21DD213814000L, (1L << 60) - 1));
        Arbitrary<Long> lowBits = Arbitraries.oneOf(
                Arbitraries.longs(),
                Arbitraries.of(0L, -1L, 0x7F7F7F7F7F7F7F7FL, 0x8080808080808080L, 0x0080000000000000L, 0x00000000000000FFL));
        return Combinators.combine(timestamps, lowBits).as((t, low) ->
                new PostId(new UUID(PostIdGenerator.mostSignificantBits(t), (low & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L)));
    }

    /**
     * Cassandra's TimeUUIDType, written the slow way: compare the 60-bit timestamps, then the
     * eight low bytes one by one as signed Java bytes.
     */
    private static int cassandraCompare(UUID a, UUID b) {
        int byTime = Long.compare(a.timestamp(), b.timestamp());
        if (byTime != 0) {
            return byTime;
        }
        byte[] left = ByteBuffer.allocate(8).putLong(a.getLeastSignificantBits()).array();
        byte[] right = ByteBuffer.allocate(8).putLong(b.getLeastSignificantBits()).array();
        for (int i = 0; i < 8; i++) {
            int c = Byte.compare(left[i], right[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}

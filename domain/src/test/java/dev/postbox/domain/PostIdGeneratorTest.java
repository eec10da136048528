package dev.postbox.domain;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class PostIdGeneratorTest {
    @Test
    void idsAreVersionOneWithARandomMulticastNode() {
        PostId id = PostIdGenerator.systemUtc().next();

        assertThat(id.value().version()).isEqualTo(1);
        assertThat(id.value().variant()).isEqualTo(2);
        assertThat(id.value().node() & 0x0100_0000_0000L).as("multicast bit: not a MAC address").isNotZero();
    }

    @Test
    void oneGeneratorKeepsItsLowBitsAndTwoGeneratorsDiffer() {
        Clock frozen = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);
        PostIdGenerator one = new PostIdGenerator(frozen);
        PostIdGenerator two = new PostIdGenerator(frozen);

        long lowBits = one.next().value().getLeastSignificantBits();
        assertThat(one.next().value().getLeastSignificantBits()).isEqualTo(lowBits);
        assertThat(two.next().value().getLeastSignificantBits()).isNotEqualTo(lowBits);
    }

    @Test
    void aClockGoingBackwardsDoesNotBreakTheOrder() {
        AtomicLong millis = new AtomicLong(1_700_000_000_000L);
        Clock stepping = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis.get());
            }
        };
        PostIdGenerator ids = new PostIdGenerator(stepping);

        PostId first = ids.next();
        millis.addAndGet(-60_000);
        PostId second = ids.next();
        millis.addAndGet(120_000);
        PostId third = ids.next();

        assertThat(second).isGreaterThan(first);
        assertThat(third).isGreaterThan(second);
        assertThat(third.createdAt()).isEqualTo(Instant.ofEpochMilli(millis.get()));
    }

    @Test
    void manyThreadsGetDistinctIds() throws InterruptedException {
        PostIdGenerator ids = new PostIdGenerator(Clock.fixed(Instant.now(), ZoneOffset.UTC));
        Set<PostId> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    seen.add(ids.next());
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join(60_000);
        }

        assertThat(seen).hasSize(8000);
        Set<Long> timestamps = new HashSet<>();
        seen.forEach(id -> timestamps.add(id.timestamp()));
        assertThat(timestamps).as("each id takes its own 100-ns tick").hasSize(8000);
    }
}

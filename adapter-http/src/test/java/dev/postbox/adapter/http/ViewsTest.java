package dev.postbox.adapter.http;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written date formats say exactly what the DateTimeFormatters they replace said. */
class ViewsTest {
    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @Test
    void datesMatchTheFormattersAcrossTheYearsAndTheirEdges() {
        SplittableRandom random = new SplittableRandom(20261125);
        long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("+12000-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            check(Instant.ofEpochSecond(random.nextLong(min, max), random.nextInt(1_000_000_000)));
        }
        for (String edge : new String[] {"1970-01-01T00:00:00Z", "0999-12-31T23:59:59.999999999Z", "1000-01-01T00:00:00Z",
                "2024-02-29T09:05:07.5Z", "9999-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z"}) {
            check(Instant.parse(edge));
        }
    }

    private static void check(Instant t) {
        assertThat(Views.shown(t)).as(t.toString()).isEqualTo(SHOWN.format(t));
        assertThat(Views.machine(t)).as(t.toString()).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS)));
    }
}

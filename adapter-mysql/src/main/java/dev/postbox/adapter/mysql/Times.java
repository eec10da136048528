package dev.postbox.adapter.mysql;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * DATETIME(6) columns hold UTC wall-clock time, as Django stores them with USE_TZ. Instants are
 * cut to microseconds here, because MySQL rounds extra digits and MariaDB truncates them.
 */
final class Times {
    private Times() {
    }

    static LocalDateTime toDb(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static Instant fromDb(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}

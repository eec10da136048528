package dev.postbox.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostIdTest {
    @Test
    void parsesTheCanonicalForm() {
        // a timeuuid of 2023-11-14T22:13:20Z (computed with Python's uuid module)
        PostId id = PostId.parse("04afc000-833b-11ee-8080-808080808080");

        assertThat(id.value().version()).isEqualTo(1);
        assertThat(id.toString()).isEqualTo("04afc000-833b-11ee-8080-808080808080");
        assertThat(id.createdAt()).isEqualTo(Instant.parse("2023-11-14T22:13:20Z"));
        assertThat(PostId.parse("04AFC000-833B-11EE-8080-808080808080")).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-uuid", "04afc000-833b-11ee-8080-80808080808", "04afc000-833b-11ee-8080-8080808080800",
            "04afc000833b11ee8080808080808080", "04afc000-833b-41ee-8080-808080808080", "04afc000-833b-11ee-c080-808080808080",
            "04afc000-833b-11ee-0080-808080808080", "g4a8e800-833b-11ee-8080-808080808080", "04afc000_833b_11ee_8080_808080808080"})
    void refusesEverythingElse(String text) {
        Expect.invalid(() -> PostId.parse(text), "id", "post_id.invalid", "Not a post id.");
    }

    @Test
    void refusesNullAndOtherVersions() {
        Expect.invalid(() -> PostId.parse(null), "id", "post_id.invalid", "Not a post id.");
        Expect.invalid(() -> new PostId(UUID.randomUUID()), "id", "post_id.invalid", "Not a post id.");
        assertThatThrownBy(() -> new PostId(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void createdAtKeepsTheTimestampsPrecisionAndWorksBefore1970() {
        Instant when = Instant.parse("1969-07-20T20:17:40.123Z");
        PostId id = new PostIdGenerator(Clock.fixed(when, ZoneOffset.UTC)).next();

        assertThat(id.createdAt()).isEqualTo(when);
        assertThat(id.timestamp()).isEqualTo(id.value().timestamp());
    }

    @Test
    void ordersByTimeThenByTheLowBitsAsSignedBytes() {
        UUID early = new UUID(PostIdGenerator.mostSignificantBits(1000), 0x8000_0000_0000_0000L);
        UUID late = new UUID(PostIdGenerator.mostSignificantBits(1001), 0x8000_0000_0000_0000L);
        assertThat(new PostId(early)).isLessThan(new PostId(late));

        long t = PostIdGenerator.mostSignificantBits(5000);
        // 0x80.. < 0xBF.. as signed bytes (-128 < -65); 0x..7F.. > 0x..80.. in a lower byte (127 > -128)
        assertThat(new PostId(new UUID(t, 0x8000_0000_0000_0000L))).isLessThan(new PostId(new UUID(t, 0xBF00_0000_0000_0000L)));
        assertThat(new PostId(new UUID(t, 0x807F_0000_0000_0000L))).isGreaterThan(new PostId(new UUID(t, 0x8080_0000_0000_0000L)));
        assertThat(new PostId(new UUID(t, 0x8000_0000_0000_00FFL))).isLessThan(new PostId(new UUID(t, 0x8000_0000_0000_0001L)));
        assertThat(new PostId(new UUID(t, 0x8012_3456_789A_BCDEL))).isEqualByComparingTo(new PostId(new UUID(t, 0x8012_3456_789A_BCDEL)));
    }
}

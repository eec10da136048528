package dev.postbox.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageRequestTest {
    private static final String OUT_OF_RANGE = "The page size must be between 1 and 100.";

    @Test
    void takesOneToAHundredAndAsksStoresForOneRowMore() {
        assertThat(new PageRequest(1).rowsToFetch()).isEqualTo(2);
        assertThat(PageRequest.MAX.size()).isEqualTo(100);
        assertThat(PageRequest.MAX.rowsToFetch()).isEqualTo(101);
        assertThat(PageRequest.DEFAULT.size()).isEqualTo(20);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101, 1000, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void refusesSizesOutOfBoundsAsInvalidLimit(int size) {
        Expect.invalid(() -> new PageRequest(size), "limit", "limit.out_of_range", OUT_OF_RANGE);
    }

    @Test
    void parsesTheLimitParameterWithTheDefaultWhenAbsent() {
        assertThat(PageRequest.parse(null)).isEqualTo(PageRequest.DEFAULT);
        assertThat(PageRequest.parse("")).isEqualTo(PageRequest.DEFAULT);
        assertThat(PageRequest.parse("7")).isEqualTo(new PageRequest(7));
        assertThat(PageRequest.parse("100")).isEqualTo(PageRequest.MAX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-3", "ten", "1.5", " 5", "99999999999", "0x10"})
    void refusesEveryOtherLimitText(String text) {
        Expect.invalid(() -> PageRequest.parse(text), "limit", "limit.out_of_range", OUT_OF_RANGE);
    }

    @Test
    void aLookAheadRowMakesACursorAtTheLastShownItem() {
        PageRequest three = new PageRequest(3);

        PageRequest.Cut<String, String> more = three.cut(List.of("a", "b", "c", "d"), s -> s.toUpperCase());
        PageRequest.Cut<String, String> exact = three.cut(List.of("a", "b", "c"), s -> s.toUpperCase());
        PageRequest.Cut<String, String> fewer = three.cut(List.of("a"), s -> s.toUpperCase());

        assertThat(more.items()).containsExactly("a", "b", "c");
        assertThat(more.next()).contains("C");
        assertThat(exact.items()).containsExactly("a", "b", "c");
        assertThat(exact.next()).isEmpty();
        assertThat(fewer.items()).containsExactly("a");
        assertThat(fewer.next()).isEmpty();
    }
}

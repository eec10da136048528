package dev.postbox.ports.service;

import dev.postbox.domain.InvalidInputException;
import dev.postbox.domain.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writing posts: content validated and normalised. */
class CreatePostServiceTest {
    private final TestCore core = new TestCore();

    @Test
    void contentIsValidatedAndNormalised() {
        User dave = core.register("dave");
        assertThatThrownBy(() -> core.post(dave, "   "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("content.required"));
        assertThat(core.post(dave, "  two\r\nlines  ").content().value()).isEqualTo("two\nlines");
    }
}

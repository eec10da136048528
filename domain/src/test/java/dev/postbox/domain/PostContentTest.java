package dev.postbox.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PostContentTest {
    @Test
    void trimsAndNormalisesLineBreaks() {
        assertThat(new PostContent("  hello\r\nworld\rthird\n  ").value()).isEqualTo("hello\nworld\nthird");
        assertThat(new PostContent("a\tb").value()).isEqualTo("a\tb");
        assertThat(new PostContent("x").toString()).isEqualTo("x");
    }

    @Test
    void requiresText() {
        for (String empty : new String[] {null, "", "   ", "\n\r\n\t", "\u2003"}) {
            Expect.invalid(() -> new PostContent(empty), "content", "content.required", "Write something first.");
        }
    }

    @Test
    void countsCodePointsNotChars() {
        String emoji = "😀".repeat(PostContent.MAX_LENGTH);
        assertThat(new PostContent(emoji).value()).hasSize(2 * PostContent.MAX_LENGTH);
        assertThat(new PostContent("  " + "a".repeat(PostContent.MAX_LENGTH) + "  ").value()).hasSize(PostContent.MAX_LENGTH);
        Expect.invalid(() -> new PostContent("😀".repeat(PostContent.MAX_LENGTH + 1)), "content", "content.too_long",
                "Posts are at most 10000 characters (this one has 10001).");
        Expect.invalid(() -> new PostContent("a".repeat(12_345)), "content", "content.too_long",
                "Posts are at most 10000 characters (this one has 12345).");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u0007b", "a\u001Bb", "a\u007Fb", "a\u0085b", "a\u009Fb", "a\u000Bb", "a\u000Cb"})
    void refusesControlCharactersButNewlineAndTab(String text) {
        Expect.invalid(() -> new PostContent(text), "content", "content.control_character",
                "Posts cannot contain control characters.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\uD800b", "a\uDC00b", "end\uD83D", "\uDE00start", "x\uDE00\uD83Dy"})
    void refusesUnpairedSurrogates(String text) {
        Expect.invalid(() -> new PostContent(text), "content", "content.invalid_text", "Posts must be valid Unicode text.");
    }

    @Test
    void keepsEmojiRightToLeftAndCombiningText() {
        String text = "👨‍👩‍👧 שלום مرحبا Zoë e\u0301 🇪🇺";
        assertThat(new PostContent(text).value()).isEqualTo(text);
    }
}

package dev.postbox.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

class PostContentPropertiesTest {
    /** Any valid text: printable code points of every plane, newlines and tabs, no lone surrogates. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Integer> printable = Arbitraries.integers().between(0x20, 0x10FFFF)
                .filter(cp -> !Character.isISOControl(cp) && !(cp >= 0xD800 && cp <= 0xDFFF));
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, printable),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between('a', 'z')),
                net.jqwik.api.Tuple.of(1, Arbitraries.of((int) '\n', (int) '\t', (int) ' ')));
        return codePoint.list().ofMinSize(1).ofMaxSize(300).map(PostContentPropertiesTest::fromCodePoints)
                .filter(s -> !s.strip().isEmpty());
    }

    private static String fromCodePoints(java.util.List<Integer> cps) {
        StringBuilder s = new StringBuilder();
        cps.forEach(s::appendCodePoint);
        return s.toString();
    }

    @Property(tries = 300)
    void validTextIsKeptExceptForSurroundingWhitespace(@ForAll("texts") String text) {
        PostContent content = new PostContent(text);

        assertThat(content.value()).isEqualTo(text.strip());
        assertThat(new PostContent(content.value())).isEqualTo(content);
    }

    @Property(tries = 200)
    void carriageReturnsBecomeNewlines(@ForAll("texts") String a, @ForAll("texts") String b) {
        assertThat(new PostContent(a + "\r\n" + b)).isEqualTo(new PostContent(a + "\n" + b));
        assertThat(new PostContent(a + "\r" + b).value()).doesNotContain("\r");
    }

    @Property(tries = 200)
    void anyOtherControlCharacterInsideIsRefused(@ForAll("texts") String text, @ForAll @IntRange(min = 0, max = 400) int at,
                                                @ForAll("controls") char control) {
        String inner = "x" + text + "x";
        int position = 1 + Math.min(at, inner.length() - 2);
        // do not split a surrogate pair: that would be refused for another reason
        if (Character.isLowSurrogate(inner.charAt(position))) {
            position++;
        }
        String spoiled = inner.substring(0, position) + control + inner.substring(position);

        Expect.invalid(() -> new PostContent(spoiled), "content", "content.control_character", "Posts cannot contain control characters.");
    }

    @Provide
    Arbitrary<Character> controls() {
        return Arbitraries.chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r');
    }

    @Property(tries = 50)
    void lengthIsCountedInCodePoints(@ForAll @IntRange(min = 1, max = 10_000) int length, @ForAll boolean emoji) {
        String unit = emoji ? "😀" : "é";
        assertThat(new PostContent(unit.repeat(length)).value().codePointCount(0, unit.length() * length)).isEqualTo(length);
        String tooLong = unit.repeat(PostContent.MAX_LENGTH + length);

        Expect.invalid(() -> new PostContent(tooLong), "content", "content.too_long",
                "Posts are at most 10000 characters (this one has " + (PostContent.MAX_LENGTH + length) + ").");
    }
}

package dev.postbox.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.text.Normalizer;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class UsernamePropertiesTest {
    private static final String ASCII_ALLOWED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@.+-_";

    @Provide
    Arbitrary<String> asciiNames() {
        return Arbitraries.strings().withChars(ASCII_ALLOWED.toCharArray()).ofMinLength(1).ofMaxLength(Username.MAX_LENGTH);
    }

    /** Letters and digits of any script, as code points (NFKC may still change them). */
    @Provide
    Arbitrary<String> unicodeNames() {
        Arbitrary<Integer> letterOrDigit = Arbitraries.integers().between(0x20, 0x3FFFF)
                .filter(cp -> Character.isLetterOrDigit(cp) || "@.+-_".indexOf(cp) >= 0);
        return letterOrDigit.list().ofMinSize(1).ofMaxSize(40)
                .map(cps -> cps.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
    }

    @Property(tries = 300)
    void djangosAsciiCharactersUpTo150AreAcceptedUnchanged(@ForAll("asciiNames") String name) {
        Username username = new Username(name);

        assertThat(username.value()).isEqualTo(name);
        assertThat(username.canonical()).isEqualTo(name.toLowerCase(Locale.ROOT));
    }

    @Property(tries = 300)
    void upperAndLowerCaseSpellingsAreTheSameUser(@ForAll("asciiNames") String name) {
        Username upper = new Username(name.toUpperCase(Locale.ROOT));
        Username lower = new Username(name.toLowerCase(Locale.ROOT));

        assertThat(upper.sameAs(lower)).isTrue();
        assertThat(upper.compareTo(lower)).isZero();
        assertThat(upper.canonical()).isEqualTo(lower.canonical());
    }

    @Property(tries = 300)
    void anyCharacterOutsideTheRulesIsRefused(@ForAll("asciiNames") String name, @ForAll @IntRange(min = 0, max = 150) int at,
                                              @ForAll("forbidden") String bad) {
        int position = Math.min(at, name.length());
        String spoiled = name.substring(0, position) + bad + name.substring(position);

        Expect.invalid(() -> new Username(spoiled), "username",
                spoiled.codePointCount(0, spoiled.length()) > Username.MAX_LENGTH ? "username.too_long" : "username.invalid",
                spoiled.codePointCount(0, spoiled.length()) > Username.MAX_LENGTH
                        ? "Usernames are at most 150 characters."
                        : "Usernames may contain only letters, digits and @ . + - _ characters.");
    }

    @Provide
    Arbitrary<String> forbidden() {
        return Arbitraries.oneOf(
                Arbitraries.of(" ", "\t", "\n", "\u0000", "/", "\\", "#", "!", "?", "%", "&", "*", "'", "\"", "<", ">", "=",
                        ",", ";", ":", "~", "`", "(", ")", "[", "]", "{", "}", "|", "^", "$", "😀", "\u200B", "\u00A0"),
                // general punctuation, minus what NFKC turns into an allowed character (U+2024 becomes '.')
                Arbitraries.chars().range('\u2000', '\u206F').map(String::valueOf)
                        .filter(c -> !Normalizer.normalize(c, Normalizer.Form.NFKC).codePoints()
                                .allMatch(cp -> Character.isLetterOrDigit(cp) || "@.+-_".indexOf(cp) >= 0)));
    }

    @Property(tries = 200)
    void longerThan150IsRefused(@ForAll("asciiNames") String name, @ForAll @IntRange(min = 1, max = 300) int extra) {
        String tooLong = name + "x".repeat(Username.MAX_LENGTH - name.length() + extra);

        Expect.invalid(() -> new Username(tooLong), "username", "username.too_long", "Usernames are at most 150 characters.");
    }

    @Property(tries = 300)
    void lettersAndDigitsOfAnyScriptAreAcceptedUnlessNormalisationBreaksThem(@ForAll("unicodeNames") String name) {
        Username username;
        try {
            username = new Username(name);
        } catch (InvalidInputException e) {
            // only NFKC can turn letters into something else (e.g. U+FDFA expands to words with spaces)
            assertThat(e.code()).isIn("username.invalid", "username.too_long");
            assertThat(Normalizer.normalize(name, Normalizer.Form.NFKC)).isNotEqualTo(name);
            return;
        }

        assertThat(new Username(username.value())).isEqualTo(username);
        assertThat(username.value().codePoints().allMatch(cp -> Character.isLetterOrDigit(cp) || "@.+-_".indexOf(cp) >= 0)).isTrue();
    }
}

package dev.postbox.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UsernameTest {
    private static final String INVALID = "Usernames may contain only letters, digits and @ . + - _ characters.";

    @ParameterizedTest
    @ValueSource(strings = {"a", "alice", "Alice_Smith", "a.b+c-d@e", "user@example.org", "123", "_", "Zoë", "Ørsted",
            "Ελένη", "Дмитрий", "李小龍", "שלום", "محمد", "٣٤٥"})
    void acceptsDjangosCharacters(String name) {
        assertThat(new Username(name).value()).isEqualTo(name);
    }

    @Test
    void acceptsExactly150CodePoints() {
        assertThat(new Username("a".repeat(150)).value()).hasSize(150);
        String supplementary = new String(Character.toChars(0x20000)).repeat(150);
        assertThat(new Username(supplementary).value()).isEqualTo(supplementary);
    }

    @Test
    void refusesMoreThan150CodePoints() {
        Expect.invalid(() -> new Username("a".repeat(151)), "username", "username.too_long", "Usernames are at most 150 characters.");
    }

    @Test
    void refusesEmptyAndNull() {
        Expect.invalid(() -> new Username(""), "username", "username.required", "Enter a username.");
        Expect.invalid(() -> new Username(null), "username", "username.required", "Enter a username.");
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "alice smith", " alice", "alice ", "a/b", "a#b", "a!b", "a$b", "a%b", "a*b", "a'b", "a\"b",
            "a<b>", "a\tb", "a\nb", "a\u0000b", "😀", "a\u200Bb", "a,b", "a:b", "a;b", "a=b", "a?b", "a\\b", "a~b"})
    void refusesOtherCharacters(String name) {
        Expect.invalid(() -> new Username(name), "username", "username.invalid", INVALID);
    }

    @Test
    void isNfkcNormalisedAsDjangoDoes() {
        // fullwidth letters, a ligature and a decomposed accent become their plain forms
        assertThat(new Username("ＡＢＣ").value()).isEqualTo("ABC");
        assertThat(new Username("ﬁsh").value()).isEqualTo("fish");
        assertThat(new Username("Zoe\u0308").value()).isEqualTo("Zoë");
        assertThat(new Username("ＡＢＣ")).isEqualTo(new Username("ABC"));
    }

    @Test
    void lengthIsCheckedAfterNormalisation() {
        // U+FDFA is one code point that NFKC expands to 18 letters and spaces
        Expect.invalid(() -> new Username("\uFDFA"), "username", "username.invalid", INVALID);
        // 150 fullwidth letters stay 150 letters
        assertThat(new Username("Ａ".repeat(150)).value()).isEqualTo("A".repeat(150));
    }

    @Test
    void tryParseIsEmptyForWhatTheConstructorRefuses() {
        assertThat(Username.tryParse("Ann.b")).contains(new Username("Ann.b"));
        assertThat(Username.tryParse("no spaces")).isEmpty();
        assertThat(Username.tryParse("")).isEmpty();
        assertThat(Username.tryParse(null)).isEmpty();
    }

    @Test
    void canonicalFormIsLowerCaseAndDecidesSameness() {
        Username mixed = new Username("Alice.Smith");

        assertThat(mixed.canonical()).isEqualTo("alice.smith");
        assertThat(mixed.sameAs(new Username("ALICE.SMITH"))).isTrue();
        assertThat(mixed.sameAs(new Username("alice.smyth"))).isFalse();
        assertThat(mixed).isNotEqualTo(new Username("alice.smith"));
        assertThat(mixed.compareTo(new Username("ALICE.smith"))).isZero();
        assertThat(new Username("Bob").compareTo(new Username("alice"))).isPositive();
        assertThat(new Username("ΣΩΚΡΑΤΗΣ").sameAs(new Username("σωκρατης"))).isTrue();
        assertThat(new Username("ÄÖÜ").canonical()).isEqualTo("äöü");
        assertThat(mixed.toString()).isEqualTo("Alice.Smith");
    }
}

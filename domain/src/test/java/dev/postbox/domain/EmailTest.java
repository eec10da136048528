package dev.postbox.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmailTest {
    @Test
    void lowerCasesTheDomainOnlyAndTrims() {
        assertThat(new Email("  John.Doe+tag@Example.COM ").value()).isEqualTo("John.Doe+tag@example.com");
        assertThat(new Email("jörg@müller.de").value()).isEqualTo("jörg@müller.de");
        assertThat(new Email("a@b.co").toString()).isEqualTo("a@b.co");
        assertThat(new Email("x@EXAMPLE.org")).isEqualTo(new Email("x@example.org"));
    }

    @Test
    void requiresAValue() {
        for (String blank : new String[] {null, "", "   ", "\t"}) {
            Expect.invalid(() -> new Email(blank), "email", "email.required", "Enter an e-mail address.");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "@example.org", "user@", "user@example", "user@.example.org", "user@example.org.",
            "us er@example.org", "user@exa mple.org", "user\u0000@example.org", "user@example\u0007.org"})
    void refusesWhatIsNoAddress(String text) {
        Expect.invalid(() -> new Email(text), "email", "email.invalid", "Enter a valid e-mail address.");
    }

    @Test
    void allowsAtMost254Characters() {
        String domain = "@example.org";
        String longest = "a".repeat(Email.MAX_LENGTH - domain.length()) + domain;
        assertThat(new Email(longest).value()).hasSize(254);
        Expect.invalid(() -> new Email("a" + longest), "email", "email.too_long", "E-mail addresses are at most 254 characters.");
    }
}

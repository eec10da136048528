package dev.postbox.adapter.cassandra;

import dev.postbox.domain.PostContent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed rows may break today's content rules; reading them must not fail a whole page. */
class StoredContentTest {

    @Test
    void validContentIsKeptExactly() {
        assertThat(CassandraPostRepository.content("a\tb\nc \uD83D\uDE00")).isEqualTo(new PostContent("a\tb\nc \uD83D\uDE00"));
    }

    @Test
    void brokenSeedContentIsMended() {
        assertThat(CassandraPostRepository.content(null).value()).isEqualTo("\uFFFD");
        assertThat(CassandraPostRepository.content("   ").value()).isEqualTo("\uFFFD");
        assertThat(CassandraPostRepository.content("bell\u0007 nul\u0000 del\u007F").value()).isEqualTo("bell nul del");
        assertThat(CassandraPostRepository.content("lone \uD800 surrogate").value()).isEqualTo("lone \uFFFD surrogate");
        String tooLong = "\uD83D\uDE00".repeat(PostContent.MAX_LENGTH + 5);
        PostContent cut = CassandraPostRepository.content(tooLong);
        assertThat(cut.value().codePointCount(0, cut.value().length())).isEqualTo(PostContent.MAX_LENGTH);
    }
}

package dev.postbox.adapter.cassandra;

import dev.postbox.domain.PageRequest;
import dev.postbox.domain.Post;
import dev.postbox.domain.PostContent;
import dev.postbox.domain.PostIdGenerator;
import dev.postbox.domain.Username;
import dev.postbox.ports.out.PostRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Contents that break naive string-built CQL or lossy encodings come back exactly. */
@ExtendWith(SingleNodeCassandra.class)
class ContentRoundTripIT {
    private static PostRepository posts;
    private final PostIdGenerator ids = PostIdGenerator.systemUtc();

    @BeforeAll
    static void connect(CassandraStorage storage) {
        posts = storage.posts();
    }

    static Stream<String> contents() {
        return Stream.of(
                "it's \"quoted\" and 'single-quoted' ''doubled''",
                "$$ dollar-quoted $$ string $$",
                "'); DROP KEYSPACE posts_db; --",
                "SELECT * FROM posts_db.posts WHERE username = 'x' ALLOW FILTERING; BEGIN BATCH APPLY BATCH",
                "INSERT INTO posts IF NOT EXISTS USING TTL 1 -- /* comment */ ;",
                "tab\there\tand\nnew\nlines\n\n\tindented",
                "4-byte: \uD834\uDD1E \uD83D\uDE00 \uD840\uDC00 \uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08",
                "zero width\u200B joiner\u200D bom\uFEFF rtl\u202Eoverride\u202C line\u2028sep para\u2029sep",
                "combining e\u0301 vs \u00E9, replacement \uFFFD, private use \uE000, max BMP \uFFFD",
                "backslash \\ \\n \\u0000 not an escape, percent %s %n, braces {} ${keyspace}",
                "x".repeat(PostContent.MAX_LENGTH),
                "\uD83D\uDE00".repeat(PostContent.MAX_LENGTH),
                "\u00E9\u4E2D\uD834\uDD1E".repeat(PostContent.MAX_LENGTH / 3) + "z");
    }

    @ParameterizedTest
    @MethodSource("contents")
    void roundTripsExactly(String text) {
        PostContent content = new PostContent(text);
        Username author = new Username("rt" + UUID.randomUUID().toString().substring(0, 8));
        Post post = new Post(author, ids.next(), content);

        posts.insert(post);

        Post found = posts.find(author, post.id()).orElseThrow();
        assertThat(found.content().value()).isEqualTo(text);
        assertThat(found.content().value().getBytes(StandardCharsets.UTF_8)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        assertThat(posts.listByAuthor(author, Optional.empty(), new PageRequest(1)).posts()).containsExactly(post);
    }
}

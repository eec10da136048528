package dev.postbox.adapter.cassandra;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.postbox.domain.PageRequest;
import dev.postbox.domain.Post;
import dev.postbox.domain.PostContent;
import dev.postbox.domain.PostId;
import dev.postbox.domain.PostIdGenerator;
import dev.postbox.domain.Username;
import dev.postbox.ports.out.PostRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What only Cassandra can show (the port contract runs in {@link CassandraPostRepositoryContractIT}). */
@ExtendWith(SingleNodeCassandra.class)
class CassandraPostRepositoryIT {
    private static CassandraStorage storage;
    private static PostRepository posts;
    private final PostIdGenerator ids = PostIdGenerator.systemUtc();

    @BeforeAll
    static void connect(CassandraStorage shared) {
        storage = shared;
        posts = shared.posts();
    }

    private static Username author() {
        return new Username("u" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    private Post post(Username author, String text) {
        return new Post(author, ids.next(), new PostContent(text));
    }

    @Test
    void creationTimeIsTheOneCassandraReadsFromTheTimeuuid() {
        Post post = post(author(), "when?");
        posts.insert(post);
        Row row = storage.session().execute(SimpleStatement.newInstance(
                "SELECT toTimestamp(creation) FROM posts_db.posts WHERE username = ? AND creation = ?",
                post.author().value(), post.id().value())).one();
        Instant cassandras = row.getInstant(0);
        assertThat(cassandras).isEqualTo(post.createdAt().truncatedTo(ChronoUnit.MILLIS));
        assertThat(posts.find(post.author(), post.id()).orElseThrow().createdAt()).isEqualTo(post.createdAt());
    }

    @Test
    void orderForEqualTimestampsIsCassandrasAndMatchesPostIdOrder() {
        // same timestamp, low halves that differ in sign per byte: Cassandra compares them as
        // signed bytes, which PostId.compareTo mimics for the in-memory store
        Username author = author();
        PostId base = ids.next();
        long msb = base.value().getMostSignificantBits();
        long[] lows = {0x8000_0000_0000_0001L, 0x80FF_0000_0000_0001L, 0x807F_0000_0000_0001L,
                0xBF80_0000_0000_0001L, 0x8001_8000_0000_0001L, 0x8001_7F00_0000_0001L};
        List<Post> written = new ArrayList<>();
        for (long low : lows) {
            Post p = new Post(author, new PostId(new UUID(msb, low)), new PostContent("low " + Long.toHexString(low)));
            posts.insert(p);
            written.add(p);
        }
        List<Post> expected = written.stream().sorted(Comparator.comparing(Post::id).reversed()).toList();

        assertThat(posts.listByAuthor(author, Optional.empty(), PageRequest.MAX).posts()).containsExactlyElementsOf(expected);
        assertThat(posts.listByAuthor(author, Optional.of(expected.get(2).id()), PageRequest.MAX).posts())
                .containsExactlyElementsOf(expected.subList(3, expected.size()));
    }
}

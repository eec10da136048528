package dev.postbox.adapter.cassandra;

import dev.postbox.domain.PageRequest;
import dev.postbox.domain.Post;
import dev.postbox.domain.PostContent;
import dev.postbox.domain.PostId;
import dev.postbox.domain.PostIdGenerator;
import dev.postbox.domain.PostPage;
import dev.postbox.domain.Username;
import dev.postbox.ports.out.PostRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(SingleNodeCassandra.class)
class PagingIT {
    private static final int POSTS = 5_000;
    private static final int PAGE = 100;

    @Test
    void fiveThousandPostsInPagesOfAHundredComeEachOnceNewestFirst(CassandraStorage storage) throws Exception {
        PostRepository posts = storage.posts();
        Username author = new Username("pager" + UUID.randomUUID().toString().substring(0, 8));
        PostIdGenerator ids = PostIdGenerator.systemUtc();
        List<Post> written = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            written.add(new Post(author, ids.next(), new PostContent("post number " + i)));
        }
        Instant start = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Post p : written) {
                done.add(pool.submit(() -> posts.insert(p)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        TestNodes.record("paging: 5,000 inserts (16 threads)", start);

        Instant read = Instant.now();
        List<Post> seen = new ArrayList<>();
        Optional<PostId> cursor = Optional.empty();
        int pages = 0;
        do {
            PostPage page = posts.listByAuthor(author, cursor, new PageRequest(PAGE));
            pages++;
            assertThat(page.posts()).hasSize(PAGE);
            seen.addAll(page.posts());
            cursor = page.olderThan();
        } while (cursor.isPresent() && pages < 2 * POSTS / PAGE);
        TestNodes.record("paging: 50 page reads of 100", read);

        assertThat(pages).isEqualTo(POSTS / PAGE);
        Set<PostId> unique = new HashSet<>();
        seen.forEach(p -> unique.add(p.id()));
        assertThat(unique).hasSize(POSTS);
        assertThat(seen).containsExactlyElementsOf(reversed(written));
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}

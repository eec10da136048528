package dev.postbox.ports.contract;

import dev.postbox.domain.PageRequest;
import dev.postbox.domain.Post;
import dev.postbox.domain.PostContent;
import dev.postbox.domain.PostId;
import dev.postbox.domain.PostPage;
import dev.postbox.domain.PostIdGenerator;
import dev.postbox.domain.Username;
import dev.postbox.ports.out.PostRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;

import static dev.postbox.ports.contract.Fixtures.THREADS;
import static dev.postbox.ports.contract.Fixtures.concurrently;
import static dev.postbox.ports.contract.Fixtures.now;
import static dev.postbox.ports.contract.Fixtures.random;
import static dev.postbox.ports.contract.Fixtures.username;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link PostRepository} must do. Extend it and return the repository under test;
 * it may be one shared instance over a store that already holds data, since every test writes
 * under fresh random authors. Order is {@link PostId#compareTo}, newest first; a page holds at
 * most its {@link PageRequest#size()} and points at the next one exactly when an older post exists.
 */
public abstract class PostRepositoryContract {
    private static final Comparator<Post> NEWEST_FIRST = Comparator.comparing(Post::id).reversed();

    private PostRepository posts;

    /** The repository under test; called before every test. */
    protected abstract PostRepository repository();

    @BeforeEach
    void obtainRepository() {
        posts = repository();
    }

    private static PostIdGenerator frozenAt(Instant instant) {
        return new PostIdGenerator(Clock.fixed(instant, ZoneOffset.UTC));
    }

    private static Post post(Username author, PostIdGenerator ids, String text) {
        return new Post(author, ids.next(), new PostContent(text));
    }

    private List<Post> list(Username author, Optional<PostId> olderThan, int pageSize) {
        return posts.listByAuthor(author, olderThan, new PageRequest(pageSize)).posts();
    }

    /** Every post of the author, page by page, checking each page's size and cursor. */
    private List<Post> readAll(Username author, int pageSize) {
        List<Post> all = new ArrayList<>();
        Optional<PostId> cursor = Optional.empty();
        for (int pages = 0; pages < 10_000; pages++) {
            PostPage page = posts.listByAuthor(author, cursor, new PageRequest(pageSize));
            assertThat(page.posts()).hasSizeLessThanOrEqualTo(pageSize);
            all.addAll(page.posts());
            if (page.olderThan().isEmpty()) {
                return all;
            }
            assertThat(page.posts()).hasSize(pageSize);
            assertThat(page.olderThan()).contains(page.posts().get(pageSize - 1).id());
            cursor = page.olderThan();
        }
        throw new AssertionError("paging did not end");
    }

    /** Posts made in order by one generator, newest first (List.reversed() is Java 21). */
    private static List<Post> newestFirst(List<Post> inCreationOrder) {
        List<Post> copy = new ArrayList<>(inCreationOrder);
        Collections.reverse(copy);
        return copy;
    }

    @Test
    void insertedPostsAreFoundWithTheirTimeAndText() {
        Username author = username("find");
        Instant when = now().minusSeconds(42);
        Post post = post(author, frozenAt(when), "Hello, world!\nSecond line\twith a tab.");

        posts.insert(post);

        assertThat(posts.find(author, post.id())).contains(post);
        assertThat(posts.find(author, post.id()).orElseThrow().createdAt()).isEqualTo(when);
        assertThat(list(author, Optional.empty(), 10)).containsExactly(post);
    }

    @Test
    void unknownPostsAndAuthorsAreNotFound() {
        Username author = username("none");
        Post post = post(author, PostIdGenerator.systemUtc(), "only one");
        posts.insert(post);
        PostId missing = PostIdGenerator.systemUtc().next();

        assertThat(posts.find(author, missing)).isEmpty();
        assertThat(posts.find(username("stranger"), post.id())).isEmpty();
        assertThat(list(username("nobody"), Optional.empty(), 10)).isEmpty();
        assertThat(posts.delete(author, missing)).isFalse();
        assertThat(posts.delete(username("stranger"), post.id())).isFalse();
        assertThat(posts.find(author, post.id())).contains(post);
    }

    @Test
    void postsAreListedNewestFirstWhateverTheInsertOrder() {
        Username author = username("order");
        Instant base = now().minus(Duration.ofDays(3));
        List<Post> made = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            made.add(post(author, frozenAt(base.plus(Duration.ofMinutes(37L * ((i * 7) % 30)))), "post " + i));
        }
        List<Post> shuffled = new ArrayList<>(made);
        Collections.shuffle(shuffled, new Random(7));
        shuffled.forEach(posts::insert);

        List<Post> listed = list(author, Optional.empty(), 100);

        assertThat(listed).containsExactlyElementsOf(made.stream().sorted(NEWEST_FIRST).toList());
        assertThat(listed.get(0).createdAt()).isAfter(listed.get(listed.size() - 1).createdAt());
    }

    @Test
    void cursorPagingOverManyPostsOfOneMillisecondHasNoGapAndNoDuplicate() {
        Username author = username("page");
        PostIdGenerator ids = frozenAt(now());
        List<Post> made = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            made.add(post(author, ids, "same millisecond #" + i));
        }
        List<Post> shuffled = new ArrayList<>(made);
        Collections.shuffle(shuffled, new Random(11));
        shuffled.forEach(posts::insert);

        for (int pageSize : new int[] {1, 7, PageRequest.MAX_SIZE}) {
            List<Post> all = readAll(author, pageSize);
            assertThat(all).as("page size " + pageSize).containsExactlyElementsOf(newestFirst(made));
        }
    }

    @Test
    void idsWithEqualTimestampsFromDifferentGeneratorsSortLikePostIdCompareTo() {
        // Several processes can make ids in the same 100-ns tick; then the low bits decide, as Cassandra compares them.
        Username author = username("tie");
        Instant instant = now().minusSeconds(5);
        List<Post> made = new ArrayList<>();
        for (int g = 0; g < 6; g++) {
            PostIdGenerator ids = frozenAt(instant);
            for (int i = 0; i < 8; i++) {
                made.add(post(author, ids, "generator " + g + " post " + i));
            }
        }
        made.forEach(posts::insert);
        List<Post> expected = made.stream().sorted(NEWEST_FIRST).toList();

        assertThat(list(author, Optional.empty(), 100)).containsExactlyElementsOf(expected);
        assertThat(readAll(author, 5)).containsExactlyElementsOf(expected);
    }

    @Test
    void theCursorNeedNotBeAStoredPost() {
        Username author = username("gap");
        Instant base = now().minus(Duration.ofHours(1));
        Post oldest = post(author, frozenAt(base), "oldest");
        Post middle = post(author, frozenAt(base.plusSeconds(10)), "middle");
        Post newest = post(author, frozenAt(base.plusSeconds(20)), "newest");
        List.of(oldest, middle, newest).forEach(posts::insert);
        PostId between = frozenAt(base.plusSeconds(15)).next();

        assertThat(list(author, Optional.of(between), 10)).containsExactly(middle, oldest);
        assertThat(list(author, Optional.of(middle.id()), 10)).containsExactly(oldest);
        assertThat(list(author, Optional.of(oldest.id()), 10)).isEmpty();
        assertThat(list(author, Optional.of(frozenAt(base.plusSeconds(99)).next()), 2)).containsExactly(newest, middle);
    }

    @Test
    void aPageHoldsItsSizeAndPointsAtTheNextExactlyWhenThereIsOne() {
        Username author = username("limit");
        PostIdGenerator ids = frozenAt(now());
        List<Post> made = new ArrayList<>();
        for (int i = 0; i < PageRequest.MAX_SIZE + 20; i++) {
            made.add(post(author, ids, "p" + i));
        }
        made.forEach(posts::insert);
        List<Post> expected = newestFirst(made);

        PostPage one = posts.listByAuthor(author, Optional.empty(), new PageRequest(1));
        assertThat(one.posts()).containsExactly(expected.get(0));
        assertThat(one.olderThan()).contains(expected.get(0).id());

        PostPage full = posts.listByAuthor(author, Optional.empty(), PageRequest.MAX);
        assertThat(full.posts()).containsExactlyElementsOf(expected.subList(0, PageRequest.MAX_SIZE));
        assertThat(full.olderThan()).contains(expected.get(PageRequest.MAX_SIZE - 1).id());

        // exactly as many older posts as the page holds: no look-ahead row, so no cursor
        PostPage last = posts.listByAuthor(author, full.olderThan(), new PageRequest(20));
        assertThat(last.posts()).containsExactlyElementsOf(expected.subList(PageRequest.MAX_SIZE, expected.size()));
        assertThat(last.olderThan()).isEmpty();
    }

    @Test
    void deleteRemovesThePostOnceAndOnlyIt() {
        Username author = username("del");
        PostIdGenerator ids = PostIdGenerator.systemUtc();
        Post gone = post(author, ids, "delete me");
        Post kept = post(author, ids, "keep me");
        posts.insert(gone);
        posts.insert(kept);

        assertThat(posts.delete(author, gone.id())).isTrue();

        assertThat(posts.find(author, gone.id())).isEmpty();
        assertThat(list(author, Optional.empty(), 10)).containsExactly(kept);
        assertThat(posts.delete(author, gone.id())).isFalse();
    }

    @Test
    void insertingTheSamePostAgainChangesNothing() {
        Username author = username("idem");
        Post post = post(author, PostIdGenerator.systemUtc(), "retried write");

        posts.insert(post);
        posts.insert(post);

        assertThat(list(author, Optional.empty(), 10)).containsExactly(post);
    }

    @Test
    void aPostOfOneAuthorNeverAppearsInAnothersList() {
        // authors are the usernames exactly as stored; names that differ only in case are different partitions
        String token = random();
        Username lower = new Username("case" + token);
        Username upper = new Username("CASE" + token.toUpperCase(Locale.ROOT));
        Username other = username("other");
        PostIdGenerator ids = frozenAt(now());
        Post byLower = post(lower, ids, "lower");
        Post byUpper = post(upper, ids, "upper");
        Post byOther = post(other, ids, "other");
        List.of(byLower, byUpper, byOther).forEach(posts::insert);

        assertThat(list(lower, Optional.empty(), 10)).containsExactly(byLower);
        assertThat(list(upper, Optional.empty(), 10)).containsExactly(byUpper);
        assertThat(list(other, Optional.empty(), 10)).containsExactly(byOther);
        assertThat(posts.find(lower, byUpper.id())).isEmpty();
        assertThat(posts.delete(lower, byUpper.id())).isFalse();
        assertThat(posts.find(upper, byUpper.id())).contains(byUpper);
    }

    @Test
    void unicodeContentRoundTripsExactly() {
        Username author = new Username("Ünïcødé_" + random() + "_שלום");
        PostIdGenerator ids = PostIdGenerator.systemUtc();
        String emoji = "Thumbs 👍🏽, family 👨‍👩‍👧‍👦, flag 🇪🇺, 𝄞 music";
        String rightToLeft = "שלום עולם — مرحبا بالعالم (mixed with LTR 123)";
        String mixed = "Zürich, Ελλάδα, Україна, 日本語, 한국어, हिन्दी\nline two\twith tab";
        StringBuilder longest = new StringBuilder();
        while (longest.codePointCount(0, longest.length()) < PostContent.MAX_LENGTH - 1) {
            longest.append("😀");
        }
        longest.append("é");
        List<Post> made = new ArrayList<>();
        for (String text : List.of(emoji, rightToLeft, mixed, longest.toString())) {
            made.add(post(author, ids, text));
        }
        assertThat(made.get(3).content().value().codePointCount(0, made.get(3).content().value().length()))
                .isEqualTo(PostContent.MAX_LENGTH);

        made.forEach(posts::insert);

        for (Post post : made) {
            assertThat(posts.find(author, post.id()).orElseThrow().content().value()).isEqualTo(post.content().value());
        }
        assertThat(list(author, Optional.empty(), 10)).containsExactlyElementsOf(newestFirst(made));
    }

    @Test
    void oldAndFuturePostIdsKeepTheirTime() {
        Username author = username("time");
        Instant old = Instant.parse("2009-06-01T12:34:56.789Z");
        Instant future = Instant.parse("2099-12-31T23:59:59.999Z");
        Post early = post(author, frozenAt(old), "from 2009");
        Post late = post(author, frozenAt(future), "from 2099");
        posts.insert(early);
        posts.insert(late);

        assertThat(list(author, Optional.empty(), 10)).containsExactly(late, early);
        assertThat(posts.find(author, early.id()).orElseThrow().createdAt()).isEqualTo(old);
        assertThat(posts.find(author, late.id()).orElseThrow().createdAt()).isEqualTo(future);
    }

    @Test
    void sixteenThreadsInsertingAtOnceLoseNothing() throws InterruptedException {
        Username shared = username("busy");
        PostIdGenerator ids = PostIdGenerator.systemUtc();
        List<Callable<List<Post>>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            tasks.add(() -> {
                List<Post> mine = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    Post post = post(shared, ids, "thread " + thread + " post " + i);
                    posts.insert(post);
                    mine.add(post);
                }
                return mine;
            });
        }

        List<Fixtures.Outcome<List<Post>>> outcomes = concurrently(tasks);

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        List<Post> made = outcomes.stream().flatMap(o -> o.value().stream()).sorted(NEWEST_FIRST).toList();
        Set<PostId> distinct = new HashSet<>();
        made.forEach(p -> distinct.add(p.id()));
        assertThat(distinct).hasSize(THREADS * 20);
        assertThat(readAll(shared, 100)).containsExactlyElementsOf(made);
    }
}

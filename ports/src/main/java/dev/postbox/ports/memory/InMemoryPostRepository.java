package dev.postbox.ports.memory;

import dev.postbox.domain.PageRequest;
import dev.postbox.domain.Post;
import dev.postbox.domain.PostId;
import dev.postbox.domain.PostPage;
import dev.postbox.domain.Username;
import dev.postbox.ports.out.PostRepository;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Posts in memory, laid out like the Cassandra table: one partition per author (the username
 * exactly as written, so case matters), rows sorted newest first by {@link PostId#compareTo},
 * which is Cassandra's timeuuid order. Values are immutable {@link Post} records.
 */
public final class InMemoryPostRepository implements PostRepository {
    private final Map<String, ConcurrentSkipListMap<PostId, Post>> byAuthor = new ConcurrentHashMap<>();

    @Override
    public void insert(Post post) {
        Objects.requireNonNull(post, "post");
        // an upsert, as in Cassandra: the same post again is a no-op
        byAuthor.computeIfAbsent(post.author().value(), author -> new ConcurrentSkipListMap<>(Collections.reverseOrder()))
                .put(post.id(), post);
    }

    @Override
    public PostPage listByAuthor(Username author, Optional<PostId> olderThan, PageRequest page) {
        Objects.requireNonNull(olderThan, "olderThan");
        Objects.requireNonNull(page, "page");
        NavigableMap<PostId, Post> posts = byAuthor.get(author.value());
        if (posts == null) {
            return PostPage.of(List.of(), page);
        }
        NavigableMap<PostId, Post> older = olderThan.isPresent() ? posts.tailMap(olderThan.get(), false) : posts;
        List<Post> rows = new ArrayList<>(Math.min(page.rowsToFetch(), 16));
        for (Post post : older.values()) {
            if (rows.size() == page.rowsToFetch()) {
                break;
            }
            rows.add(post);
        }
        return PostPage.of(rows, page);
    }

    @Override
    public Optional<Post> find(Username author, PostId id) {
        NavigableMap<PostId, Post> posts = byAuthor.get(author.value());
        return posts == null ? Optional.empty() : Optional.ofNullable(posts.get(id));
    }

    @Override
    public boolean delete(Username author, PostId id) {
        NavigableMap<PostId, Post> posts = byAuthor.get(author.value());
        return posts != null && posts.remove(id) != null;
    }
}

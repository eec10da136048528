package dev.postbox.ports.out;

import dev.postbox.domain.Post;
import dev.postbox.domain.PostId;
import dev.postbox.domain.Username;

import java.util.List;
import java.util.Optional;

/**
 * Where posts live, partitioned by author (the username exactly as stored on the user) and
 * ordered by their time-based id. May throw {@link dev.postbox.domain.StoreUnavailableException}.
 */
public interface PostRepository {
    /** Stores a post. Idempotent: inserting the same post again changes nothing, so retries are safe. */
    void insert(Post post);

    /**
     * The author's posts newest first, strictly older than {@code olderThan} when given, at most
     * {@code limit}: 1 to 101 (a page of 100 plus the one look-ahead row the post service asks
     * for), otherwise {@link IllegalArgumentException}.
     */
    List<Post> listByAuthor(Username author, Optional<PostId> olderThan, int limit);

    Optional<Post> find(Username author, PostId id);

    /** @return true when a post was deleted (false when there was none; still idempotent) */
    boolean delete(Username author, PostId id);
}

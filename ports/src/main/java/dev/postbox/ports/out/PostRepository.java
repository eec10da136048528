package dev.postbox.ports.out;

import dev.postbox.domain.PageRequest;
import dev.postbox.domain.Post;
import dev.postbox.domain.PostId;
import dev.postbox.domain.PostPage;
import dev.postbox.domain.Username;

import java.util.Optional;

/**
 * Where posts live, by author (the username exactly as stored on the user, so letter case
 * matters here) and ordered by their time-based id. May throw {@link dev.postbox.domain.StoreUnavailableException}.
 */
public interface PostRepository {
    /** Stores a post. Idempotent: inserting the same post again changes nothing, so retries are safe. */
    void insert(Post post);

    /**
     * One page of the author's posts, newest first ({@link PostId}'s order), strictly older than
     * {@code olderThan} when given: at most {@code page.size()} posts, and the cursor set exactly
     * when an older post exists. Read {@link PageRequest#rowsToFetch()} rows and cut them with
     * {@link PostPage#of}, so every store pages alike.
     */
    PostPage listByAuthor(Username author, Optional<PostId> olderThan, PageRequest page);

    Optional<Post> find(Username author, PostId id);

    /** @return true when a post was deleted (false when there was none; still idempotent) */
    boolean delete(Username author, PostId id);
}

package dev.postbox.domain;

import java.util.List;
import java.util.Optional;

/**
 * One page of an author's posts, newest first.
 *
 * @param olderThan the cursor for the next (older) page, when there may be one
 */
public record PostPage(List<Post> posts, Optional<PostId> olderThan) {
    public PostPage {
        posts = List.copyOf(posts);
        olderThan = olderThan == null ? Optional.empty() : olderThan;
    }

    /** The page of posts a store read with {@link PageRequest#rowsToFetch()} rows, newest first. */
    public static PostPage of(List<Post> rows, PageRequest page) {
        PageRequest.Cut<Post, PostId> cut = page.cut(rows, Post::id);
        return new PostPage(cut.items(), cut.next());
    }
}

package dev.postbox.ports.service;

import dev.postbox.domain.Post;
import dev.postbox.domain.PostContent;
import dev.postbox.ports.in.CreatePostUseCase;
import dev.postbox.ports.out.IdGenerator;
import dev.postbox.ports.out.PostRepository;

/** Write a post: a client-made time-based id, so a retried insert is the same post. */
final class CreatePostService implements CreatePostUseCase {
    private final PostRepository posts;
    private final IdGenerator ids;

    CreatePostService(PostRepository posts, IdGenerator ids) {
        this.posts = posts;
        this.ids = ids;
    }

    @Override
    public Post create(CreatePost command) {
        Post post = new Post(command.author().username(), ids.newPostId(), new PostContent(command.content()));
        posts.insert(post);
        return post;
    }
}

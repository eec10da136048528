package dev.postbox.ports.service;

import dev.postbox.domain.PageRequest;
import dev.postbox.domain.Post;
import dev.postbox.domain.PostContent;
import dev.postbox.domain.User;
import dev.postbox.ports.in.CreatePostUseCase.CreatePost;
import dev.postbox.ports.in.RegisterUserUseCase.RegisterUser;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Any valid text survives create then list through the real services, exactly once and unchanged. */
class ContentRoundTripPropertiesTest {
    private final TestCore core = new TestCore();
    private final User author = core.postbox.register().register(
            new RegisterUser("roundtrip", "rt@example.com", "correct horse battery staple"));

    /** Printable code points of every plane, line breaks (also CR LF), tabs, quotes and markup. */
    @Provide
    static Arbitrary<String> contents() {
        Arbitrary<Integer> printable = Arbitraries.integers().between(0x20, 0x10FFFF)
                .filter(cp -> !Character.isISOControl(cp) && !(cp >= 0xD800 && cp <= 0xDFFF));
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(6, printable),
                Tuple.of(3, Arbitraries.of((int) '<', (int) '>', (int) '&', (int) '"', (int) '\'', (int) ';', (int) '%',
                        (int) '\\', (int) '$', (int) '{', (int) '}')),
                Tuple.of(2, Arbitraries.integers().between('a', 'z')),
                Tuple.of(1, Arbitraries.of((int) '\n', (int) '\t', (int) ' ', (int) '\r')));
        return codePoint.list().ofMinSize(1).ofMaxSize(200).map(cps -> {
            StringBuilder s = new StringBuilder();
            cps.forEach(s::appendCodePoint);
            return s.toString();
        }).filter(s -> !s.strip().isEmpty());
    }

    @Property(tries = 300)
    void createdContentIsListedOnceAndUnchanged(@ForAll("contents") String text) {
        core.clock.advance(java.time.Duration.ofMillis(1));
        Post created = core.postbox.createPost().create(new CreatePost(author, text));

        List<Post> listed = core.postbox.listPosts().listOwn(author, Optional.empty(), PageRequest.MAX).posts();

        assertThat(created.content()).isEqualTo(new PostContent(text));
        assertThat(listed).filteredOn(p -> p.id().equals(created.id())).singleElement()
                .satisfies(p -> assertThat(p.content().value()).isEqualTo(new PostContent(text).value()));
        assertThat(core.postbox.listPosts().listByAuthor("ROUNDTRIP", Optional.empty(), new PageRequest(1)).posts().get(0).content())
                .isEqualTo(created.content());
    }
}

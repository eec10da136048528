package dev.postbox.adapter.cassandra;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import dev.postbox.domain.InvalidInputException;
import dev.postbox.domain.PageRequest;
import dev.postbox.domain.Post;
import dev.postbox.domain.PostContent;
import dev.postbox.domain.PostId;
import dev.postbox.domain.PostPage;
import dev.postbox.domain.StoreUnavailableException;
import dev.postbox.domain.Username;
import dev.postbox.ports.out.PostRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Posts in {@code <keyspace>.posts (username text, creation timeuuid, content text, PRIMARY KEY
 * (username, creation))}. Every query says {@code ORDER BY creation DESC}, so a seed table with
 * ascending clustering serves the same pages as one created by our migration. Cassandra sorts a
 * {@code timeuuid} by its timestamp, then its low half as signed bytes (TimeUUIDType): the order
 * of {@link PostId#compareTo}, so pages match the in-memory store's. Statements are prepared
 * once, here; every driver failure becomes a {@link StoreUnavailableException}.
 */
public final class CassandraPostRepository implements PostRepository {
    public static final String STORE = "cassandra";

    private static final Logger LOG = LoggerFactory.getLogger(CassandraPostRepository.class);

    private final CqlSession session;
    private final ConsistencyLevel consistency;
    private final Duration timeout;
    private final PreparedStatement insert;
    private final PreparedStatement newest;
    private final PreparedStatement olderThan;
    private final PreparedStatement find;
    private final PreparedStatement delete;

    /**
     * @throws IllegalStateException      when the posts table does not exist (run {@code migrate})
     * @throws StoreUnavailableException when Cassandra cannot be reached to prepare the statements
     */
    public CassandraPostRepository(CqlSession session, String keyspace, ConsistencyLevel consistency, Duration requestTimeout) {
        this.session = Objects.requireNonNull(session, "session");
        CassandraConfig.requireKeyspace(keyspace);
        this.consistency = Objects.requireNonNull(consistency, "consistency");
        this.timeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        String table = keyspace + ".posts";
        try {
            insert = session.prepare("INSERT INTO " + table + " (username, creation, content) VALUES (?, ?, ?)");
            newest = session.prepare("SELECT creation, content FROM " + table
                    + " WHERE username = ? ORDER BY creation DESC LIMIT ?");
            olderThan = session.prepare("SELECT creation, content FROM " + table
                    + " WHERE username = ? AND creation < ? ORDER BY creation DESC LIMIT ?");
            find = session.prepare("SELECT content FROM " + table + " WHERE username = ? AND creation = ?");
            delete = session.prepare("DELETE FROM " + table + " WHERE username = ? AND creation = ?");
        } catch (InvalidQueryException e) {
            throw new IllegalStateException("Cassandra table " + table + " is missing or not as expected ("
                    + e.getMessage() + "); run migrate first", e);
        } catch (DriverException e) {
            throw new StoreUnavailableException(STORE, e);
        }
    }

    @Override
    public void insert(Post post) {
        Objects.requireNonNull(post, "post");
        // client-made timeuuid + plain INSERT: running it twice writes the same cells, so the
        // driver may retry it on another node
        run(() -> session.execute(bind(insert, true, post.author().value(), post.id().value(), post.content().value())));
    }

    @Override
    public PostPage listByAuthor(Username author, Optional<PostId> before, PageRequest page) {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(before, "olderThan");
        int rows = page.rowsToFetch();
        BoundStatement statement = before
                .map(id -> bind(olderThan, true, author.value(), id.value(), rows))
                .orElseGet(() -> bind(newest, true, author.value(), rows))
                .setPageSize(rows);
        return run(() -> {
            List<Post> posts = new ArrayList<>(rows);
            for (Row row : session.execute(statement)) {
                posts.add(new Post(author, new PostId(row.getUuid(0)), content(row.getString(1))));
            }
            return PostPage.of(posts, page);
        });
    }

    @Override
    public Optional<Post> find(Username author, PostId id) {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(id, "id");
        return run(() -> {
            Row row = session.execute(bind(find, true, author.value(), id.value())).one();
            return Optional.ofNullable(row).map(r -> new Post(author, id, content(r.getString(0))));
        });
    }

    /**
     * Reads, then deletes. Not a lightweight transaction on purpose: mixing Paxos writes with the
     * plain inserts of one partition is asking for timestamp surprises, and a delete that races
     * another delete of the same post at worst reports {@code true} twice.
     */
    @Override
    public boolean delete(Username author, PostId id) {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(id, "id");
        return run(() -> {
            boolean existed = session.execute(bind(find, true, author.value(), id.value())).one() != null;
            if (existed) {
                session.execute(bind(delete, true, author.value(), id.value()));
            }
            return existed;
        });
    }

    private BoundStatement bind(PreparedStatement statement, boolean idempotent, Object... values) {
        return statement.bind(values)
                .setIdempotent(idempotent)
                .setConsistencyLevel(consistency)
                .setTimeout(timeout);
    }

    /**
     * Seed rows were written without our rules; a post that breaks them (empty, too long,
     * control characters) is shown mended rather than failing the whole page.
     */
    static PostContent content(String stored) {
        String text = stored == null ? "" : stored;
        try {
            return new PostContent(text);
        } catch (InvalidInputException e) {
            LOG.debug("Mending a stored post that breaks the content rules ({})", e.code());
            return mended(text);
        }
    }

    private static PostContent mended(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), PostContent.MAX_LENGTH * 2));
        int count = 0;
        for (int i = 0; i < text.length() && count < PostContent.MAX_LENGTH; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\r' || cp == '\n' || cp == '\t') {
                out.appendCodePoint(cp);
            } else if (Character.isISOControl(cp)) {
                continue;
            } else if (Character.getType(cp) == Character.SURROGATE) {
                out.append('\uFFFD');
            } else {
                out.appendCodePoint(cp);
            }
            count++;
        }
        String value = out.toString().strip();
        return new PostContent(value.isEmpty() ? "\uFFFD" : value);
    }

    private static void run(Runnable call) {
        run(() -> {
            call.run();
            return null;
        });
    }

    private static <T> T run(Supplier<T> call) {
        try {
            return call.get();
        } catch (DriverException e) {
            throw new StoreUnavailableException(STORE, e);
        }
    }
}

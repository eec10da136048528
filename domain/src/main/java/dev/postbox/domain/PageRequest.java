package dev.postbox.domain;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How many items one page shows: 1 to {@value #MAX_SIZE}, {@value #DEFAULT_SIZE} when the caller
 * does not say. The one page-size rule: the web's {@code limit} parameter, the use cases and the
 * stores all take this value, so a size out of bounds never gets past the edge that read it.
 * <p>
 * A store is asked for {@link #rowsToFetch()} rows, one more than the page shows: whether that
 * look-ahead row exists tells if a next page does, without a second query ({@link #cut}).
 */
public record PageRequest(int size) {
    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;
    public static final PageRequest DEFAULT = new PageRequest(DEFAULT_SIZE);
    public static final PageRequest MAX = new PageRequest(MAX_SIZE);

    public PageRequest {
        if (size < 1 || size > MAX_SIZE) {
            throw outOfRange();
        }
    }

    /** The {@code limit} text a client sent: absent or empty is the default, anything else must be 1 to 100. */
    public static PageRequest parse(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT;
        }
        int size;
        try {
            size = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw outOfRange();
        }
        return new PageRequest(size);
    }

    private static InvalidInputException outOfRange() {
        return new InvalidInputException("limit", "limit.out_of_range",
                "The page size must be between 1 and " + MAX_SIZE + ".");
    }

    /** The rows to ask a store for: the page and one look-ahead row. */
    public int rowsToFetch() {
        return size + 1;
    }

    /** A page cut from the rows a store returned, in their order. */
    public record Cut<T, C>(List<T> items, Optional<C> next) {
    }

    /**
     * Cuts rows read with {@link #rowsToFetch()} to the page; the cursor (the last shown item's
     * key) is set exactly when the look-ahead row came back, i.e. when a next page exists.
     */
    public <T, C> Cut<T, C> cut(List<T> rows, Function<T, C> cursorOf) {
        if (rows.size() <= size) {
            return new Cut<>(rows, Optional.empty());
        }
        List<T> shown = rows.subList(0, size);
        return new Cut<>(shown, Optional.of(cursorOf.apply(shown.get(size - 1))));
    }
}

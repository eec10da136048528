package dev.postbox.ports.out;

import java.util.function.Supplier;

/**
 * Marks the extent of one use case, so a store with read replicas can send reads that follow a
 * write in the same unit to the primary (read-your-writes). Stores without replicas pass through.
 */
public interface UnitOfWork {
    <T> T run(Supplier<T> work);

    UnitOfWork NONE = new UnitOfWork() {
        @Override
        public <T> T run(Supplier<T> work) {
            return work.get();
        }
    };
}

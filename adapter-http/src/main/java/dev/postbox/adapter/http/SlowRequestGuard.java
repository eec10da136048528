package dev.postbox.adapter.http;

import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Cuts off clients that send a request too slowly (slowloris): Jetty's idle timeout restarts on
 * every byte and its minimum data rate covers bodies only, so a client sending one header byte
 * per second would otherwise hold a connection for ever. Every {@code period} each HTTP/1
 * connection is looked at; one that was in the middle of the same request at the previous look
 * (parser still in the headers or body, no new request since) is closed. So a request must
 * arrive within {@code period}, and a trickling client is gone within twice it.
 */
final class SlowRequestGuard implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(SlowRequestGuard.class);

    private final Scheduler scheduler;
    private final long periodMillis;
    private final LongAdder dropped = new LongAdder();

    SlowRequestGuard(Scheduler scheduler, Duration period) {
        this.scheduler = scheduler;
        this.periodMillis = period.toMillis();
    }

    long dropped() {
        return dropped.sum();
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            new Watch(http).schedule();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        // the watch sees the closed end point and stops by itself
    }

    private final class Watch implements Runnable {
        private final HttpConnection connection;
        private long messagesAtLastLook = -1;
        private boolean receivingAtLastLook;

        Watch(HttpConnection connection) {
            this.connection = connection;
        }

        void schedule() {
            scheduler.schedule(this, periodMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void run() {
            if (!connection.getEndPoint().isOpen()) {
                return;
            }
            HttpParser parser = connection.getParser();
            boolean receiving = !parser.isStart() && (parser.inHeaderState() || parser.inContentState());
            long messages = connection.getMessagesIn();
            if (receiving && receivingAtLastLook && messages == messagesAtLastLook) {
                dropped.increment();
                LOG.info("closing a connection from {} that took over {} ms to send one request",
                        connection.getEndPoint().getRemoteSocketAddress(), periodMillis);
                connection.getEndPoint().close();
                return;
            }
            receivingAtLastLook = receiving;
            messagesAtLastLook = messages;
            schedule();
        }
    }
}

package dev.postbox.adapter.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything logged (every logger, at least the production level, ours at DEBUG) and everything
 * printed to stdout/stderr while open, as text with stack traces and causes, for grepping.
 */
final class LogCapture implements AutoCloseable {
    private static final Map<String, Level> LEVELS = Map.of(
            Logger.ROOT_LOGGER_NAME, Level.INFO,
            "org.eclipse.jetty", Level.INFO,
            "io.javalin", Level.INFO,
            "dev.postbox", Level.DEBUG,
            "dev.postbox.access", Level.INFO);

    private final List<String> lines = new ArrayList<>();
    private final Map<String, Level> saved = new HashMap<>();
    private final AppenderBase<ILoggingEvent> appender;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    LogCapture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                StringBuilder line = new StringBuilder()
                        .append(event.getLevel()).append(' ').append(event.getLoggerName()).append(' ')
                        .append(event.getFormattedMessage());
                if (event.getThrowableProxy() != null) {
                    line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
                }
                synchronized (lines) {
                    lines.add(line.toString());
                }
            }
        };
        appender.setContext(context);
        appender.start();
        for (Map.Entry<String, Level> level : LEVELS.entrySet()) {
            Logger logger = context.getLogger(level.getKey());
            saved.put(level.getKey(), logger.getLevel());
            logger.setLevel(level.getValue());
        }
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        System.setOut(new PrintStream(tee(out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(tee(err), true, StandardCharsets.UTF_8));
    }

    private OutputStream tee(PrintStream original) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (printed) {
                    printed.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (printed) {
                    printed.write(b, off, len);
                }
                original.write(b, off, len);
            }
        };
    }

    /** All captured log events and console output so far. */
    String text() {
        StringBuilder all = new StringBuilder();
        synchronized (lines) {
            lines.forEach(l -> all.append(l).append('\n'));
        }
        synchronized (printed) {
            all.append(printed.toString(StandardCharsets.UTF_8));
        }
        return all.toString();
    }

    int events() {
        synchronized (lines) {
            return lines.size();
        }
    }

    @Override
    public void close() {
        System.setOut(out);
        System.setErr(err);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
        saved.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }
}

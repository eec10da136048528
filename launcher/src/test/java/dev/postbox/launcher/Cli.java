package dev.postbox.launcher;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs one {@code postbox} command in this JVM with a given environment and standard input (no terminal). */
final class Cli {
    record Result(int exit, String out, String err) {
        /** Standard error without the "[  3s] ..." start-up progress lines. */
        String errWithoutProgress() {
            return err.lines().filter(l -> !l.matches("\\[\\s*\\d+s\\] .*")).reduce("", (a, b) -> a + b + "\n");
        }
    }

    private Cli() {
    }

    static Result run(Map<String, String> env, String... args) {
        return withStdin(env, "", args);
    }

    static Result withStdin(Map<String, String> env, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context context = new Context(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                false, false, running -> { });
        int exit = Main.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exit, out.toString(), err.toString());
    }
}

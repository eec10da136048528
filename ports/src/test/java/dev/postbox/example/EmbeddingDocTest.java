package dev.postbox.example;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/embedding.md quotes compiled code: each fenced block after a {@code <!-- quoted from PATH -->}
 * line must appear in that file as it is (indentation aside), so the document cannot drift from
 * code that builds and passes. Its Maven version must be the project's.
 */
class EmbeddingDocTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern QUOTE = Pattern.compile("<!-- quoted from (\\S+) -->\\n```\\w*\\n(.*?)\\n```", Pattern.DOTALL);

    @Test
    void everyQuotedBlockIsInItsFile() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/embedding.md"));
        Matcher m = QUOTE.matcher(doc);
        List<String> checked = new ArrayList<>();
        while (m.find()) {
            String source = Files.readString(ROOT.resolve(m.group(1)));
            assertThat(containsDedented(source, m.group(2))).as("the block quoted from %s is in that file", m.group(1)).isTrue();
            checked.add(m.group(1));
        }
        assertThat(checked).as("quoted blocks").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void theMavenVersionIsTheProjects() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher project = Pattern.compile("<artifactId>postbox-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(project.find()).isTrue();
        Matcher versions = Pattern.compile("<version>([^<]+)</version>").matcher(Files.readString(ROOT.resolve("docs/embedding.md")));
        int found = 0;
        while (versions.find()) {
            assertThat(versions.group(1)).isEqualTo(project.group(1));
            found++;
        }
        assertThat(found).isPositive();
    }

    /** Whether {@code block}'s lines are consecutive lines of {@code source}, both without their common indentation. */
    static boolean containsDedented(String source, String block) {
        List<String> lines = source.lines().toList();
        String wanted = block.stripIndent();
        int n = (int) block.lines().count();
        for (int i = 0; i + n <= lines.size(); i++) {
            if (String.join("\n", lines.subList(i, i + n)).stripIndent().equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}

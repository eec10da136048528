package dev.postbox.launcher.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class UrlsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:mysql://127.0.0.1:3306/postbox|jdbc:mysql://127.0.0.1:3306/postbox",
            "jdbc:mysql://db/postbox?user=app&password=s3cret|jdbc:mysql://db/postbox?…",
            "jdbc:mysql://app:s3cret@db:3306/postbox|jdbc:mysql://db:3306/postbox",
            "jdbc:mysql://app:p@ss@h1,h2/postbox?sslMode=REQUIRED|jdbc:mysql://h1,h2/postbox?…",
    })
    void credentialsNeverShow(String url, String shown) {
        assertThat(Urls.shown(url)).isEqualTo(shown).doesNotContain("s3cret").doesNotContain("p@ss");
    }
}

package dev.postbox.adapter.http;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz test of the form-body parser. Without JAZZER_FUZZ it replays the inputs under
 * {@code FormBodyFuzzTestInputs/} (and the empty input) as an ordinary test; with JAZZER_FUZZ=1
 * it fuzzes for a bounded time (infra/reliability/fuzz/run). The only failure allowed is a 400,
 * and whatever parses re-encodes to the same fields.
 */
class FormBodyFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void formBodiesParseOrAre400AndRoundTrip(byte[] body) {
        Map<String, List<String>> fields;
        try {
            fields = FormBody.parse(body);
        } catch (WebException e) {
            assertThat(e.status()).isEqualTo(400);
            return;
        }
        assertThat(fields.size()).isLessThanOrEqualTo(64);
        String encoded = fields.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
        assertThat(FormBody.parse(encoded.getBytes(StandardCharsets.US_ASCII))).isEqualTo(fields);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package dev.postbox.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** JSON calls through a {@link Browser}, keeping its cookies and the API's CSRF token. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    final Browser browser;
    String csrf;

    Api(Browser browser) {
        this.browser = browser;
    }

    HttpResponse<String> call(String method, String path, String json) {
        HttpRequest.Builder request = browser.request(path).header("Accept", "application/json");
        if (csrf != null) {
            request.header(Csrf.HEADER, csrf);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return browser.send(request);
    }

    HttpResponse<String> logIn(String username, String password) {
        HttpResponse<String> response = call("POST", "/api/v1/session",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        if (response.statusCode() == 200) {
            csrf = json(response).get("csrfToken").asText();
        }
        return response;
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}

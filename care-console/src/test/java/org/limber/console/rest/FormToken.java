package org.limber.console.rest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The CSRF token of a page's forms and its cookie, as a browser gets them, to post a form as the browser would. */
record FormToken(String field, String token, String cookie, String cookieValue) {

    static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">");

    /** A form post carrying the token and its cookie. */
    RequestSpecification form() {
        return given().contentType("application/x-www-form-urlencoded")
                .cookie(cookie, cookieValue)
                .formParam(field, token);
    }

    /** The token of the forms on the page at {@code path} (which must show one). */
    static FormToken of(String path) {
        Response page = given().get(path);
        Matcher m = HIDDEN.matcher(page.asString());
        assertThat(m.find()).as("a form with its CSRF token on " + path).isTrue();
        String cookie = page.getCookies().keySet().stream()
                .filter(c -> c.contains("csrf"))
                .findFirst()
                .orElseThrow();
        return new FormToken(m.group(1), m.group(2), cookie, page.getCookie(cookie));
    }
}

package dev.servinglab.workshop.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InstructorPagesTest {

    private static final String LESSON = "01-what-happens-when-you-call-a-model-api";
    private static final Pattern KEY = Pattern.compile("instructor\\?key=([A-Za-z0-9_%.~-]+)");

    /** Holds a workshop created through the form: its code and the secret its page showed once. */
    private record Created(String code, String secret, String page) {}

    private static Created createThroughTheForm(String title) {
        Response response = given().redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .formParam("title", title)
                .formParam("lessons", LESSON)
                .formParam("hold_answers", "on")
                .post("/workshops");
        response.then().statusCode(201).contentType(ContentType.HTML);
        String path = URI.create(response.header("Location")).getPath();
        String code = path.substring(path.lastIndexOf('/') + 1);
        String page = response.asString();
        Matcher key = KEY.matcher(page);
        assertThat("the page shows the instructor link", key.find(), equalTo(true));
        assertThat(response.cookie(WorkshopCookies.instructor(code)), equalTo(key.group(1)));
        return new Created(code, key.group(1), page);
    }

    @Test
    void theFormOffersEveryLessonTickedAndBothHolds() {
        given().get("/workshops/new")
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .body(allOf(
                        containsString("<form class=\"workshop-form\" method=\"post\" action=\"/workshops\""),
                        containsString("name=\"lessons\" value=\"" + LESSON + "\" checked"),
                        containsString("Hold lessons until I release them"),
                        containsString("Hold quiz answers until I release them")));
    }

    @Test
    void creatingShowsTheCodeTheQrCodeAndTheSecretOnce() {
        Created created = createThroughTheForm("Tuesday <group>");
        String display = created.code().substring(0, 3) + "-" + created.code().substring(3);
        assertThat(created.page(), containsString("<p class=\"join-code\" data-join-code>" + display + "</p>"));
        assertThat(
                created.page(),
                containsString("<img class=\"join-qr\" src=\"/workshops/" + created.code() + "/qr.svg\""));
        assertThat(created.page(), containsString("alt=\"QR code of the join link"));
        assertThat(created.page(), containsString("shown once, keep it"));
        assertThat(created.page(), containsString("Tuesday &lt;group&gt;"));
        // Opened at localhost in the test: the page warns that phones cannot reach it.
        assertThat(created.page(), containsString("Phones cannot reach localhost"));
        assertThat(created.page(), containsString("SERVING_LAB_WORKSHOP_PUBLIC_URL"));
    }

    @Test
    void aFormWithoutTitleOrLessonComesBackWithEachFieldsMessage() {
        given().contentType(ContentType.URLENC)
                .formParam("title", "  ")
                .formParam("hold_lessons", "on")
                .post("/workshops")
                .then()
                .statusCode(422)
                .contentType(ContentType.HTML)
                .body(allOf(
                        containsString("id=\"workshop-title-error\">Must be 1 to 120 characters.</p>"),
                        containsString("id=\"workshop-lessons-error\">Tick at least one lesson.</p>"),
                        containsString("id=\"hold-lessons\" name=\"hold_lessons\" value=\"on\" checked"),
                        not(containsString("name=\"lessons\" value=\"" + LESSON + "\" checked"))));
    }

    @Test
    void theQrCodeIsAnSvgOfTheJoinLink() {
        Created created = createThroughTheForm("QR");
        given().get("/workshops/" + created.code() + "/qr.svg")
                .then()
                .statusCode(200)
                .contentType(startsWith("image/svg+xml"))
                .body(allOf(
                        startsWith("<?xml"), containsString("<svg"), containsString("join?code=" + created.code())));
    }

    @Test
    void theDashboardNeedsTheInstructorLink() {
        Created created = createThroughTheForm("Access");
        String code = created.code();
        given().get("/workshops/" + code)
                .then()
                .statusCode(401)
                .contentType(ContentType.HTML)
                .body(containsString("Open the instructor link"));
        given().get("/workshops/" + code + "/present").then().statusCode(401);
        given().cookie(WorkshopCookies.instructor(code), "not-the-secret")
                .get("/workshops/" + code)
                .then()
                .statusCode(403);
        given().redirects()
                .follow(false)
                .get("/workshops/" + code + "/instructor?key=wrong")
                .then()
                .statusCode(403)
                .contentType(ContentType.HTML)
                .body(containsString("does not carry the instructor&#39;s secret"));

        Response opened =
                given().redirects().follow(false).get("/workshops/" + code + "/instructor?key=" + created.secret());
        opened.then().statusCode(303).header("Location", endsWith("/workshops/" + code));
        String cookie = opened.cookie(WorkshopCookies.instructor(code));
        assertThat(cookie, notNullValue());
        assertThat(opened.detailedCookie(WorkshopCookies.instructor(code)).isHttpOnly(), equalTo(true));

        given().cookie(WorkshopCookies.instructor(code), cookie)
                .get("/workshops/" + code)
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body(allOf(
                        containsString("<h1>Access</h1>"),
                        containsString("Learners: <span data-learner-count>0</span>"),
                        containsString("Nobody has joined yet"),
                        containsString("data-lesson=\"" + LESSON + "\""),
                        containsString("/api/v1/workshops/" + code + "/export.csv"),
                        containsString("Class load test")));
        given().cookie(WorkshopCookies.instructor(code), cookie)
                .get("/workshops/" + code + "/present")
                .then()
                .statusCode(200)
                .body(allOf(containsString("data-presenter"), containsString("Nothing is shown yet")));
    }

    @Test
    void anUnknownWorkshopIsNotFound() {
        given().get("/workshops/ZZZZZZ").then().statusCode(404).body(containsString("No such workshop"));
        given().get("/workshops/ZZZZZZ/instructor?key=x").then().statusCode(404);
    }
}

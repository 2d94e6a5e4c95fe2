package dev.servinglab.workshop.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JoinPageTest {

    // As a browser sends a form from a UTF-8 page (REST Assured would otherwise encode it in ISO-8859-1).
    private static final String FORM = ContentType.URLENC.withCharset("UTF-8");

    @Test
    void theFormTakesTheCodeFromTheJoinLinkAndLabelsEveryField() {
        given().when()
                .get("/join?code=KXP-47R")
                .then()
                .statusCode(200)
                .contentType("text/html")
                .body(containsString("<h1 id=\"join-title\">Join a workshop</h1>"))
                .body(containsString("<label for=\"join-code\">Workshop code</label>"))
                .body(containsString("<label for=\"join-nickname\">Nickname</label>"))
                .body(containsString("value=\"KXP-47R\""))
                .body(containsString("autocomplete=\"off\""))
                .body(containsString("maxlength=\"48\""))
                .body(not(containsString("aria-invalid")));
    }

    @Test
    void aWrongCodeShowsTheFormAgainWithTheCodesMessageAndWhatWasTyped() {
        joinForm("ZZZ-ZZZ", "Ana")
                .then()
                .statusCode(422)
                .body(containsString("id=\"join-code-error\">The code is not the code of a workshop"))
                .body(containsString("value=\"ZZZ-ZZZ\""))
                .body(containsString("value=\"Ana\""))
                .body(containsString("aria-invalid=\"true\" aria-describedby=\"join-code-error\""));
    }

    @Test
    void joiningSetsTheLearnersCookieAndThePageThenSaysWhereThisBrowserIs() {
        String code = createWorkshop("Tuesday <group>");
        Response joined = joinForm(code, "<Ana & 李>");
        joined.then()
                .statusCode(303)
                .header("Location", endsWith("/"))
                .header("Set-Cookie", containsString(WorkshopCookies.LEARNER + "="))
                .header("Set-Cookie", containsString("HttpOnly"));
        String token = joined.getCookie(WorkshopCookies.LEARNER);

        given().cookie(WorkshopCookies.LEARNER, token)
                .when()
                .get("/join")
                .then()
                .statusCode(200)
                .body(containsString("You are in <strong>Tuesday &lt;group&gt;</strong> as "
                        + "<strong>&lt;Ana &amp; 李&gt;</strong>"))
                .body(containsString(">Continue</a>"))
                .body(containsString("action=\"/join/leave\""))
                .body(containsString("data-workshop-learner"))
                .body(not(containsString("<Ana")));

        // The same browser joining again picks up its own learner, whatever nickname it types.
        given().redirects()
                .follow(false)
                .cookie(WorkshopCookies.LEARNER, token)
                .contentType(FORM)
                .formParam("code", code)
                .formParam("nickname", "someone else")
                .when()
                .post("/join")
                .then()
                .statusCode(303);
        given().cookie(WorkshopCookies.LEARNER, token)
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body(containsString("\"nickname\":\"<Ana & 李>\""));

        given().redirects()
                .follow(false)
                .cookie(WorkshopCookies.LEARNER, token)
                .when()
                .post("/join/leave")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/join"));
        given().cookie(WorkshopCookies.LEARNER, token)
                .when()
                .get("/join")
                .then()
                .statusCode(200)
                .body(containsString("You left <strong>Tuesday &lt;group&gt;</strong>"))
                .body(containsString("value=\"" + display(code) + "\""));
    }

    @Test
    void aTakenOrBrokenNicknameIsNamedNextToItsField() {
        String code = createWorkshop("Nicknames");
        joinForm(code, "Bea").then().statusCode(303);
        joinForm(code, "BEA")
                .then()
                .statusCode(422)
                .body(containsString("id=\"join-nickname-error\">The nickname is already taken in this workshop"))
                .body(containsString("value=\"BEA\""));
        joinForm(code, "   ")
                .then()
                .statusCode(422)
                .body(containsString("id=\"join-nickname-error\">The nickname must be 1 to 24 characters"));
    }

    @Test
    void aClosedWorkshopSaysSoAboveTheForm() {
        JsonPath created = create("Closed class");
        given().header("Authorization", "Bearer " + created.getString("secret"))
                .when()
                .post("/api/v1/workshops/" + created.getString("workshop.code") + "/close")
                .then()
                .statusCode(200);
        joinForm(created.getString("workshop.code"), "Cy")
                .then()
                .statusCode(409)
                .body(containsString("role=\"alert\""))
                .body(containsString("closed"));
    }

    private static Response joinForm(String code, String nickname) {
        return given().redirects()
                .follow(false)
                .contentType(FORM)
                .formParam("code", code)
                .formParam("nickname", nickname)
                .when()
                .post("/join");
    }

    private static String createWorkshop(String title) {
        return create(title).getString("workshop.code");
    }

    private static String display(String code) {
        return code.substring(0, 3) + "-" + code.substring(3);
    }

    private static JsonPath create(String title) {
        return given().contentType(ContentType.JSON)
                .body("{\"title\": \"" + title + "\"}")
                .when()
                .post("/api/v1/workshops")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }
}

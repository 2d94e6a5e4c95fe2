package dev.servinglab.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.servinglab.workshop.Workshops;
import dev.servinglab.workshop.rest.WorkshopCookies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LessonPageWorkshopTest {

    private static final String LESSON = "01-what-happens-when-you-call-a-model-api";
    private static final String PATH = "/lessons/" + LESSON;
    private static final String HELD = "Your instructor has not opened this lesson yet";

    @Test
    void aHeldLessonShowsTheNoticeToTheWorkshopsLearnersAndTheLessonToAnyoneElse() {
        Workshops.Created created = Workshops.create("{\"title\": \"Held\", \"lessons\": [\"" + LESSON
                + "\"], \"hold_lessons\": true, " + "\"hold_answers\": true}");
        String code = created.code();
        String secret = created.secret();
        String token = Workshops.join(code, "Dee").token();

        given().cookie(WorkshopCookies.LEARNER, token)
                .when()
                .get(PATH)
                .then()
                .statusCode(200)
                .body(containsString(HELD))
                .body(containsString("data-lesson-held=\"" + LESSON + "\""))
                .body(containsString("class=\"site-nav\""))
                .body(not(containsString("data-quiz=")))
                .body(not(containsString("class=\"lesson-body\"")));
        given().when()
                .get(PATH)
                .then()
                .statusCode(200)
                .body(not(containsString(HELD)))
                .body(containsString("class=\"lesson-body\""))
                .body(not(containsString("data-workshop-answers")));

        // Released, with its answers still held: the quiz posts to the workshop and says the feedback waits.
        given().header("Authorization", "Bearer " + secret)
                .contentType(ContentType.JSON)
                .body("{\"released\": true, \"answers_released\": false}")
                .when()
                .put("/api/v1/workshops/" + code + "/lessons/" + LESSON)
                .then()
                .statusCode(200);
        given().cookie(WorkshopCookies.LEARNER, token)
                .when()
                .get(PATH)
                .then()
                .statusCode(200)
                .body(not(containsString(HELD)))
                .body(containsString("data-workshop-answers=\"/api/v1/me/answers\" data-answers-held"));

        // A learner who left answers the quiz API again.
        given().cookie(WorkshopCookies.LEARNER, token)
                .when()
                .delete("/api/v1/me")
                .then()
                .statusCode(200);
        given().cookie(WorkshopCookies.LEARNER, token)
                .when()
                .get(PATH)
                .then()
                .statusCode(200)
                .body(not(containsString("data-workshop-answers")));
    }

    @Test
    void aLessonOutsideTheWorkshopIsShownAsUsual() {
        String code = Workshops.create("{\"title\": \"Other\", \"lessons\": [\"02-the-predict-api-hands-on\"], "
                        + "\"hold_lessons\": true}")
                .code();
        String token = Workshops.join(code, "Eve").token();
        given().cookie(WorkshopCookies.LEARNER, token)
                .when()
                .get(PATH)
                .then()
                .statusCode(200)
                .body(not(containsString(HELD)))
                .body(not(containsString("data-workshop-answers")))
                .body(containsString("class=\"lesson-body\""));
    }
}

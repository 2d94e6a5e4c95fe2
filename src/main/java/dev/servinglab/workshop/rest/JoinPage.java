package dev.servinglab.workshop.rest;

import dev.servinglab.web.problem.ConflictException;
import dev.servinglab.web.problem.FieldViolation;
import dev.servinglab.web.problem.InvalidInputException;
import dev.servinglab.web.problem.TooManyRequestsException;
import dev.servinglab.workshop.WorkshopConfig;
import dev.servinglab.workshop.service.LearnerService;
import dev.servinglab.workshop.service.Nicknames;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Serves the page learners join a workshop from: a plain form that works without JavaScript, which says so when
 * this browser is in a workshop already and lets it leave.
 */
@Path("/join")
@Produces(MediaType.TEXT_HTML)
public class JoinPage {

    /** The most characters the code field takes: the code read aloud, with room for spaces typed. */
    static final int CODE_MAX_LENGTH = 12;

    /** The most UTF-16 units the nickname field takes: every allowed character may need two (emoji). */
    static final int NICKNAME_MAX_LENGTH = 2 * Nicknames.MAX_LENGTH;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance join(JoinForm form, LearnerService.Me me);
    }

    /**
     * Holds the form as typed, and what was wrong with it.
     *
     * @param code          the code typed, or prefilled from the join link
     * @param nickname      the nickname typed
     * @param codeError     what is wrong with the code; null when nothing
     * @param nicknameError what is wrong with the nickname; null when nothing
     * @param problem       what stands in the way of the whole form (closed, full, too many tries); null for none
     */
    public record JoinForm(String code, String nickname, String codeError, String nicknameError, String problem) {

        /** Returns the most characters the code field takes. */
        public int codeMaxLength() {
            return CODE_MAX_LENGTH;
        }

        /** Returns the most characters the nickname field takes. */
        public int nicknameMaxLength() {
            return NICKNAME_MAX_LENGTH;
        }

        /** Returns the rule for nicknames, as the hint under the field says it. */
        public int nicknameCharacters() {
            return Nicknames.MAX_LENGTH;
        }

        static JoinForm typed(String code, String nickname) {
            return new JoinForm(code, nickname, null, null, null);
        }

        JoinForm withProblem(String text) {
            return new JoinForm(code, nickname, codeError, nicknameError, text);
        }

        JoinForm withViolations(Iterable<FieldViolation> violations) {
            JoinForm form = this;
            for (FieldViolation violation : violations) {
                String message = label(violation.field()) + " " + violation.message();
                form = switch (violation.field()) {
                    case "code" -> new JoinForm(code, nickname, message, form.nicknameError, form.problem);
                    case "nickname" -> new JoinForm(code, nickname, form.codeError, message, form.problem);
                    default -> form.withProblem(message);
                };
            }
            return form;
        }

        private static String label(String field) {
            return switch (field) {
                case "code" -> "The code";
                case "nickname" -> "The nickname";
                default -> field;
            };
        }
    }

    private final LearnerService learners;
    private final WorkshopConfig config;

    JoinPage(LearnerService learners, WorkshopConfig config) {
        this.learners = learners;
        this.config = config;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance form(@QueryParam("code") String code, @CookieParam(WorkshopCookies.LEARNER) String token) {
        LearnerService.Me me = learners.find(token).orElse(null);
        String prefilled = code != null ? code : me != null ? me.workshop().displayCode() : "";
        return Templates.join(JoinForm.typed(clip(prefilled, CODE_MAX_LENGTH), ""), me);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public RestResponse<TemplateInstance> join(
            @FormParam("code") String code,
            @FormParam("nickname") String nickname,
            @CookieParam(WorkshopCookies.LEARNER) String token,
            @Context HttpServerRequest http) {
        JoinForm typed = JoinForm.typed(clip(code, CODE_MAX_LENGTH), clip(nickname, Nicknames.MAX_TYPED_LENGTH));
        try {
            LearnerService.Joined joined =
                    learners.join(code, nickname == null ? "" : nickname, token, JoinResource.client(http));
            return RestResponse.ResponseBuilder.<TemplateInstance>seeOther(URI.create("/"))
                    .cookie(WorkshopCookies.learner(joined.token(), config))
                    .build();
        } catch (InvalidInputException e) {
            return refused(422, typed.withViolations(e.violations()), token).build();
        } catch (ConflictException e) {
            return refused(409, typed.withProblem(e.getMessage()), token).build();
        } catch (TooManyRequestsException e) {
            return refused(429, typed.withProblem(e.getMessage()), token)
                    .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                    .build();
        }
    }

    @POST
    @Path("/leave")
    @Operation(hidden = true)
    public RestResponse<Void> leave(@CookieParam(WorkshopCookies.LEARNER) String token) {
        if (learners.find(token).isPresent()) {
            learners.leave(token);
        }
        return RestResponse.seeOther(URI.create("/join"));
    }

    // The form again, as typed, with what was wrong: the status says it to scripts and tests too.
    private RestResponse.ResponseBuilder<TemplateInstance> refused(int status, JoinForm form, String token) {
        return RestResponse.ResponseBuilder.<TemplateInstance>create(status)
                .entity(Templates.join(form, learners.find(token).orElse(null)));
    }

    private static String clip(String typed, int max) {
        if (typed == null) {
            return "";
        }
        return typed.length() > max ? typed.substring(0, max) : typed;
    }
}

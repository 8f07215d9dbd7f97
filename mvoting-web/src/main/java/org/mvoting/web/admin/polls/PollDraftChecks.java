package org.mvoting.web.admin.polls;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mvoting.api.polls.PollDraft;
import org.mvoting.web.portal.PortalMessages;

/**
 * What the poll editor can say about a draft before asking the service: a department, a period, and Bean
 * Validation on the draft (lengths, blanks), each worded by the portal in the page's language. The service's own
 * checks stay the rule.
 */
final class PollDraftChecks {

    private static final Pattern QUESTION_PATH = Pattern.compile("questions\\[(\\d+)]\\.(\\w+).*");
    /** The client id of the title input, whose message is shown next to it. */
    private static final String TITLE_ID = "edit:title";

    private PollDraftChecks() {
    }

    /** The portal texts to say, once each, in order ("key#n" for question n's). */
    static Set<String> problems(PollDraft draft, boolean hasDepartment, boolean hasPeriod, Validator validator) {
        Set<String> said = new LinkedHashSet<>();
        if (!hasDepartment) {
            said.add("edit.noDepartment");
        }
        if (!hasPeriod) {
            said.add("edit.invalid.period");
        }
        for (ConstraintViolation<PollDraft> violation : validator.validate(draft)) {
            said.add(messageFor(violation.getPropertyPath().toString()));
        }
        return said;
    }

    /** Adds a message for each problem; true when there was none. */
    static boolean say(Set<String> problems) {
        for (String message : problems) {
            String[] keyAndPosition = message.split("#");
            if (keyAndPosition.length == 2) {
                PortalMessages.error(null, keyAndPosition[0], Integer.parseInt(keyAndPosition[1]));
            } else if ("validation-failed".equals(message)) {
                PortalMessages.problem(null, message);
            } else {
                PortalMessages.error("edit.invalid.title".equals(message) ? TITLE_ID : null, message);
            }
        }
        return problems.isEmpty();
    }

    /** The portal text for a Bean Validation path ("questions[2].options[0].<list element>" → question 3's options). */
    static String messageFor(String path) {
        Matcher question = QUESTION_PATH.matcher(path);
        if (path.startsWith("title")) {
            return "edit.invalid.title";
        } else if (path.startsWith("description")) {
            return "edit.invalid.description";
        } else if (path.startsWith("opensAt") || path.startsWith("closesAt")) {
            return "edit.invalid.period";
        } else if (path.startsWith("departmentCode")) {
            return "edit.noDepartment";
        } else if (path.startsWith("questions") && !question.matches()) {
            return "edit.invalid.questions";
        } else if (question.matches()) {
            int position = Integer.parseInt(question.group(1)) + 1;
            return ("text".equals(question.group(2)) ? "edit.invalid.questionText" : "edit.invalid.options") + "#" + position;
        }
        return "validation-failed";
    }
}

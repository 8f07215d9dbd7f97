package org.mvoting.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.mvoting.api.errors.NotFoundException;
import org.mvoting.api.policycycle.PolicyDocumentFile;
import org.mvoting.web.rest.security.RequestSizeLimit;

/** How a step's PDF is named on download, and that the HTTP limit is the document limit. */
class PolicyCycleResourceTest {

    @Test
    void aKoreanNameTravelsInRfc5987FormWithAnAsciiFallback() {
        assertEquals("attachment; filename=\"___ 2030.pdf\"; filename*=UTF-8''%EA%B2%B0%EC%A0%95%EC%84%9C%202030.pdf",
                PolicyCycleResource.contentDisposition("결정서 2030.pdf"));
        assertEquals("attachment; filename=\"plan.pdf\"; filename*=UTF-8''plan.pdf",
                PolicyCycleResource.contentDisposition("plan.pdf"));
    }

    @Test
    void theUploadPathTakesExactlyADocumentsBytes() {
        assertEquals(PolicyDocumentFile.MAX_BYTES, RequestSizeLimit.limitFor(
                "/api/v1/admin/polls/x/policy-cycle/steps/y/document"));
        assertEquals(RequestSizeLimit.MAX_BYTES, RequestSizeLimit.limitFor("/api/v1/admin/polls/x/policy-cycle/steps"));
    }

    @Test
    void aStepIdThatCannotExistIsNotFound() {
        assertEquals("policy-step-not-found", assertThrows(NotFoundException.class,
                () -> PolicyCycleResource.step("nonsense", "policy-step-not-found")).code());
    }
}

package org.mvoting.api.policycycle;

/** A step's PDF as it is served: the name it was uploaded with and its bytes. */
public record PolicyDocumentFile(String fileName, byte[] content) {

    /** The only document type a step takes: a PDF, served as such. */
    public static final String CONTENT_TYPE = "application/pdf";
    /** The largest document: the API's file limit (1 MiB, web.rest.security.RequestSizeLimit.MAX_FILE_BYTES). */
    public static final int MAX_BYTES = 1024 * 1024;
    /** The most characters of a document's file name. */
    public static final int NAME_LENGTH = 200;
}

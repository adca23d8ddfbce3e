package dev.mailwire;

import java.util.Objects;

/**
 * A part the HTML body refers to as {@code cid:<contentId>}, for example an embedded image.
 *
 * @param contentId the Content-ID without angle brackets, as referred to from the HTML ({@code cid:logo})
 * @param attachment the content
 */
public record InlinePart(String contentId, Attachment attachment) {

    public InlinePart {
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(attachment, "attachment");
    }
}

package dev.mailwire.jca.validation;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.ParameterList;
import jakarta.mail.internet.ParseException;
import java.util.Enumeration;
import java.util.Locale;

/**
 * Checks the parameters of a part's Content-Type and Content-Disposition as a mail client reads them: RFC 2231
 * decoded ({@code filename*=UTF-8''a%0D%0Ab}, continuations joined), then RFC 2047 encoded-words decoded. The raw
 * header check cannot see a CR or LF hidden that way, and a client that decodes it shows a line break. File names
 * ({@code filename}, {@code name}) are checked first and reported as {@code attachment name}, bidi controls refused.
 * A header that does not parse is left to the raw header check.
 */
final class Parameters {

    private final String mailer;

    Parameters(String mailer) {
        this.mailer = mailer;
    }

    void check(MimePart part) throws MessagingException {
        String type = part.getHeader("Content-Type", null);
        String disposition = part.getHeader("Content-Disposition", null);
        ParameterList typeParameters = null;
        ParameterList dispositionParameters = null;
        try {
            typeParameters = type == null ? null : new ContentType(type).getParameterList();
        } catch (ParseException e) {
            // reported by the raw header check, or harmless
        }
        try {
            dispositionParameters = disposition == null ? null : new ContentDisposition(disposition).getParameterList();
        } catch (ParseException e) {
            // as above
        }
        checkFileName(dispositionParameters, "filename");
        checkFileName(typeParameters, "name");
        checkAll("header Content-Type", typeParameters);
        checkAll("header Content-Disposition", dispositionParameters);
    }

    private void checkFileName(ParameterList parameters, String name) {
        String value = parameters == null ? null : parameters.get(name);
        if (value != null) {
            Text.checkName(mailer, "attachment name", "", EncodedWords.decode(value));
        }
    }

    private void checkAll(String field, ParameterList parameters) {
        if (parameters == null) {
            return;
        }
        Enumeration<String> names = parameters.getNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            String value = parameters.get(name);
            if (value == null) {
                continue;
            }
            EncodedWords.refuseHiddenBreaks(mailer, field, value, "parameter " + name.toLowerCase(Locale.ROOT) + " ");
        }
    }
}
